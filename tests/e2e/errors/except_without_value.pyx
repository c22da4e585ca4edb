cdef int f(int x) except:
    return x

# ERROR 1:19: expected an exception value after 'except' (e.g. 'except -1', 'except? -1' or 'except *')
