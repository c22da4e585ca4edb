# C integer and floating-point semantics: wraparound, conversions, floor
# division and modulo, true division, zero divisors.

def int_wrap():
    cdef int x = 2147483647
    x += 1
    return x

def int_wrap_down():
    cdef int x = -2147483647
    x -= 2
    return x

def uint_wrap():
    cdef unsigned int u = 0
    u -= 1
    return u

def uchar_wrap(unsigned char c):
    c += 200
    return c

def longlong_mul():
    cdef long long a = 3037000500
    return a * a

def mixed_widths(int a, long b, long long c, short d):
    return a + b + c + d

def int_arg(int x):
    return x

def uint_arg(unsigned int x):
    return x

def long_arg(long x):
    return x

def longlong_arg(long long x):
    return x

def ulonglong_arg(unsigned long long x):
    return x

def ssize_arg(Py_ssize_t x):
    return x

def size_arg(size_t x):
    return x

def char_arg(char x):
    return x

def double_arg(double x):
    return x

def float_arg(float x):
    return x

def bint_arg(bint x):
    return x

def returns_int_from_object(o):
    cdef int r = o     # L:ret_conv
    return r

cdef int c_narrow(long v) except? -1:
    return v

def narrow_through_c(long v):
    return c_narrow(v)

def floordiv(int a, int b):
    return a // b    # L:floordiv

def mod(int a, int b):
    return a % b     # L:mod

def floordiv_ll(long long a, long long b):
    return a // b

def mod_ll(long long a, long long b):
    return a % b

def floordiv_uint(unsigned int a, unsigned int b):
    return a // b

def truediv(int a, int b):
    return a / b     # L:truediv

def dfloordiv(double a, double b):
    return a // b

def dmod(double a, double b):
    return a % b     # L:dmod

def dtruediv(double a, double b):
    return a / b

cimport cython

@cython.cdivision(True)
def cfloordiv(int a, int b):
    return a // b

@cython.cdivision(True)
def cmod(int a, int b):
    return a % b

def unary(int a):
    return (-a, +a, ~a, not a)

def bits(unsigned int a, unsigned int b):
    return (a & b, a | b, a ^ b, a << 3, a >> 1)

def shift_signed(int a):
    return (a << 2, a >> 1)

def float_ops(float f, double d):
    return f * 2 + d

def cmp_chain(int a, int b, int c):
    return a < b <= c, a == b != c, a > b

def c_casts(double d, int i):
    return (<int>d, <double>i / 4, <long>(d * 10), <char>(i))

def int_to_double_promotion(int a, double b):
    cdef double r = a
    r += b
    return r

def sizes():
    return (sizeof(char), sizeof(short), sizeof(int), sizeof(long long), sizeof(double))

def c_abs_min_max(int a, int b, double d):
    return (abs(a), min(a, b), max(a, b), abs(d), min(a, b, 0), max(d, 1.5))

def augmented(int a):
    cdef int x = a
    x *= 3
    x -= 1
    x //= 2
    x %= 7
    x <<= 2
    x |= 1
    x ^= 8
    x &= 0xff
    x >>= 1
    return x

def chained_assign():
    cdef int a
    cdef int b
    a = b = 7
    c = d = [1]
    return a, b, c is d

def bool_ops(int a, int b):
    return (a and b, a or b, not a, a if b else -1)

def ternary_types(bint flag):
    cdef double d = 1.5 if flag else 2
    return d
