def deco(f):
    return f

@deco
cdef int f(int x):
    return x

# ERROR 4:2: cdef functions cannot take arbitrary decorators
