def countdown(n):
    while n > 0:
        got = yield n
        if got is not None:
            n = got
        n -= 1
    return "done"


def chained(a, b):
    yield from a
    yield from b


def squares(xs):
    return sum(x * x for x in xs if x)
