# Closures meeting the rest of the language: try/finally and with in nested
# functions, captured loop and with targets, imports, walrus, argument
# errors (named by __qualname__), tracebacks and recursion limits.
import sys




def flow_in_nested():
    log = []

    def run(items):
        total = 0
        for it in items:
            try:
                if it < 0:
                    continue
                if it > 10:
                    break
                total += it
            finally:
                log.append(it)
        else:
            log.append("exhausted")
        return total
    return run([1, -1, 2]), run([3, 20, 4]), log


def captured_targets():
    import math as m
    pairs = []
    for a, b in [(1, 2), (3, 4)]:
        pairs.append(lambda: (a, b))
    first, *rest = [5, 6, 7]
    got = lambda: (m.floor(2.5), first, rest, [p() for p in pairs])
    return got()


def walrus_cells():
    def scan(xs):
        best = None
        check = lambda: best
        [best := x for x in xs if best is None or x > best]
        return best, check()
    return scan([3, 9, 2])


def argument_errors():
    def inner(a, b, /, c, *, d):
        return a
    lam = lambda x: x
    out = []
    for call in (lambda: inner(1), lambda: inner(1, 2, 3), lambda: inner(1, b=2, c=3, d=4),
                 lambda: lam(), lambda: lam(1, 2), lambda: lam(y=1)):
        try:
            call()
        except TypeError as e:
            out.append(str(e))
    return out


def deep(n):
    def down(k):
        return 0 if k == 0 else 1 + down(k - 1)
    return down(n)


def lambda_in_defaults_and_decorators():
    def apply(x, f=lambda v: v * 3):
        return f(x)

    @(lambda fn: lambda *a: ("decorated", fn(*a)))
    def g(y):
        return y + 1
    return apply(2), apply(2, f=str), g(1)


def middle_passes_through():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = x + "!"
            return x
        return inner
    f = middle()
    f()
    return f(), x, middle.__code__.co_freevars, f.__code__.co_freevars


def shadowed_parameter():
    v = 1

    def f(v):
        return lambda: v
    return f(2)(), v


def closure_over_global_declared():
    global counter_g
    counter_g = 0

    def bump():
        global counter_g
        counter_g += 1
        return counter_g
    bump()
    return bump(), counter_g


def redefined_in_loop():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs], fs[0] is not fs[1], fs[0].__qualname__


def delete_function_name():
    def rec(n):
        return n if n < 1 else rec(n - 1)
    keep = rec
    del rec
    try:
        keep(2)
    except NameError as e:
        return str(e)


def raise_in_closure():
    def fail(msg):
        raise ValueError(msg)
    try:
        fail("boom")
    except ValueError as e:
        tb = e.__traceback__
        depth = 0
        while tb:
            depth += 1
            tb = tb.tb_next
        return str(e), depth


def main():
    print(flow_in_nested())
    print(captured_targets(), walrus_cells())
    for line in argument_errors():
        print(line)
    print(deep(50))
    try:
        deep(10 ** 6)
    except RecursionError:
        print("RecursionError")
    print(lambda_in_defaults_and_decorators(), middle_passes_through(), shadowed_parameter())
    print(closure_over_global_declared(), redefined_in_loop(), delete_function_name(), raise_in_closure())
    print(sys.getrecursionlimit() > 0)
