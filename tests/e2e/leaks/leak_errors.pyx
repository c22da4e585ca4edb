# Error paths: raised in the body, through cdef callers, inside try/finally,
# inside loops, from Python calls, noexcept, cpdef.

cdef int check(int x) except -1:
    if x < 0:
        raise ValueError("negative %d" % x)
    return x

cdef object make_obj(int x):
    if x > 100:
        raise KeyError(x)
    return [x] * 3

cdef int quiet(int x) noexcept:
    if x < 0:
        raise ValueError("ignored")
    return x

cpdef long cp(long x) except -1:
    if x == 7:
        raise RuntimeError("seven")
    return x * 2

def raise_body(x):
    tmp = [x, x]
    raise IndexError("body %r" % (tmp,))

def through_cdef(int x):
    s = str(x)
    return check(x) + len(s)

def through_cdef_obj(int x):
    return make_obj(x) + make_obj(x // 2)

def in_finally(list log, int x):
    tmp = {"a": [x]}
    try:
        log.append(tmp)
        check(x)
        return tmp
    finally:
        log.pop()

def in_loop(int n):
    acc = []
    cdef int i
    for i in range(n):
        acc.append(str(i))
        check(5 - i)
    return acc

def in_obj_loop(list xs):
    out = []
    for x in xs:
        out.append(x * 2)
        check(x)
    return out

def python_call(f, a):
    tmp = [a]
    return f(a) + len(tmp)

def use_quiet(int x):
    return quiet(x)

def use_cp(long x):
    return cp(x)

def raise_from(x):
    raise RuntimeError("outer") from KeyError(x)

def assert_msg(int x):
    assert x > 0, "bad %d" % x
    return x

def nested_finally(int x):
    a = [1]
    try:
        try:
            check(x)
        finally:
            a.append(2)
    finally:
        a.append(3)
    return a

def missing_global():
    return undefined_name_for_leak_test

def bad_import():
    import no_such_module_for_leaks
    return no_such_module_for_leaks

def _boom(a):
    raise OSError(a)

LEAK_CALLS = [
    ("raise_body", ("x",), IndexError),
    ("through_cdef", (3,), None),
    ("through_cdef", (-3,), ValueError),
    ("through_cdef_obj", (4,), None),
    ("through_cdef_obj", (150,), KeyError),
    ("through_cdef_obj", (250,), KeyError),
    ("in_finally", ([], 1), None),
    ("in_finally", ([], -1), ValueError),
    ("in_loop", (3,), None),
    ("in_loop", (9,), ValueError),
    ("in_obj_loop", ([1, 2],), None),
    ("in_obj_loop", ([1, -2, 3],), ValueError),
    ("in_obj_loop", ([1, "s"],), TypeError),
    ("python_call", (len, "abc"), None),
    ("python_call", (_boom, "e"), OSError),
    ("python_call", (None, 1), TypeError),
    ("use_quiet", (3,), None),
    ("use_quiet", (-3,), None),
    ("use_cp", (3,), None),
    ("use_cp", (7,), RuntimeError),
    ("cp", (7,), RuntimeError),
    ("cp", ("x",), TypeError),
    ("raise_from", ("k",), RuntimeError),
    ("assert_msg", (1,), None),
    ("assert_msg", (-1,), AssertionError),
    ("nested_finally", (1,), None),
    ("nested_finally", (-1,), ValueError),
    ("missing_global", (), NameError),
    ("bad_import", (), ModuleNotFoundError),
]
