ctypedef double real

def f():
    x = real
    return x

# ERROR 4:9: 'real' is a type, not a value
