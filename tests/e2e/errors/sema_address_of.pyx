# '&' needs a C variable or array element
def f(int a, int b):
    cdef int *p = &(a + b)
    return p[0]

# ERROR 3:19: cannot take the address of this expression
