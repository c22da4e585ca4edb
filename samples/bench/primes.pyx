# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# primes.pyx - sieve of Eratosthenes: count the primes below n, in a char
# buffer from malloc that is freed in a try/finally.
#
# Directives: no division; the buffer is a raw C pointer, which Cython never
# bounds-checks or wraps, so the directives change nothing here.
#
# The inner marking loop is a while loop, not range(i * i, n, i): Cython 0.29
# only turns range() into a C for loop when the step is a literal; with a
# variable step it would fall back to iterating over a Python range.

from libc.stdlib cimport malloc, free

BENCH_N = 4000000
CHECK_N = 100000
CHECK_RESULT = 9592


def run(int n):
    cdef char *sieve
    cdef int i
    cdef long long j
    cdef int count = 0
    if n < 3:
        return 0
    sieve = <char *>malloc(n * sizeof(char))
    if not sieve:
        raise MemoryError()
    try:
        for i in range(n):
            sieve[i] = 1
        sieve[0] = 0
        sieve[1] = 0
        i = 2
        while i * i < n:
            if sieve[i]:
                j = i * i
                while j < n:
                    sieve[j] = 0
                    j += i
            i += 1
        for i in range(n):
            if sieve[i]:
                count += 1
    finally:
        free(sieve)
    return count
