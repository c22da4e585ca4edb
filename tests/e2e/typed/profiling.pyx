# cython: profile=True
# Profiled functions (profile_test.py): cProfile and sys.setprofile see
# def, cpdef and cdef functions with their file and def line, calls between
# compiled functions included; profile(False) and inline ones stay out.
cimport cython


cdef long fib(int n):  # def: fib
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


cpdef double half(double x):  # def: half
    return x / 2


@cython.profile(False)
def hidden(x):
    return x + 1


cdef inline int tiny(int x):
    return x * 2


@cython.profile(True)  # def: tiny_shown (a decorated def starts at its decorator, as in CPython)
cdef inline int tiny_shown(int x):
    return x * 3


cdef int check(int x) except -1:  # def: check
    if x < 0:
        raise ValueError("negative %d" % x)
    return x


cdef long quiet(long x) noexcept:  # def: quiet
    return x + 1


def run(int n):  # def: run
    cdef int i
    s = 0
    for i in range(n):
        s += hidden(i) + tiny(i) + tiny_shown(i)
    return fib(n) + half(s) + quiet(n)


def through_check(int x):  # def: through_check
    return [check(x)]


def boom(x):  # def: boom
    raise KeyError(x)


def use_quiet(long x):
    return quiet(x)


with cython.profile(False):
    def unlisted(x):
        return x
