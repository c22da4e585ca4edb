# C variables accept only values that convert to their type
def f():
    cdef int x = "hello"
    cdef double y = [1.0, 2.0]
    cdef list xs = (1, 2)
    x = b"bytes"
    return x, y, xs

# ERROR 3:18: cannot assign a value of type 'str' to 'x' of type 'int'
# ERROR 4:21: cannot assign a value of type 'list' to 'y' of type 'double'
# ERROR 5:20: cannot assign a value of type 'tuple' to 'xs' of type 'list'
# ERROR 6:9: cannot assign a value of type 'bytes' to 'x' of type 'int'
