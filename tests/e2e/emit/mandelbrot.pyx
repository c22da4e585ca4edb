# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# mandelbrot.pyx - count the points of an n x n grid over [-1.5, 0.5] x
# [-1, 1] that stay bounded (|z| <= 2) for 50 iterations of z = z*z + c.
#
# Directives: the only divisions are double / int by n, and the loops that
# divide only run when n >= 1, so skipping the zero check (cdivision) cannot
# change a result.  No indexing, so boundscheck/wraparound are moot.
#
# The count is exact only if every double operation is rounded as in
# CPython: build without -ffast-math, and note that on targets with FMA by
# default (aarch64) gcc may contract a*b + c; x86-64 -O2 does not.

BENCH_N = 350
CHECK_N = 60
CHECK_RESULT = 1428


def run(int n):
    cdef int x, y, it
    cdef int count = 0
    cdef double cr, ci, zr, zi, zr2, zi2
    cdef bint inside
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = 0.0
            zi = 0.0
            inside = True
            for it in range(50):
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    inside = False
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
            if inside:
                count += 1
    return count
