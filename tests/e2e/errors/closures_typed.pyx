# What pyxc cannot capture in a closure, by name: C values that are not
# numbers (a cell holds a Python object), the address of a captured
# variable, and C functions defined inside functions (as in Cython).

def pointer_capture():
    cdef int v = 1
    cdef int *p = &v
    return lambda: p[0]


def address_of_captured():
    cdef int n = 3
    cdef int *q = &n
    f = lambda: n
    return f, q[0]


def nested_cdef():
    cdef int inner(int k):
        return k
    return inner(1)


def array_capture():
    cdef double arr[3]
    def g():
        return arr[0]
    return g

# ERROR 7:15: a closure cannot capture 'p', of C type 'int *': pyxc keeps a captured variable in a cell, as a Python object, and only C numbers convert to one
# ERROR 13:19: cannot take the address of 'n': a closure uses it, so it lives in a cell
# ERROR 19:5: cdef statement not allowed here
# ERROR 25:17: a closure cannot capture 'arr', of C type 'double[3]': pyxc keeps a captured variable in a cell, as a Python object, and only C numbers convert to one
