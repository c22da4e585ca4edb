DEF N = 0
cdef int a[N]
cdef int b[-3]
cdef double c[2.5]
cdef int d[n]

# ERROR 2:12: array size must be a positive integer constant
# ERROR 3:12: array size must be a positive integer constant
# ERROR 4:15: array size must be a positive integer constant
# ERROR 5:12: array size must be a positive integer constant
