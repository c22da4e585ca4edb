cdef int add(int a, int b):
    return a + b

def use(args, kw):
    add(*args)
    add(1, **kw)
    a, *b, *c = args
    *d = args

# ERROR 5:9: cannot unpack arguments ('*' or '**') into a call of the C function 'add'
# ERROR 6:12: cannot unpack arguments ('*' or '**') into a call of the C function 'add'
# ERROR 7:12: multiple starred expressions in assignment
# ERROR 8:5: starred assignment target must be in a list or tuple
