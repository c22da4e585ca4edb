# Every path through try/except*, repeated under python3.11-dbg: split
# groups, naked exceptions wrapped, clauses that raise and re-raise, the
# rest going on, bad clause types, names bound and cells, else, finally.


def split(n):
    got = []
    try:
        raise ExceptionGroup("eg", [ValueError(i) if i % 2 else TypeError(i) for i in range(n)])
    except* ValueError as e:
        got.append(len(e.exceptions))
    except* TypeError as e:
        got.append(len(e.exceptions))
    return got


def naked(x):
    r = 0
    try:
        r = 10 // x
    except* ZeroDivisionError as e:
        r = len(e.exceptions)
    return r


def rest_goes_on():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        pass


def naked_unmatched():
    try:
        raise KeyError(1)
    except* ValueError:
        pass


def raises_in_clauses():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise


def reraise_all():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise


def bad_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


def with_else_finally(fail):
    log = []
    try:
        if fail:
            raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        log.append(1)
    else:
        log.append(2)
    finally:
        log.append(3)
    return log


def cell(n):
    fs = []
    try:
        raise ExceptionGroup("eg", [ValueError(n)])
    except* ValueError as e:
        fs.append(lambda: e)
    return len(fs)


def nested(n):
    total = 0
    for i in range(n):
        try:
            raise ExceptionGroup("outer", [ValueError(i), TypeError(i)])
        except* ValueError:
            try:
                raise ExceptionGroup("inner", [KeyError(i)])
            except* KeyError as k:
                total += len(k.exceptions)
        except* TypeError:
            total += 1
    return total


def raise_after_temps(d):
    try:
        raise ExceptionGroup("eg", [ValueError(str(d))])
    except* ValueError as e:
        return_value = [str(e), d["missing"]]
        print(return_value)


import sys

# before 3.11.4 (gh-103590) one exception raised from except* clauses comes wrapped in a group
ONE_RAISED = KeyError if sys.version_info >= (3, 11, 4) else ExceptionGroup

LEAK_CALLS = [
    ("split", (5,), None),
    ("naked", (2,), None),
    ("naked", (0,), None),
    ("rest_goes_on", (), ExceptionGroup),
    ("naked_unmatched", (), KeyError),
    ("raises_in_clauses", (), ExceptionGroup),
    ("reraise_all", (), ExceptionGroup),
    ("bad_clause", (), TypeError),
    ("with_else_finally", (0,), None),
    ("with_else_finally", (1,), None),
    ("cell", (3,), None),
    ("nested", (4,), None),
    ("raise_after_temps", ({},), ONE_RAISED),
]
