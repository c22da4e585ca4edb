# a def function is called from Python, which has no C pointers
def f(int *p):
    return 0

cpdef int g(double *q):
    return 0

# ERROR 2:7: parameter 'p' of a def or cpdef function cannot be a C pointer
# ERROR 5:13: parameter 'q' of a def or cpdef function cannot be a C pointer
