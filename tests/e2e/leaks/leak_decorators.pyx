# Refcounts through decorated defs created at run time (tests/e2e/leaks/driver.py).


def make(fail):
    ns = {}
    exec("def deco(f):\n    if FAIL:\n        raise ValueError('no')\n    return [f]\n", {"FAIL": fail}, ns)
    return ns["deco"]


DECO_OK = make(False)
DECO_FAIL = make(True)


def use_ok():
    return DECORATED


@DECO_OK
def DECORATED(x=[1]):
    return x


def redecorate(d):
    return d(use_ok)


LEAK_CALLS = [
    ("use_ok", (), None),
    ("redecorate", (DECO_OK,), None),
    ("redecorate", (DECO_FAIL,), ValueError),
]
