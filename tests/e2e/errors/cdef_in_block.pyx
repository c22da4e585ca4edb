if True:
    cdef int f(int x):
        return x

# ERROR 2:5: cdef statement not allowed here
