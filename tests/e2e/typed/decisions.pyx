# Decisions sema records and emit follows (the architecture issue's defects).

def pow_literals(long y):
    cdef long a = y ** 0x3
    cdef long b = y ** 1_0
    cdef long c = y ** 0b10
    cdef long d = y ** 0
    return a, b, c, d

def bint_ops(bint p, bint q):
    return p ^ q, p & q, p | q

cdef unsigned char uc_fail(int x) except? 255:
    if x < 0:
        raise ValueError("negative")
    return x

cdef unsigned short us_fail(int x):
    if x < 0:
        raise ValueError("negative")
    return x

def call_uc(int x):
    return uc_fail(x)

def call_us(int x):
    return us_fail(x)

def mixed_compare(long i, double d):
    return i == d, i < d, d < i, i != d

def cond_types(bint c, double x):
    cdef int n = 3
    return (x if c else n), (n if c else 2)

def attribute_of_c_values(double x, long n):
    return x.is_integer(), n.bit_length()
