# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# fib.pyx - naive doubly recursive Fibonacci through a C function: measures
# the cost of a C-level call (no Python objects inside the recursion).
#
# Directives: no division and no indexing, so none of them changes a result.

BENCH_N = 32
CHECK_N = 20
CHECK_RESULT = 6765


cdef long fib(int n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run(int n):
    return fib(n)
