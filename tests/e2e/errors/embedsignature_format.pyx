# cython: embedsignature.format=rst
cimport cython

@cython.embedsignature.format("html")
def f():
    pass

if f:
    cpdef int g():
        return 1
# ERROR 1:33: invalid value for directive 'embedsignature.format': 'rst'
# ERROR 4:31: invalid value for directive 'embedsignature.format'
# ERROR 9:5: cdef statement not allowed here
