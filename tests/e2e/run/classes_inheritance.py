# classes: inheritance, the MRO, super() chains with multiple inheritance
class Base:
    def __init__(self):
        self.log = ["Base"]

    def who(self):
        return "Base"

    def chain(self):
        return ["Base"]


class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

    def who(self):
        return "Left>" + super().who()

    def chain(self):
        return ["Left"] + super().chain()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

    def who(self):
        return "Right>" + super().who()

    def chain(self):
        return ["Right"] + super().chain()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")

    def chain(self):
        return ["Diamond"] + super().chain()


d = Diamond()
print(d.log, d.who(), d.chain())
print([k.__name__ for k in Diamond.__mro__])
print(super(Left, d).who(), super(Diamond, d).chain())
print(issubclass(Diamond, Base), isinstance(d, Right), Diamond.__bases__)


class Explicit(Left):
    def who(self):
        return "Explicit>" + super(Explicit, self).who()


print(Explicit().who())


class ClsMethods(Base):
    @classmethod
    def make(cls):
        return cls.__name__ + ":" + super().who.__qualname__

    @staticmethod
    def st():
        return "static"


class Sub(ClsMethods):
    pass


print(ClsMethods.make(), Sub.make(), Sub.st())


class UsesClass:
    def get(self):
        return __class__

    def nested(self):
        def inner():
            return __class__.__name__
        return inner()

    def comp(self):
        return [__class__.__name__ for _ in range(2)]

    def lam(self):
        return (lambda: super().__repr__)()


class Derived(UsesClass):
    pass


print(UsesClass().get() is UsesClass, Derived().get() is UsesClass, Derived().nested(), Derived().comp())
print(callable(Derived().lam()))

try:
    class Conflict(Left, Base, Right):
        pass
except TypeError as e:
    print("TypeError", e)


class Meta1(type):
    pass


class Meta2(type):
    pass


class X1(metaclass=Meta1):
    pass


class X2(metaclass=Meta2):
    pass


try:
    class X3(X1, X2):
        pass
except TypeError as e:
    print("TypeError", e)


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


p = Point(1, 2)
print(p, p.x, type(p).__name__, len(p))


class MyDict(dict):
    def __getitem__(self, key):
        return super().__getitem__(key) * 2

    def __missing__(self, key):
        return "missing " + key


md = MyDict(a=1)
print(md["a"], md["zz"], dict.__getitem__(md, "a"))


class MyList(list):
    def append(self, v):
        super().append(v * 10)


ml = MyList()
ml.append(1)
ml.append(2)
print(ml, sum(ml))
