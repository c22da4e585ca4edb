def f(int x):
    cdef int y = x +
    return y

# ERROR 2:21: expected an expression after 'cdef int y = x +'
