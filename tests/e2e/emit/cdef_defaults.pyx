# C calls of cdef/cpdef functions may leave out arguments that have defaults
# and pass keywords; both are bound at compile time.

cdef long c_add(long a, long b=5):
    return a + b

cpdef long cp_add(long a, long b=7):
    return a + b

def call_with_defaults():
    return (c_add(1), c_add(1, 2), cp_add(1))


cdef double scaled(double x, double scale=2.0, double shift=0.5):
    return x * scale + shift

def call_with_keywords():
    return (scaled(1.0, shift=1.0), scaled(x=3.0), scaled(1.0, 3.0), scaled(shift=0.0, x=2.0, scale=4.0))
