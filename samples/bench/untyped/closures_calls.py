"""Closures and calls: adders, accumulators, keyword and star arguments (plain Python)."""


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


def combine(a, b, *rest, scale=1, **options):
    total = a + b
    for r in rest:
        total += r
    if options.get("negate"):
        total = -total
    return total * scale


def run(n):
    adders = [make_adder(k) for k in range(8)]
    bump = make_counter()
    square = lambda v: v * v  # noqa: E731
    acc = 0
    for i in range(n):
        f = adders[i & 7]
        acc += f(i) + square(i & 15)
        acc += combine(i, 1, 2, 3, scale=2)
        acc -= combine(1, i, negate=(i & 1) == 1)
        bump(i & 3)
    return acc + bump(0)


BENCH_N = 300000
CHECK_N = 1000
CHECK_RESULT = 1593020
