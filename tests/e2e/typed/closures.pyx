# Closures in typed code: captured C numbers live boxed in a cell and keep
# their C type on both sides; locals that are not captured stay C.
import gc


def int_counter(int start):
    cdef int count = start

    def step(int by=1):
        nonlocal count
        count += by
        return count
    return step


def double_acc():
    cdef double total = 0.0
    cdef bint seen = False

    def add(double v):
        nonlocal total, seen
        total += v
        seen = True
        return total, seen
    return add


def typed_param(int n, double x):
    return lambda: (n * 2, x / 2)


def c_wraps():
    cdef unsigned char small = 250

    def bump():
        nonlocal small
        small += 10   # C arithmetic on unsigned char: wraps, as in Cython
        return small
    return bump


def not_captured(int n):
    cdef long total = 0
    cdef long i
    for i in range(n):
        total += i
    f = lambda k: k + total
    return f(1)


def zero_before_assignment():
    cdef int later

    def read():
        return later
    first = read()
    later = 7
    return first, read()


def closure_in_cdef(int n):
    return helper(n)


cdef object helper(int n):
    def mul(k):
        return k * n
    return [mul(k) for k in range(3)]


cpdef object in_cpdef(int n):
    g = lambda: n + 1
    return g()


def recursive_cycle():
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact


def gc_state():
    return gc.isenabled()


def captured_c_loop_variable():
    cdef int x
    fs = []
    for x in range(3):
        fs.append(lambda: x * 1.5)
    return [f() for f in fs], x


cdef int c_level(int n):
    cdef double half = n / 2.0
    f = lambda k: k * half
    cdef double r = f(4)
    return <int>r


def call_c_level(int n):
    return c_level(n)
