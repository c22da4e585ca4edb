# Known failure: a C call of a cdef/cpdef function may leave out arguments
# that have defaults (Cython allows it); pyxc says "call with wrong number of
# arguments (expected 2, got 1)".

cdef long c_add(long a, long b=5):
    return a + b

cpdef long cp_add(long a, long b=7):
    return a + b

def call_with_defaults():
    return (c_add(1), c_add(1, 2), cp_add(1))
