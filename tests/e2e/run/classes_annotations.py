# classes: __annotations__ of annotated class-level names
import typing


class A:
    x: int
    y: str = "y"
    z: "forward" = 3
    (w): int = 4
    obj = type("O", (), {})()
    obj.attr: int = 5
    d = {}
    d["k"]: float = 1.0
    if True:
        nested: list = []
    for i in range(1):
        looped: dict = {}
    __private: bytes = b""


print(A.__annotations__)
print(A.y, A.z, A.w, A.nested, A.looped, A.d, hasattr(A, "x"), A.obj.attr)


class NoAnnotations:
    a = 1


print("__annotations__" in NoAnnotations.__dict__)


class B(A):
    b: float = 0.5


print(B.__annotations__, typing.get_type_hints(B, localns={"forward": int}))


class Prepared(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return {"__annotations__": {"preset": "yes"}}


class C(metaclass=Prepared):
    c: int = 1


print(C.__annotations__)


class D:
    del __annotations__
    try:
        later: int = 1
    except NameError as e:
        print("NameError", e)


def f():
    class Local:
        v: int = 1
        u: typing.List[int]
    return Local.__annotations__


print(f())
