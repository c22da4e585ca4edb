# classes: properties with setters and deleters, descriptors, __slots__
class Temp:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        """the temperature in C"""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    fahrenheit = property(lambda self: self._c * 9 / 5 + 32)


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
del t.celsius
print(t.celsius)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError", e)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
print(s.a, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError", e)


class SlotChild(Slotted):
    __slots__ = ("c",)


sc = SlotChild()
sc.c = 5
print(sc.a, sc.c)


class Desc:
    def __get__(self, obj, owner=None):
        return ("get", obj is None, owner.__name__)

    def __set__(self, obj, value):
        obj.__dict__["stored"] = value * 2


class UsesDesc:
    d = Desc()


u = UsesDesc()
u.d = 21
print(u.d, UsesDesc.d, u.stored)


class Lazy:
    def __init__(self, func):
        self.func = func
        self.name = func.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = self.func(obj)
        obj.__dict__[self.name] = value
        return value


class Computes:
    calls = 0

    @Lazy
    def heavy(self):
        Computes.calls += 1
        return 99


c = Computes()
print(c.heavy, c.heavy, Computes.calls)

import functools


class Cached:
    @functools.cached_property
    def value(self):
        print("computing")
        return 7


cc = Cached()
print(cc.value, cc.value)
