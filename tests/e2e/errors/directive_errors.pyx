# cython: boundscheck=False, no_such_thing=True
# cython: cdivision=maybe
cimport cython

@cython.wraparound(False)
@cython.boundcheck(False)
def f():
    with cython.nonecheck(True):
        pass
    with cython.cdivision(1):
        pass
# ERROR 1:30: unknown directive 'no_such_thing'
# ERROR 2:21: invalid value for directive 'cdivision': 'maybe'
# ERROR 6:2: unknown directive 'boundcheck'
# ERROR 10:27: invalid value for directive 'cdivision'
