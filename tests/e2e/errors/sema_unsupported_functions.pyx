cdef gen():
    yield 1

cpdef outer():
    yield 2

# ERROR 1:1: not supported yet: cdef and cpdef generators
# ERROR 4:1: not supported yet: cdef and cpdef generators
