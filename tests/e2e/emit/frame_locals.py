# locals() and dir() in a function (emit_locals.c): one dict per call, the
# variables set or removed in CPython 3.11's order; a cell read through it.
def f(a, b=2):
    x = a + b

    def inner():
        return x
    return locals(), dir(), inner
