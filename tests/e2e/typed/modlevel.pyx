"""Module docstring of modlevel.

It has two lines."""
# Module-level code: order, globals, imports, __name__, __doc__, __test__,
# C arrays, pointers, malloc/free, libc.math.

from libc.stdlib cimport malloc, free
from libc.math cimport sqrt, floor as c_floor
import math
import os.path
from collections import OrderedDict
from os import path as ospath, sep

ORDER = []
ORDER.append("first")
counter = 0
cdef int c_counter = 5

def documented(x):
    """Return x twice."""     # L:documented
    return x * 2

def bump(int by):
    global counter
    counter += by
    return counter

def read_counter():
    return counter

def bump_c():
    global c_counter
    c_counter += 1
    return c_counter

def set_new_global(v):
    global created_later
    created_later = v

def read_missing():
    return not_defined_anywhere    # L:read_missing

def use_imports(double x):
    return (math.floor(x), os.path.basename("/a/b.txt"), list(OrderedDict([(1, 2)]).items()),
            ospath.join("a", "b"), sep)

def import_missing():
    import no_such_module_pyxc_test      # L:import_missing
    return no_such_module_pyxc_test

def from_import_missing():
    from os import no_such_name_pyxc     # L:from_import_missing
    return no_such_name_pyxc

def c_math(double x):
    return sqrt(x), c_floor(x)

def c_array(int n):
    cdef int arr[10]
    cdef int i
    for i in range(10):
        arr[i] = i * n
    cdef long total = 0
    for i in range(10):
        total += arr[i]
    return total, arr[9]

def c_pointer(int v):
    cdef int x = v
    cdef int *p = &x
    p[0] = p[0] + 1
    return x

def c_malloc(int n):
    cdef double *buf = <double *>malloc(n * sizeof(double))
    if buf == NULL:
        raise MemoryError()
    cdef int i
    cdef double s = 0
    try:
        for i in range(n):
            buf[i] = i * 0.5
        for i in range(n):
            s += buf[i]
    finally:
        free(buf)
    return s

def double_inference():
    a = 1.5
    a = a * 2.0
    return a

def slices(list xs, str s):
    return xs[1:], xs[::-1], xs[-1], s[1:3], s[::2], (xs + [9])[len(xs)]

def displays(a):
    return [a, 1], (a,), {a: 1, "k": [a]}, {a, 2}, ()

def attributes(s):
    return s.upper(), "x".join(["a", "b"]), s.count("a")

def builtins_via_python(x):
    return int("12") + round(x), repr(x), isinstance(x, float), sorted({3, 1}), str(range(3))

def printing(a, b):
    print(a, b)
    print(a, b, sep="-", end="!\n")

def constants():
    return (0x10, 0o17, 0b101, 1_000, 1e3, 2.5e-1, "s" "t", b"b", True, None, -0.0, 10**20)

def comparisons(a, b):
    return (a < b, a is b, a is not b, a in [b], a not in (b,), 1 < a < 10 > b)

ORDER.append("last")
