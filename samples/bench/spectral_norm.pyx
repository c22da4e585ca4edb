# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# spectral_norm.pyx - the Computer Language Benchmarks Game spectral norm:
# 10 rounds of the power method on A^T A, where A[i][j] = 1 / ((i+j)(i+j+1)/2
# + i + 1), then sqrt(u.v / v.v).  Three double buffers from malloc, freed
# in a try/finally.
#
# Directives: the integer division in eval_A is (i+j)*(i+j+1) // 2 with a
# non-negative, even dividend and a positive divisor, so C truncation
# (cdivision) and Python floor division agree; the double divisions are by
# a positive denominator or by v.v > 0.  The buffers are raw C pointers,
# never bounds-checked or wrapped, so those directives change nothing.
#
# Each matrix-vector product sums over j in ascending order, as
# spectral_norm_py.py does, so both produce the same doubles.

from libc.stdlib cimport malloc, free
from libc.math cimport sqrt

BENCH_N = 250
CHECK_N = 100
CHECK_RESULT = 1.2742199912349306


cdef inline double eval_A(int i, int j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def run(int n):
    cdef double *u
    cdef double *v
    cdef double *tmp
    cdef int i, j, it
    cdef double s, vbv, vv
    if n < 1:
        return 0.0
    u = <double *>malloc(n * sizeof(double))
    v = <double *>malloc(n * sizeof(double))
    tmp = <double *>malloc(n * sizeof(double))
    if not u or not v or not tmp:
        free(u)
        free(v)
        free(tmp)
        raise MemoryError()
    try:
        for i in range(n):
            u[i] = 1.0
        for it in range(10):
            # v = A^T (A u)
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_A(i, j) * u[j]
                tmp[i] = s
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_A(j, i) * tmp[j]
                v[i] = s
            # u = A^T (A v)
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_A(i, j) * v[j]
                tmp[i] = s
            for i in range(n):
                s = 0.0
                for j in range(n):
                    s += eval_A(j, i) * tmp[j]
                u[i] = s
        vbv = 0.0
        vv = 0.0
        for i in range(n):
            vbv += u[i] * v[i]
            vv += v[i] * v[i]
    finally:
        free(u)
        free(v)
        free(tmp)
    return sqrt(vbv / vv)
