cdef int *p
cdef int a[3]
cdef double *q

def f(int n):
    for x in p:
        pass
    for y in q[2:]:
        pass
    for z in a[:n:n]:
        pass
# ERROR 6:14: cannot iterate over a C pointer ('int *') of unknown length; loop over a slice such as p[:n]
# ERROR 8:14: a slice of a C pointer needs an end: p[:n]
# ERROR 10:19: the step of a C slice must be a non-zero constant
