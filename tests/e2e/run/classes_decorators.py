# classes: class decorators (order of evaluation and application), decorated methods
order = []


def tag(name):
    order.append("evaluate " + name)

    def apply(obj):
        order.append("apply %s to %s" % (name, obj.__name__))
        obj.tags = getattr(obj, "tags", []) + [name]
        return obj
    return apply


def replace(cls):
    order.append("replace " + cls.__name__)
    return {"was": cls.__name__, "qualname": cls.__qualname__}


@tag("a")
@tag("b")
class A:
    order.append("body A")

    @tag("m1")
    @tag("m2")
    def method(self):
        return "method"


print(order)
print(A.tags, A.method.tags, A().method())


@replace
class B:
    pass


print(B)


def counting(cls):
    orig = cls.__init__

    def __init__(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    cls.instances = 0
    return cls


@counting
class C:
    def __init__(self, v):
        self.v = v


C(1), C(2)
print(C.instances, C(3).v)

import functools


def logged(func):
    @functools.wraps(func)
    def wrapper(*a, **k):
        print("call", func.__qualname__)
        return func(*a, **k)
    return wrapper


class D:
    @logged
    def work(self, x):
        """work doc"""
        return x * 2

    @staticmethod
    @logged
    def static(x):
        return x + 1

    @classmethod
    @logged
    def klass(cls):
        return cls.__name__


print(D().work(2), D.work.__name__, D.work.__doc__, D.static(1), D.klass())


def in_function(flag):
    def deco(cls):
        cls.flag = flag
        return cls

    @deco
    class Inner:
        pass
    return Inner.flag, Inner.__qualname__


print(in_function(7))
