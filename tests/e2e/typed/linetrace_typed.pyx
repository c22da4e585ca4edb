# cython: linetrace=True
# C-typed code under a line tracer (linetrace_test.py): C loops report
# their header line each time round, cdef functions that cannot raise
# report lines too.


cdef long add(long a, long b):  # line: add_def
    cdef long c = a + b  # line: add_c
    return c  # line: add_ret


def counted(int n):  # line: counted_def
    cdef int i
    cdef long s = 0  # line: counted_s
    for i in range(n):  # line: counted_for
        s = add(s, i)  # line: counted_body
    return s  # line: counted_ret


def over_array():  # line: arr_def
    cdef int a[3]
    cdef int v
    cdef int t = 0  # line: arr_t
    a[0] = 1  # line: arr_0
    a[1] = 2
    a[2] = 3
    for v in a:  # line: arr_for
        t += v  # line: arr_body
    return t  # line: arr_ret
