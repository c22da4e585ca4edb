# Refcounts through '*'/'**' calls and displays, starred targets and ':=',
# on their normal and error paths (tests/e2e/leaks/driver.py).


def f(*args, **kwargs):
    return args, kwargs


def star_call(a, d):
    return f(0, *a, k=1, **d)


def star_only(a):
    return f(*a)


def kw_only(d):
    return f(**d)


def displays(a, s, d):
    return [*a, 1], (*a,), {*s, 2}, {**d, "z": 3}


def targets(seq):
    first, *rest = seq
    *init, last = seq
    return first, rest, init, last


def walrus(seq):
    if (n := len(seq)) > 1:
        return [y for x in seq if (y := x) is not None], n
    return n


LEAK_CALLS = [
    ("star_call", ([1, "x"], {"y": []}), None),
    ("star_call", (5, {}), TypeError),
    ("star_call", ([], {"k": 2}), TypeError),
    ("star_call", ([], 7), TypeError),
    ("star_only", ((1, 2),), None),
    ("star_only", ([object()],), None),
    ("star_only", (None,), TypeError),
    ("kw_only", ({"a": [1]},), None),
    ("kw_only", ({1: 2},), TypeError),
    ("displays", ([object()], {3}, {"k": []}), None),
    ("displays", (1, {3}, {}), TypeError),
    ("displays", ([], 1, {}), TypeError),
    ("displays", ([], set(), 1), TypeError),
    ("targets", ([1, [2], "3"],), None),
    ("targets", ([],), ValueError),
    ("targets", (4,), TypeError),
    ("walrus", ([[1], None, "s"],), None),
    ("walrus", ([],), None),
    ("walrus", (3,), TypeError),
]
