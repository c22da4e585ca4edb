# classes: __qualname__ and __name__ of nested classes and their methods
class A:
    class B:
        class C:
            def m(self):
                def inner():
                    pass
                return inner

        def n(self):
            return lambda: None

    def f(self):
        class Local:
            def g(self):
                pass
        return Local

    x = [lambda: 0 for _ in range(1)]


print(A.__qualname__, A.B.__qualname__, A.B.C.__qualname__, A.B.C.m.__qualname__)
print(A.B.C().m().__qualname__, A.B().n().__qualname__)
L = A().f()
print(L.__qualname__, L.g.__qualname__, L.__name__, A.x[0].__qualname__)


def outer():
    class Inside:
        def meth(self):
            return 1

        class Deep:
            pass
    return Inside


I = outer()
print(I.__qualname__, I.meth.__qualname__, I.Deep.__qualname__, I.__module__ == __name__)


def glob():
    global G

    class G:
        def m(self):
            pass


glob()
print(G.__qualname__, G.m.__qualname__)


class Renamed:
    pass


Renamed.__qualname__ = "Other.Name"
print(Renamed.__qualname__, repr(Renamed).endswith("Other.Name'>"), Renamed.__name__)
print(A.B.C.m.__code__.co_name, A.B.C.m.__module__ == __name__)
