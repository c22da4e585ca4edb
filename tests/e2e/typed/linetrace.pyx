# cython: linetrace=True
# Line tracing (linetrace_test.py): this file is valid Python, and a
# sys.settrace tracer must see the same (event, line) sequence from the
# compiled module as from CPython running the file.
from linetrace_helper import Manager


def straight(a, b):
    "doc"
    c = a + b
    d = c * 2
    "bare"
    pass
    return c + d


def loops(n):
    total = []
    for i in range(3):
        total.append(i)
    for x in [n, n]:
        total.append(x)
    while n > 0:
        n -= 1
    for i in range(4):
        if i == 1:
            continue
        if i == 3:
            break
        total.append(i)
    else:
        total.append(-1)
    for i in range(2): total.append(i)
    return total


def branches(x):
    if x == 1:
        y = 10
    elif x == 2:
        y = 20
    else:
        y = 30
    z = y if x else -y
    return z


def handled(x):
    try:
        y = 1 // x
    except KeyError:
        y = -2
    except ZeroDivisionError:
        y = -1
    finally:
        y += 1
    return y


def inner(x):
    y = [x]
    raise ValueError(y)


def propagates(x):
    try:
        inner(x)
    finally:
        x = 0


def managed(x):
    with Manager(False):
        x += 1
    with Manager(True):
        raise KeyError(x)
    return x


def returns_in_with(x):
    with Manager(False):
        return x


def star_handled(x):
    r = []
    try:
        if x:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        r.append(0)
    except* ValueError as e:
        r.append(1)
    except* TypeError:
        r.append(2)
    except* KeyError:
        r.append(3)
    else:
        r.append(4)
    return r
