# match statements in typed code: a C pointer is no Python object to match or
# to capture into
def f(x):
    cdef int *p = NULL
    cdef char *s = NULL
    match p:
        case 1:
            pass
    match x:
        case [p, *_]:
            pass
        case {"s": s}:
            pass
        case str() as s:
            pass

# ERROR 6:11: cannot match a 'int *' against patterns
# ERROR 10:15: a pattern cannot bind the C variable 'p' of type 'int *'
# ERROR 12:20: a pattern cannot bind the C variable 's' of type 'char *'
# ERROR 14:14: a pattern cannot bind the C variable 's' of type 'char *'
