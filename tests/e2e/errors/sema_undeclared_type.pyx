cdef foo x

cdef int f(bar y):
    return 0

# ERROR 1:6: 'foo' is not a type identifier
# ERROR 3:12: 'bar' is not a type identifier
