# cython: profile=True
# profiled.pyx - what profiled functions compile to (emit_trace.c): the
# body taking the call's trace, the cold reported call and the entry with
# one flag test; linetrace adds line reports to a function's statements,
# each loop reporting its header each time round.
cimport cython


cdef long fib(int n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@cython.linetrace(True)
def total(int n):
    cdef int i
    cdef long s = 0
    for i in range(n):
        s += fib(i)
    try:
        s = s // (n - 3)
    except ZeroDivisionError:
        s = -1
    return s


@cython.profile(False)
def plain(x):
    return x
