# classes: dunder methods on compiled classes
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec(%s)" % ", ".join(map(repr, self.xs))

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(*[a + b for a, b in zip(self.xs, other.xs)])

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __iadd__(self, other):
        self.xs = [a + b for a, b in zip(self.xs, other.xs)]
        return self

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __iter__(self):
        return iter(self.xs)

    def __contains__(self, v):
        return v in self.xs

    def __bool__(self):
        return any(self.xs)

    def __call__(self, i):
        return self.xs[i] * 100

    def __lt__(self, other):
        return sum(self.xs) < sum(other.xs)


v, w = Vec(1, 2), Vec(10, 20)
print(v + w, v * 3, 3 * v, -v, sum([v, w]), v == Vec(1, 2), v != w, len(v), v[1], list(v), 2 in v)
v[0] = 5
print(v, bool(Vec(0, 0)), v(1), sorted([w, v]), v < w)
x = v
x += w
print(x is v, v)
try:
    hash(v)
except TypeError as e:
    print("TypeError", e)
print(Vec.__hash__)


class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, o):
        return self.k == o.k

    def __hash__(self):
        return hash(self.k)


print(len({Key(1), Key(1), Key(2)}), {Key(3): "x"}[Key(3)])


class Attr:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("set", value))

    def __delattr__(self, name):
        print("del", name)


a = Attr()
a.q = 1
print(a.xyz, a.q, getattr(a, "nope", "default"))
del a.q


class Ctx:
    def __init__(self, swallow):
        self.swallow = swallow

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return self.swallow


with Ctx(True) as c:
    raise ValueError("swallowed")
try:
    with Ctx(False):
        raise KeyError("kept")
except KeyError as e:
    print("KeyError", e)


class Fin:
    def __del__(self):
        print("__del__ ran")


f = Fin()
del f
import gc
gc.collect()


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), [i for i in Countdown(2)])


class Fmt:
    def __str__(self):
        return "str!"

    def __format__(self, spec):
        return "fmt(" + spec + ")"

    def __index__(self):
        return 2


print(str(Fmt()), f"{Fmt():>5}", [10, 20, 30][Fmt()], bin(Fmt()))


class Order:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        return self.v < o.v

    def __repr__(self):
        return "O%d" % self.v


print(sorted([Order(3), Order(1), Order(2)]), max([Order(3), Order(5)]), Order(1) > Order(0))
