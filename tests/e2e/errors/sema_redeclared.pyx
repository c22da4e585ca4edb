cdef int x
cdef int x

def f():
    pass

cdef int f():
    return 0

# ERROR 2:10: 'x' redeclared
# ERROR 7:1: 'f' redeclared
