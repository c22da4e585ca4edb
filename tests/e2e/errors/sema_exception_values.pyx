cdef void f() except -1:
    pass

cdef int g() except +:
    return 0

# ERROR 1:15: a void function cannot have an exception value; use 'except *'
# ERROR 4:14: not supported yet: C++ exception translation 'except +'
