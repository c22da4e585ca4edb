# classes: method calls -- the method found before the arguments run (LOAD_METHOD),
# instance attributes shadowing methods, calls on builtins, modules, types
import math


class Obj:
    def m(self, *a, **k):
        return ("m", a, sorted(k.items()))

    @staticmethod
    def s(x):
        return ("static", x)

    @classmethod
    def c(cls, x):
        return ("class", cls.__name__, x)


def side(tag, log):
    log.append(tag)
    return tag


log = []
o = Obj()
try:
    o.missing(side("argument", log))
except AttributeError as e:
    print("AttributeError", e, log)


class Rebinds:
    def m(self, x):
        return "original " + x


r = Rebinds()


def rebind(obj):
    obj.m = lambda x: "replaced " + x
    return "arg"


print(r.m(rebind(r)), r.m("again"))
print(o.m(1, 2, k=3), o.s(1), o.c(2), Obj.c(3), Obj.m(o, 4))
o.m = lambda *a: ("instance", a)
print(o.m(5), Obj().m(6))

items = []
items.append(1)
items.extend([2, 3])
print(items, items.pop(), "a,b".split(","), str.upper("x"), math.sqrt(16.0), {1: 2}.get(1), (1, 2).count(1))


class Callable:
    def __call__(self, v):
        return ("called", v)


class Holder:
    def __init__(self):
        self.fn = Callable()
        self.plain = len

    def __getattr__(self, name):
        return lambda *a: ("getattr", name, a)


h = Holder()
print(h.fn(1), h.plain([1, 2]), h.dynamic(3), h.other())


class Prop:
    @property
    def p(self):
        return lambda x: ("from property", x)


print(Prop().p(9))


class Sub(Obj):
    def m(self, *a, **k):
        return ("sub",) + super().m(*a, **k)


print(Sub().m(1, z=2), Sub().c(0))
try:
    Obj.m()
except TypeError as e:
    print("TypeError", e)
try:
    o.s()
except TypeError as e:
    print("TypeError", e)
None.missing()
