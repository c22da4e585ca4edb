cdef int x =

# ERROR 1:13: expected an expression after 'cdef int x ='
