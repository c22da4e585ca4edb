# Every path through try/except/else/finally, repeated under
# python3.11-dbg: caught, re-raised, chained, unmatched, returned from a
# handler, inside loops over iterators.
import sys


def caught(x):
    try:
        return 10 // x
    except ZeroDivisionError as e:
        return str(e)


def reraised(x):
    try:
        return [1][x]
    except IndexError:
        raise


def chained(d):
    try:
        return d["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e


def unmatched(s):
    try:
        return int(s)
    except KeyError:
        return None


def with_else_finally(x):
    log = []
    return else_finally(x, log), log


def else_finally(x, log):
    try:
        y = 10 // x
    except ZeroDivisionError:
        log.append("zde")
        return None
    else:
        log.append("else")
        return y
    finally:
        log.append("finally")


def in_loop(items):
    total = 0
    for it in items:
        try:
            total += int(it)
        except ValueError as e:
            total -= len(str(e))
        finally:
            total += 1
    return total


def bad_clause():
    try:
        1 // 0
    except "s":
        pass


def exc_info_in_handler():
    try:
        {}[1]
    except KeyError:
        return sys.exc_info()[0]


def comprehensions(n):
    squares = [i * i for i in range(n)]
    table = {k: [c for c in str(k) if c != "1"] for k in squares}
    return squares, table, {len(v) for v in table.values()}, f"{n:>4}|{squares!r}"


def comprehension_error(items):
    return [10 // v for v in items]


def deletes(n):
    xs = list(range(n))
    d = {i: str(i) for i in xs}
    del xs[1:3], d[0]
    y = xs
    del y
    return xs, d


def delete_missing(d):
    del d["missing"]


import contextlib
import threading

LOCK = threading.Lock()


def with_blocks(x):
    with contextlib.suppress(ZeroDivisionError), LOCK:
        return 10 // x


def with_raising(d):
    with contextlib.nullcontext(d) as same:
        return same["missing"]


def stars(int n, *args, k=1, **kw):
    return n, args, k, kw


def return_in_finally(x):
    try:
        raise ValueError("dropped %d" % x)
    finally:
        return 2


def break_in_finally(n):
    total = 0
    for i in range(n):
        try:
            raise KeyError(i)
        finally:
            total += i
            break
    return total


def continue_in_finally(n):
    total = 0
    for i in range(n):
        try:
            if i % 2:
                raise KeyError(i)
        finally:
            total += i
            continue
    return total


def nested_finally_return(x):
    try:
        try:
            raise ValueError(x)
        finally:
            raise KeyError(x)
    finally:
        return 3


def chain_short_circuit(x, lo, hi):
    return lo <= x < hi, lo < x <= hi < 100


LEAK_CALLS = [
    ("stars", (1, 2, 3), None),
    ("stars", ("x", 2), TypeError),
    ("with_blocks", (2,), None),
    ("with_blocks", (0,), None),
    ("with_raising", ({},), KeyError),
    ("deletes", (6,), None),
    ("delete_missing", ({},), KeyError),
    ("comprehensions", (12,), None),
    ("comprehension_error", ([1, 2, 0, 4],), ZeroDivisionError),
    ("caught", (2,), None),
    ("caught", (0,), None),
    ("reraised", (0,), None),
    ("reraised", (5,), IndexError),
    ("chained", ({"k": 1},), None),
    ("chained", ({},), ValueError),
    ("unmatched", ("7",), None),
    ("unmatched", ("x",), ValueError),
    ("with_else_finally", (2,), None),
    ("with_else_finally", (0,), None),
    ("in_loop", (["1", "x", "22", "yy"],), None),
    ("bad_clause", (), TypeError),
    ("exc_info_in_handler", (), None),
    ("return_in_finally", (1,), None),
    ("break_in_finally", (3,), None),
    ("continue_in_finally", (4,), None),
    ("nested_finally_return", ("x",), None),
    ("chain_short_circuit", (5, 10, 20), None),
    ("chain_short_circuit", (15, 10, 20), None),
    ("chain_short_circuit", (2 ** 70, 10, 20), None),
    ("chain_short_circuit", (30, 10, 2 ** 80), None),
]
