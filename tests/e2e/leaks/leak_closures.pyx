# Refcounts through closures (tests/e2e/leaks/driver.py): cells, closure
# tuples and function objects are released on every path, and the cycles a
# recursive closure makes (function -> closure -> cell -> function) are
# collected.
import functools


def adder(n):
    def add(x, y=n):
        return x + y + n
    return add


def make_and_call(n):
    return adder(n)(1), adder(n)(1, 2)


def counter():
    count = 0

    def inc(by=1):
        nonlocal count
        count += by
        return count
    inc()
    inc(2)
    return inc()


def recursive(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)


def mutual(n):
    even = lambda k: k == 0 or odd(k - 1)
    odd = lambda k: k != 0 and even(k - 1)
    return even(n)


def late_binding():
    return [f() for f in [lambda: i for i in range(5)]]


def unbound_free():
    def early():
        return later
    early()
    later = 1


def deleted(v):
    def read():
        return v
    del v
    return read()


def raises_inside(x):
    def boom(y):
        raise ValueError(x + y)
    return boom("!")


def decorated(n):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return fn(*args, **kwargs) * 2
        return wrapper

    @deco
    def f(a, *, b=n):
        return a + b
    return f(1), f(1, b=2)


def failing_default():
    def f(a=[][0]):
        return a
    return f


def cell_param(p, q="q"):
    g = lambda: (p, q)
    p = p + "!"
    return g()


def kwonly_closure(**extra):
    base = dict(extra)

    def merge(*args, k=1, **kw):
        out = dict(base)
        out.update(kw)
        return args, k, out
    return merge(1, 2, k=3, z=4)


def except_target():
    try:
        raise KeyError("k")
    except KeyError as err:
        keep = lambda: err
        keep()
    return keep


def typed_cell(int n):
    cdef double total = 0.5
    def add(v):
        nonlocal total, n
        total += v
        n += 1
        return total * n
    add(1.5)
    return add(2)


def module_lambda(v):
    return SQUARE(v)


SQUARE = lambda v: v * v


LEAK_CALLS = [
    ("make_and_call", (3,), None),
    ("make_and_call", ("s",), TypeError),
    ("counter", (), None),
    ("recursive", (6,), None),
    ("mutual", (7,), None),
    ("late_binding", (), None),
    ("unbound_free", (), NameError),
    ("deleted", ([1],), NameError),
    ("raises_inside", ("x",), ValueError),
    ("raises_inside", (1,), TypeError),
    ("decorated", (5,), None),
    ("failing_default", (), IndexError),
    ("cell_param", ("p",), None),
    ("kwonly_closure", (), None),
    ("kwonly_closure", ({"a": 1},), TypeError),
    ("except_target", (), None),
    ("typed_cell", (3,), None),
    ("module_lambda", (4,), None),
]
