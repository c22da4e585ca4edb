from libc.stdlib cimport malloc, free
cdef extern from "m.h" nogil:
    int f(int, char *, ...)
ctypedef double (*binop)(double, double) noexcept
cdef int *p, q = 3, a[2][3]
cdef unsigned long long big
cdef inline double sq(double x) except? -1 nogil:
    return <double>x * x + sizeof(int)
cpdef int g(list l not None, object o=None, *, int k=2):
    with nogil:
        pass
    return <int>&q
