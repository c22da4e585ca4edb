# Refcounts through class statements (tests/e2e/leaks/driver.py): the
# namespace, the bases, the metaclass, the __class__ cell and the methods
# are released on every path, and the cycles a class makes with its methods
# (class -> method -> closure -> __class__ cell -> class) are collected.
class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def make_class(n):
    class Local(Base):
        k = n
        items = [n * i for i in range(3)]

        def get(self):
            return super().get() + self.k

        @property
        def twice(self):
            return self.get() * 2
    return Local(1).twice + len(Local.items)


def body_raises(x):
    class Broken:
        a = 1
        b = x + 1        # TypeError for a str
        c = 3
    return Broken


def method_raises(x):
    class Thrower:
        def go(self):
            raise ValueError(x)
    Thrower().go()


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {"from_prepare": kw.get("tag")}

    def __new__(mcls, name, bases, ns, **kw):
        return super().__new__(mcls, name, bases, ns)


def with_metaclass(tag):
    class M(Base, metaclass=Meta, tag=tag):
        def m(self):
            return __class__
    return M.from_prepare, M(0).m() is M


def bad_keyword():
    class K(Base, unknown=1):
        pass


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return 42


def prepare_fails():
    class P(Base, metaclass=BadPrepare, **{"tag": 1, "other": 2}):
        x = 1


def star_bases(bases):
    class S(*bases):
        pass
    return S.__mro__


def decorated(n):
    def deco(cls):
        cls.extra = n
        return cls

    @deco
    class D:
        def __repr__(self):
            return "D"
    return D.extra, repr(D())


def dropped_cell():
    class Dropper(type):
        def __new__(mcls, name, bases, ns):
            return super().__new__(mcls, name, bases, {k: v for k, v in ns.items() if k != "__classcell__"})

    class X(metaclass=Dropper):
        def m(self):
            return super()


def name_error():
    class N:
        y = undefined_name


def instances(n):
    out = []
    for i in range(n):
        out.append(Base(i).get())
    return sum(out)


LEAK_CALLS = [
    ("make_class", (2,), None),
    ("body_raises", (1,), None),
    ("body_raises", ("s",), TypeError),
    ("method_raises", ("boom",), ValueError),
    ("with_metaclass", ("t",), None),
    ("bad_keyword", (), TypeError),
    ("prepare_fails", (), TypeError),
    ("star_bases", ((Base,),), None),
    ("star_bases", (5,), TypeError),
    ("decorated", (3,), None),
    ("dropped_cell", (), RuntimeError),
    ("name_error", (), NameError),
    ("instances", (5,), None),
]
