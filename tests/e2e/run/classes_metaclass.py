# classes: metaclasses, __prepare__ and the order of events, class keywords
events = []


def log(*a):
    events.append(" ".join([str(x) for x in a]))


class LoggingDict(dict):
    def __setitem__(self, key, value):
        log("set", key)
        super().__setitem__(key, value)

    def __getitem__(self, key):
        log("get", key)
        return super().__getitem__(key)


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        log("prepare", name, [b.__name__ for b in bases], sorted(kw.items()))
        return LoggingDict()

    def __new__(mcls, name, bases, ns, **kw):
        log("new", name, type(ns).__name__, sorted([k for k in ns if not k.startswith("__")]), sorted(kw))
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        log("init", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        log("call", cls.__name__)
        return super().__call__(*a, **k)


def deco(tag):
    log("deco evaluated", tag)

    def apply(cls):
        log("deco applied", tag, cls.__name__)
        cls.tags = getattr(cls, "tags", ()) + (tag,)
        return cls
    return apply


def base_expr():
    log("bases evaluated")
    return object


def kw_expr():
    log("keywords evaluated")
    return 42


@deco("outer")
@deco("inner")
class A(base_expr(), metaclass=Meta, flag=kw_expr()):
    log("body start")
    x = 1
    y = x + 1
    log("body end")


A()
print("\n".join(events))
print(A.tags, type(A).__name__, A.y)

events.clear()


class B(A, flag=2):
    z = 3


print("\n".join(events))


class InitSub:
    registry = []

    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        InitSub.registry.append((cls.__name__, tag))


class S1(InitSub, tag="one"):
    pass


class S2(S1):
    pass


kws = {"tag": "three"}


class S3(InitSub, **kws):
    pass


print(InitSub.registry)
try:
    class S4(InitSub, bogus=1):
        pass
except TypeError as e:
    print("TypeError", e)

try:
    class S5(flag=1):
        pass
except TypeError as e:
    print("TypeError", e)


class Plain(metaclass=lambda name, bases, ns, **kw: (name, sorted(ns), kw)):
    a = 1


print(Plain)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42


try:
    class C(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)


class Dropper(type):
    def __new__(mcls, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcls, name, bases, ns)


try:
    class D(metaclass=Dropper):
        def m(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError", e)


class Wrapper:
    def __mro_entries__(self, bases):
        log("mro_entries", len(bases))
        return (dict,)


events.clear()
w = Wrapper()


class E(w, metaclass=type):
    pass


print(events, E.__bases__, E.__orig_bases__ == (w,), "__orig_bases__" in E.__dict__)


class Generic:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)


print(Generic[int], Generic["x", 1])


class Named:
    def __set_name__(self, owner, name):
        self.where = (owner.__name__, name)


class HasNamed:
    first = Named()
    second = Named()


print(HasNamed.first.where, HasNamed.second.where)

import types
print(types.resolve_bases((w, int)))
NS = types.new_class("NS", (int,), {}, lambda ns: ns.update(v=7))
print(NS.v, NS.__mro__)


class BadEntries:
    def __mro_entries__(self, bases):
        return [int]


class Meta2(type):
    pass


try:
    class F(BadEntries()):
        pass
except TypeError as e:
    print("TypeError", e)
