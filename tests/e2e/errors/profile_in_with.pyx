# cython: linetrace=maybe
# profile and linetrace apply to whole functions (profile.c): decorators,
# the header, a module-level with block around defs; not blocks in a function
cimport cython

@cython.profile(1)
def f(x):
    with cython.profile(False):
        x += 1
    with cython.boundscheck(False), cython.linetrace(True):
        x += 2
    return x

with cython.profile(False):
    def g(x):
        return x
# ERROR 1:21: invalid value for directive 'linetrace': 'maybe'
# ERROR 6:17: invalid value for directive 'profile'
# ERROR 8:10: directive 'profile' applies to whole functions (a decorator, the '# cython:' header or a module-level 'with' around their defs), not to a block inside one
# ERROR 10:37: directive 'linetrace' applies to whole functions (a decorator, the '# cython:' header or a module-level 'with' around their defs), not to a block inside one
