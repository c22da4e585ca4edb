def f():
    cdef int x = 1
    return x +

# ERROR 3:15: expected an expression after 'return x +'
