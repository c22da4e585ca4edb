# cython: linetrace=maybe
# profile and linetrace apply to whole functions or modules (profile.c)
cimport cython

@cython.profile(1)
def f(x):
    with cython.profile(False):
        x += 1
    with cython.boundscheck(False), cython.linetrace(True):
        x += 2
    return x
# ERROR 1:21: invalid value for directive 'linetrace': 'maybe'
# ERROR 5:17: invalid value for directive 'profile'
# ERROR 7:10: directive 'profile' applies to whole functions (a decorator) or the module (a '# cython:' comment), not to a 'with' block
# ERROR 9:37: directive 'linetrace' applies to whole functions (a decorator) or the module (a '# cython:' comment), not to a 'with' block
