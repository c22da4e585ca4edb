# A note comes right after the error it explains, even when it points
# earlier in the file.
cdef int x = 1

def f():
    return x

cdef double x = 2
# ERROR 8:13: 'x' redeclared
# NOTE 3:10: previous declaration of 'x' is here
