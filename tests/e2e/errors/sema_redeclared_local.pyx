def f(int n):
    cdef int n = 2
    cdef double a = 1.0
    cdef int a = 3
    return n

# ERROR 2:14: 'n' redeclared
# ERROR 4:14: 'a' redeclared
