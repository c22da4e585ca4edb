cdef int add(int a, int b)

def f():
    return 1

# ERROR 1:1: not supported yet: C function declarations without a body outside extern blocks
