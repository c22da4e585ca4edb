# Exception specs, propagation through C callers, noexcept, cpdef,
# recursion, raise / raise from, try/finally, assert.

cdef int check_pos(int x) except -1:
    if x < 0:
        raise ValueError("negative: %d" % x)     # L:check_pos
    return x * 2

cdef int maybe(int x) except? -1:
    if x == 0:
        raise KeyError(x)                        # L:maybe
    return x - 1

cdef void side(list log, int x) except *:
    if x > 2:
        raise IndexError("too big")              # L:side
    log.append(x)

cdef int default_spec(int x):
    if x == 13:
        raise RuntimeError("unlucky")            # L:default_spec
    return x

cdef int quiet(int x) noexcept:
    if x < 0:
        raise ValueError("ignored %d" % x)       # L:quiet
    return x + 100

cdef double half(double x) except? -1.0:
    if x != x:
        raise ArithmeticError("nan")
    return x / 2

def use_check_pos(int x):
    return check_pos(x) + 1                      # L:use_check_pos

def use_maybe(int x):
    return maybe(x)                              # L:use_maybe

def use_side(int n):
    log = []
    for i in range(n):
        side(log, i)                             # L:use_side
    return log

def use_default_spec(int x):
    cdef int y = default_spec(x) + default_spec(1)   # L:use_default_spec
    return y

def use_quiet(int x):
    return quiet(x)

def use_half(double x):
    return half(x)

cdef int inner(int x) except -1:
    return check_pos(x)                          # L:inner

cdef int outer(int x) except -1:
    return inner(x) + inner(1)                   # L:outer

def chain(int x):
    return outer(x)                              # L:chain

cpdef int cp_fact(int n) except -1:
    if n < 0:
        raise ValueError("n must be >= 0")       # L:cp_fact
    if n <= 1:
        return 1
    return n * cp_fact(n - 1)

def call_cp_fact_from_c(int n):
    return cp_fact(n)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

cdef long cfib(long n):
    return n if n < 2 else cfib(n - 1) + cfib(n - 2)

def use_cfib(long n):
    return cfib(n)

def deep(int n):
    if n == 0:
        raise LookupError("bottom")              # L:deep
    return deep(n - 1)

def raise_class():
    raise ValueError

def raise_from():
    try:
        raise TypeError("outer")                 # L:raise_from
    finally:
        pass

def raise_from_cause(x):
    raise RuntimeError("wrapped") from KeyError(x)

def raise_from_none():
    raise RuntimeError("no cause") from None

def raise_non_exception(x):
    raise x

def finally_runs(list log, int mode):
    try:
        log.append("body")
        if mode == 1:
            raise OSError("in body")
        if mode == 2:
            return "returned"
        log.append("end")
    finally:
        log.append("finally")
    return "fell through"

def finally_in_loop(int n):
    log = []
    for i in range(n):
        try:
            if i == 3:
                raise StopIteration(log)
            log.append(i)
        finally:
            log.append(-i)
    return log

def finally_overrides(int mode):
    try:
        if mode:
            raise ValueError("lost")
        return "try"
    finally:
        return "finally"

def nested_finally(list log):
    try:
        try:
            raise KeyError("k")
        finally:
            log.append(1)
    finally:
        log.append(2)

def asserts(int x):
    assert x > 0
    assert x < 10, "x too big: %d" % x           # L:assert
    return x

def catch_in_python_call(f, a):
    return f(a)                                  # L:catch_in_python_call
