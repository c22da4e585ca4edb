# Argument binding of def functions, defaults, keyword-only and
# positional-only parameters, builtin-typed parameters.

def f(x):
    return x

def g(int a, double b=2.5, *, bint flag=False, long k):
    return (a, b, flag, k)

def h(a, b, /, c, d=None, *, e, f=True):
    return (a, b, c, d, e, f)

def none0():
    return None

def three(a, b, c):
    return a + b + c

def kwonly_req(*, p, q, r):
    return (p, q, r)

def posonly(a, /):
    return a

def simple_defaults(a=None, bint b=True, double c=2.5, d=4.0, e=False):
    return (a, b, c, d, e)

def typed_list(list xs):
    return xs

def typed_dict(dict d):
    return d

def typed_tuple(tuple t):
    return t

def typed_str(str s):
    return s

def typed_bytes(bytes b):
    return b

def typed_list_not_none(list xs not None):
    return len(xs)

def list_len_sum(list xs):
    cdef long total = 0
    for x in xs:
        total += x
    return len(xs), total

cdef long c_add(long a, long b):
    return a + b

cpdef long cp_add(long a, long b):
    return a + b

def call_cdef_defaults():
    return (c_add(1, 5), c_add(1, 2), c_add(3, 4), cp_add(1, 7), cp_add(1, 1))

def py_call_keywords():
    return sorted([3, 1, 2], reverse=True), int("ff", base=16), g(1, k=5, flag=True)

def char_param(char c, unsigned char u):
    return c, u
