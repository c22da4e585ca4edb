# classes: the __class__ cell: per class statement, in loops, nonlocal, reassigned classes
def make(n):
    out = []
    for i in range(n):
        class K:
            def me(self):
                return __class__

            def sup(self):
                return super().__repr__()[:10]
        out.append(K)
    return out


ks = make(3)
print([k().me() is k for k in ks], ks[0] is not ks[1], ks[2]().sup())


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


OldB = B


class B(OldB):
    def who(self):
        return "new B>" + super().who()


print(B().who(), OldB().who())


class C:
    def get(self):
        nonlocal __class__
        return __class__

    def set(self, v):
        nonlocal __class__
        __class__ = v
        return __class__


c = C()
print(c.get() is C, c.set("replaced"), c.get())


class D:
    def m(self):
        return [__class__.__name__ for _ in range(2)], (lambda: __class__.__name__)()


print(D().m())


class Outer:
    def method(self):
        class Inner:
            def inner(self):
                return __class__.__qualname__
        return Inner().inner(), __class__.__qualname__


print(Outer().method())
print(C.get.__code__.co_freevars, D.m.__closure__[0].cell_contents is D)
