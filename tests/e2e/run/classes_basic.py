# classes: attributes, methods, instances, docstrings, __qualname__, __module__
class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy=0, *, scale=1):
        return Point((self.x + dx) * scale, (self.y + dy) * scale)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


p = Point(3, 4)
print(p, p.norm2(), p.moved(1), p.moved(1, 2, scale=10), Point.dims, p.dims)
print(Point.__doc__, Point.__qualname__, Point.__module__ == __name__, Point.__name__)
print(type(p) is Point, isinstance(p, Point), Point.__init__.__qualname__, Point.moved.__name__)
print(sorted([k for k in Point.__dict__ if not k.startswith("__")]))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, Point.norm2(p))
print(Point.moved.__defaults__, Point.moved.__kwdefaults__, Point.__init__.__code__.co_varnames)
p.z = 5
print(p.__dict__)


class Empty:
    pass


print(Empty.__doc__, Empty.__bases__, Empty().__class__.__name__)


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1
        self.n = Counter.count


a, b, c = Counter(), Counter(), Counter()
print(a.n, b.n, c.n, Counter.count)


class WithStatements:
    values = []
    for i in range(3):
        values.append(i * i)
    if len(values) == 3:
        kind = "three"
    else:
        kind = "other"
    try:
        bad = {}['missing']
    except KeyError as e:
        err = str(e)
    import io
    with io.StringIO("# classes\nrest") as fh:
        first = fh.readline().strip()[:9]
    del fh
    import math as m
    squares = {k: k * k for k in range(3)}
    total = sum(values)
    del i


print(WithStatements.values, WithStatements.kind, WithStatements.err, WithStatements.first)
print(WithStatements.m.pi > 3, WithStatements.squares, WithStatements.total)
print(hasattr(WithStatements, "i"), hasattr(WithStatements, "e"), hasattr(WithStatements, "fh"))


def make(n):
    class Local:
        size = n

        def twice(self):
            return n * 2

        def __repr__(self):
            return "<Local %d>" % self.size
    return Local


L1, L2 = make(1), make(2)
print(L1().twice(), L2().twice(), L1.size, L2.size, L1 is L2, repr(L1()), L1.__qualname__)


class Outer:
    class Inner:
        class Deeper:
            def m(self):
                return "deep"

    def f(self):
        class InF:
            pass
        return InF


print(Outer.Inner.__qualname__, Outer.Inner.Deeper.__qualname__, Outer.Inner.Deeper.m.__qualname__)
print(Outer().f().__qualname__, Outer.Inner.Deeper().m())
