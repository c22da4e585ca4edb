# Class scopes: names a class body binds are invisible to its methods.
import functools

x = "module"


class Base:
    x = "class"
    items = [1, 2, 3]
    # the first iterable runs in the class body; the rest cannot see 'items'
    doubled = [i * 2 for i in items]
    pairs = [(i, j) for i in items for j in range(len(items))]
    lookup = {k: x for k in items}
    fn = lambda self: x

    def method(self):
        return x, Base.x, self.x

    @staticmethod
    def static():
        return Base

    @classmethod
    def klass(cls):
        return cls

    @functools.wraps(method)
    def wrapped(self):
        return self


class Child(Base):
    def __init__(self):
        super().__init__()

    def explicit(self):
        return __class__

    def no_super(self):
        return 1

    def nested(self):
        def inner():
            return super
        return inner

    class Inner:
        def method(self):
            return super().method()


def factory(value):
    class Local:
        attr = value
        value = 2          # bound in the class and free in the method: DEF_FREE_CLASS

        def get(self):
            return value

    class Declared:
        nonlocal value
        value = 3

        def get(self):
            return value
    return Local, Declared


class Globals:
    global gx
    gx = 1

    def read(self):
        return gx


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        return super().__new__(mcs, name, bases, ns)


class WithMeta(Base, metaclass=Meta, flag=True):
    pass


def make_methods():
    def helper(self):
        return self

    class C:
        method = helper
    return C
