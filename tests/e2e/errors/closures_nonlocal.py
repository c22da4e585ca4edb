# CPython's compile-time errors for nonlocal (symtable.c reports them with
# CPython's words).
nonlocal q


def a():
    nonlocal x


def b(y):
    def d(z):
        nonlocal z
    return d


def e():
    w = 1

    def f():
        print(w)
        nonlocal w
    return f

# ERROR 12:9: name 'z' is parameter and nonlocal
# ERROR 21:9: name 'w' is used prior to nonlocal declaration
# ERROR 3:1: nonlocal declaration not allowed at module level
# ERROR 7:5: no binding for nonlocal 'x' found
