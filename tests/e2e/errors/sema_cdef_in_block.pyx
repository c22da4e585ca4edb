# cdef declarations belong at the top level of a function body
def g(int n):
    if n > 0:
        cdef int y = n
    while n:
        cdef double z
        n -= 1
    return n

# ERROR 4:9: cdef statement not allowed here
# ERROR 6:9: cdef statement not allowed here
