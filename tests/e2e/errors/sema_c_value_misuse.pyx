# C values are not Python objects: they cannot be indexed or called
def g():
    cdef int n = 3
    cdef double d = 1.0
    a = n[0]
    d()
    return a

# ERROR 5:9: 'int' object is not subscriptable
# ERROR 6:5: 'double' is not callable
