# classes: __slots__ and the AttributeError messages
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
for action in ("read y", "set z", "del y", "dict"):
    try:
        if action == "read y":
            p.y
        elif action == "set z":
            p.z = 1
        elif action == "del y":
            del p.y
        else:
            p.__dict__
    except AttributeError as e:
        print(action, "AttributeError:", e)
p.y = 2
print(p.x, p.y, P.x, type(P.x).__name__)


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.__dict__)


class Weak:
    __slots__ = ("__weakref__",)


import weakref
r = weakref.ref(Weak()) if False else None
print(r, Weak.__slots__)


class One:
    __slots__ = "only"


o = One()
o.only = 3
print(o.only, One.__slots__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError", e)


class Private:
    __slots__ = ("__secret",)

    def __init__(self):
        self.__secret = 42

    def get(self):
        return self.__secret


print(Private().get(), Private.__slots__, hasattr(Private, "_Private__secret"))
