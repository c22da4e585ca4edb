# Loops over the elements of C arrays and pointer slices, in C.
from libc.stdlib cimport malloc, free

def array_sum():
    cdef double a[4]
    cdef int i
    for i in range(4):
        a[i] = i * 1.5
    cdef double total = 0
    for x in a:
        total += x
    return total

def array_items():
    cdef int a[3]
    a[0] = 7
    a[1] = -2
    a[2] = 40
    out = []
    for v in a:
        out.append(v)
    return out, [w * 2 for w in a]

def pointer_slice(int n):
    cdef int *p = <int *>malloc(n * sizeof(int))
    cdef int i
    for i in range(n):
        p[i] = i * i
    cdef long s = 0
    cdef int e
    for e in p[:n]:
        s += e
    evens = [e for e in p[0:n:2]]
    back = [e for e in p[n - 1:-1:-1]]
    free(p)
    return s, evens, back

cdef int first_negative(int *p, int n):
    cdef int v
    for v in p[:n]:
        if v < 0:
            return v
    return 0

def call_first_negative():
    cdef int a[5]
    a[0] = 3
    a[1] = 1
    a[2] = -4
    a[3] = 1
    a[4] = -5
    return first_negative(a, 5), first_negative(a, 2)
