# locals(), vars(), dir(), exec() and eval() in compiled functions, under
# python3.11-dbg: the dict each function keeps, C values boxed into it,
# cells, errors after it was made.


def plain(a, b):
    x = a + b
    d = locals()
    d2 = vars()
    return len(d) + len(d2) + len(dir())


def typed(int n):
    cdef double f = n * 0.5
    cdef int i
    total = 0
    for i in range(n):
        total += i
    return sorted(locals())


def cells(n):
    k = n

    def inner():
        return k
    return len(locals()) + inner()


def evaluated(v):
    w = v + 1
    exec("z = v * w")
    return eval("v + w")


def raises_after(d):
    x = [1, 2]
    loc = locals()
    return loc["x"], d["missing"]


LEAK_CALLS = [
    ("plain", (1, 2), None),
    ("typed", (5,), None),
    ("cells", (3,), None),
    ("evaluated", (4,), None),
    ("raises_after", ({},), KeyError),
]
