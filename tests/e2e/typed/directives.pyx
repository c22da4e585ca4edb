# cython: cdivision=True, boundscheck=False, language_level=3
# Directives from the header, decorators and with blocks, scoped.
cimport cython

def module_level(int a, int b):
    return a // b, a % b

@cython.cdivision(False)
def function_level(int a, int b):
    return a // b, a % b

@cython.cdivision(False)
def block_level(int a, int b):
    cdef int q
    with cython.cdivision(True):
        q = a // b
    return q, a // b

@cython.infer_types(False)
def no_inference():
    x = 1.5
    return x
