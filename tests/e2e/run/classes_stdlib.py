# classes: dataclasses, enum, abc, typing.NamedTuple, functools on compiled classes
import abc
import dataclasses
import enum
import functools
import typing
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    count: typing.ClassVar[int] = 0

    def total(self, n):
        return self.price * n


i = Item("pen", 1.5)
print(i, i.total(4), Item.__annotations__, [f.name for f in dataclasses.fields(Item)])
print(i == Item("pen", 1.5), Item("a") < Item("b") if False else "no order", dataclasses.asdict(i))


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0

    @property
    def text(self):
        return "%d.%d" % (self.major, self.minor)


v = Version(1, 2)
print(v, v < Version(2), sorted([Version(3), Version(1, 5)]), v.text, hash(v) == hash(Version(1, 2)))
try:
    v.major = 5
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError", e)


@dataclass
class Child(Item):
    extra: int = 0

    def total(self, n):
        return super().total(n) + self.extra


print(Child("c", 2.0, extra=1).total(2), Child.__mro__[1].__name__)


class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = enum.auto()

    def describe(self):
        return "%s=%d" % (self.name, self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(list(Color), Color(2), Color["BLUE"], Color.RED.describe(), Color.default(), Color.BLUE.value)
print(isinstance(Color.RED, Color), Color.RED is Color(1), len(Color), Color.__members__.keys())


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


print(Perm.R | Perm.W, int(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self):
        ...

    def describe(self):
        return "%s with area %s" % (type(self).__name__, self.area())


class Square(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2


try:
    Shape()
except TypeError as e:
    print("TypeError", e)
print(Square(3).describe(), Shape.__abstractmethods__, isinstance(Square(1), Shape))


class Pair(typing.NamedTuple):
    left: int
    right: int = 0

    def swap(self):
        return Pair(self.right, self.left)


p = Pair(1, 2)
print(p, p.swap(), p._asdict(), Pair(5), Pair._fields, p.left)


@functools.total_ordering
class Money:
    def __init__(self, c):
        self.c = c

    def __eq__(self, o):
        return self.c == o.c

    def __lt__(self, o):
        return self.c < o.c


print(Money(1) <= Money(2), Money(3) >= Money(2), Money(1) > Money(1))


class Proto(typing.Protocol):
    def run(self) -> int:
        ...


class Gen(typing.Generic[typing.TypeVar("T")]):
    def get(self):
        return "generic"


print(Gen[int]().get(), Gen.__parameters__, Proto.__name__)


class Cached:
    @functools.lru_cache(maxsize=None)
    def fib(self, n):
        return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)

    @functools.singledispatchmethod
    def show(self, arg):
        return "object"

    @show.register
    def _(self, arg: int):
        return "int"


print(Cached().fib(30), Cached().show(1), Cached().show("x"))
import inspect
print(inspect.signature(Item.total), inspect.signature(Item), inspect.getdoc(Item.total))
