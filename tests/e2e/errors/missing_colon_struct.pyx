cdef struct P
    int x

# ERROR 1:14: expected ':' after 'cdef struct P'
