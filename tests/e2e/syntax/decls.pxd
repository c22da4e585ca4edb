# decls.pxd - declarations as a .pxd file shares them with cimport.
from libc.stdint cimport int64_t, uint8_t

cdef extern from "vec.h" namespace "geo":
    ctypedef struct vec3:
        double x, y, z
    double dot(vec3 a, vec3 b) nogil

cdef struct Range:
    int64_t start, stop

cdef class Buffer:
    cdef uint8_t *data
    cdef Py_ssize_t size
    cdef int resize(self, Py_ssize_t n) except -1
    cpdef bytes tobytes(self)

cdef int helper(int, double) except? -1
cpdef double mean(double[:] xs, bint skipnan=*)
cdef inline int fast(int x) noexcept nogil:
    return x + 1
