cdef class Point
    cdef double x

# ERROR 1:17: expected ':' after 'cdef class Point'
