# Normal returns, conversion errors, argument errors, builtin-typed args,
# defaults and object temporaries.

def ret_int(int x):
    return x + 1

def ret_obj(a, b):
    return [a, b, (a, b), {a: b}]

def temporaries(a, b):
    return str(a) + str(b) + str(len([a, b, a]))

def defaults(a, b=None, double c=2.5, d="s", *, e=(1, 2)):
    return (a, b, c, d, e)

def typed_builtins(list xs, dict d, tuple t, str s, bytes b not None):
    return len(xs) + len(d) + len(t) + len(s) + len(b)

def convert_ret(o):
    cdef int r = o
    return r

def double_conv(double d):
    return d * 2

def loop_list(list xs):
    cdef long total = 0
    for x in xs:
        total += x
    return total

def loop_iter(obj):
    out = []
    for x in obj:
        out.append(x)
    return out

def slices(list xs):
    return xs[1:], xs[::-1], xs[0]

class_like = {"k": 1}

def globals_and_attrs(s):
    return s.upper(), class_like["k"], len(s)

def floordiv(int a, int b):
    return a // b

def kwcall(xs):
    return sorted(xs, reverse=True)

LEAK_CALLS = [
    ("ret_int", (5,), None),
    ("ret_obj", ("a", 2.5), None),
    ("temporaries", (1, "x"), None),
    ("defaults", (1,), None),
    ("defaults", (1, [2], 3, "t"), None),
    ("typed_builtins", ([1], {1: 2}, (1,), "ab", b"c"), None),
    ("convert_ret", (12,), None),
    ("convert_ret", (2**40,), OverflowError),
    ("convert_ret", (1.5,), TypeError),
    ("convert_ret", ("s",), TypeError),
    ("ret_int", (2**31,), OverflowError),
    ("ret_int", (-2**70,), OverflowError),
    ("ret_int", (None,), TypeError),
    ("double_conv", ("x",), TypeError),
    ("ret_int", (), TypeError),
    ("ret_int", (1, 2), TypeError),
    ("defaults", (), TypeError),
    ("defaults", (1, 2, "notfloat"), TypeError),
    ("typed_builtins", ((1,), {}, (), "", b""), TypeError),
    ("typed_builtins", ([], {}, (), "", None), TypeError),
    ("typed_builtins", ([], {}, (), b"", b""), TypeError),
    ("loop_list", ([1, 2, 3] * 10,), None),
    ("loop_list", ([1, 2, "x"],), TypeError),
    ("loop_list", ([1, 2**70],), OverflowError),
    ("loop_iter", ("abc",), None),
    ("loop_iter", (range(5),), None),
    ("loop_iter", (5,), TypeError),
    ("slices", ([1, 2, 3],), None),
    ("slices", ([],), IndexError),
    ("globals_and_attrs", ("ab",), None),
    ("globals_and_attrs", (5,), AttributeError),
    ("floordiv", (7, 0), ZeroDivisionError),
    ("floordiv", (-7, 2), None),
    ("kwcall", ([3, 1, 2],), None),
    ("kwcall", ([3, "a"],), TypeError),
]
