# Refcounts through generators (tests/e2e/leaks/driver.py): frames released
# when a generator finishes, is closed, raises, or is collected suspended;
# yield from chains; exceptions thrown in; typed generators' C locals.
import gc


def gen(n):
    total = 0
    for i in range(n):
        x = yield i
        if x is not None:
            total += x
    return total


def crange(int n):
    cdef int i
    cdef double acc = 0.0
    for i in range(n):
        acc += i
        yield acc


def with_finally(log):
    try:
        yield [1, 2]
        yield {"a": 1}
    finally:
        log.append(object())


def delegating(n):
    r = yield from gen(n)
    yield from [r, "tail"]
    return r


def exhaust(n):
    return sum(gen(n)), list(crange(n)), list(delegating(n))


def send_values(n):
    g = gen(n)
    next(g)
    for k in range(n - 1):
        g.send(k)
    try:
        g.send(1)
    except StopIteration as e:
        return e.value


def close_suspended():
    log = []
    g = with_finally(log)
    next(g)
    g.close()
    g2 = delegating(5)
    next(g2)
    g2.close()
    return len(log)


def collect_suspended():
    log = []
    g = with_finally(log)
    next(g)
    del g
    g = delegating(3)
    next(g)
    g = None
    return len(log)


def cycle_through_frame():
    def keeps_itself():
        me = yield
        yield me
    g = keeps_itself()
    next(g)
    g.send(g)
    del g
    gc.collect()


def thrower():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            yield str(e)


def throw_in():
    g = thrower()
    next(g)
    g.throw(KeyError("k"))
    next(g)
    g.throw(KeyError, "k2")
    g2 = delegating(4)
    next(g2)
    try:
        g2.throw(ValueError("v"))
    except ValueError:
        pass


def raises_inside():
    def bad():
        yield 1
        raise StopIteration("pep 479")
    list(bad())


def unfinished_not_started():
    g = gen(10)
    h = with_finally([])
    return g, h


def genexps(list xs, double k):
    a = sum(x * k for x in xs)
    b = any(x > 2 for x in xs)
    c = "".join(str(x) for x in xs if x)
    d = list(list(y for y in range(x)) for x in range(3))
    g = (x for x in xs)
    next(g)
    return a, b, c, d


def genexp_errors(xs):
    try:
        (x for x in 5)
    except TypeError:
        pass
    g = (1 // x for x in xs)
    try:
        list(g)
    except ZeroDivisionError:
        pass
    return list(g)


LEAK_CALLS = [
    ("genexps", ([1.0, 2.0, 3.0], 2.0), None),
    ("genexp_errors", ([1, 0, 2],), None),
    ("exhaust", (5,), None),
    ("send_values", (4,), None),
    ("close_suspended", (), None),
    ("collect_suspended", (), None),
    ("cycle_through_frame", (), None),
    ("throw_in", (), None),
    ("raises_inside", (), RuntimeError),
    ("unfinished_not_started", (), None),
]
