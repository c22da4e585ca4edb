# cython: language_level=3, boundscheck=False
# A broad sample of Cython syntax: every construct here must parse with no
# error node and lower to the AST.
from libc.stdlib cimport malloc, free
from libc.math cimport sqrt, M_PI as PI
from libc.string cimport memcpy
cimport cython
cimport numpy as cnp
from . cimport sibling
from cpython.ref cimport PyObject

include "common.pxi"
DEF BUFSIZE = 1024

cdef extern from "stdio.h" nogil:
    ctypedef struct FILE
    FILE *fopen(const char *path, const char *mode)
    int fclose(FILE *f)
    int printf(const char *fmt, ...)
    enum: EOF
    const int MAX_LEN

cdef extern from *:
    """
    static int twice(int x) { return 2 * x; }
    """
    int twice(int x)

ctypedef unsigned long long u64
ctypedef double[:, ::1] matrix_t
ctypedef int (*cmp_func)(const void *, const void *) noexcept nogil

ctypedef fused number:
    int
    double

cdef struct Point:
    double x, y

cdef packed struct Pixel:
    unsigned char r, g, b

cdef union Value:
    long i
    double d

ctypedef struct Node:
    int key
    Node *next

cdef enum Color:
    RED = 1
    GREEN
    BLUE = RED + 4

cpdef enum Mode:
    FAST, SLOW

cdef enum:
    ANON_A = 10

cdef:
    int counter = 0
    double ratio
    Point origin

cdef public int exported = 3
cdef int i, j = 2, *ip = NULL, arr[10], grid[3][4]
cdef int[8] arr8
cdef const char *name = b"pyxc"
cdef signed char sc = -1
cdef unsigned short us
cdef long long big = 1 if False else 2
cdef Py_ssize_t n = 0
cdef size_t sz = sizeof(Point)
cdef bint flag = True
cdef object obj = None
cdef list items = []
cdef dict table = {}
cdef void *raw = NULL
cdef Point *pp = &origin
cdef double (*fptr)(double) noexcept
cdef cnp.ndarray[double, ndim=2] legacy


cdef inline double square(double x) noexcept nogil:
    return x * x


cdef int checked(int x) except -1:
    if x < 0:
        raise ValueError("negative")
    return x


cdef int maybe(int x) except? -1 nogil:
    return x


cdef void star(int x) except *:
    pass


cdef object plain(x, y=2):
    return x


cdef double *alloc(size_t n) except NULL:
    return <double *>malloc(n * sizeof(double))


cdef int with_gil() noexcept with gil:
    return 0


cpdef double norm(double[:] v) nogil:
    cdef Py_ssize_t k
    cdef double s = 0
    for k in range(v.shape[0]):
        s += v[k] * v[k]
    return sqrt(s)


@cython.boundscheck(False)
@cython.wraparound(False)
def kernel(double[:, ::1] a not None, int n, double scale=1.0, *args, bint verbose=False, **kw):
    cdef int r, c
    cdef double total = 0.0
    with nogil:
        for r in range(n):
            for c in range(n):
                total += a[r, c] * scale
    with gil:
        pass
    return total


def typed_params(int n, long long m, unsigned int u, const char *s, list l not None,
                 object o=None, str t or None=None, Point p=origin, int *ip=NULL):
    return n


cdef class Base:
    cdef int x
    cdef public double y
    cdef readonly object z
    cdef:
        int a, b
        list cache

    def __cinit__(self, int x):
        self.x = x

    def __dealloc__(self):
        pass

    cdef int method(self, int k) except -1:
        return self.x + k

    cpdef double area(self):
        return 0.0

    @staticmethod
    cdef Base make(int x):
        return Base(x)


@cython.final
cdef class Derived(Base):
    cdef Base other

    cpdef double area(self):
        return <double>self.x * 2


def expressions(x, Base b):
    cdef double d = <double>x
    cdef Base checked_b = <Base?>b
    cdef int *p = <int *>malloc(sizeof(int) * 4)
    cdef long addr = <long>&d
    cdef char c = c'a'
    p[0] = 1
    free(p)
    v = <object>p if p != NULL else None
    return d, sizeof(d), (<Base>b).x, c
