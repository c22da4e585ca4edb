# Function objects as CPython makes them: attributes that real modules read
# and write (base64.py sets b32encode.__doc__; functools.wraps copies them).


def f(a, b=2, *args, c=3, **kw):
    "doc of f"
    return a


def g():
    pass


print(f.__name__, f.__qualname__, f.__module__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__)
f.__doc__ = "new doc"
print(f.__doc__)
g.attribute = 42
print(g.attribute, g.__dict__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:5])
# a function without a docstring gets one (base64.py: b32encode.__doc__ = ...)
g.__doc__ = "given later"
print(g.__doc__)
del g.__doc__
print(g.__doc__)
g.__name__ = "renamed"
g.__qualname__ = "Q.renamed"
g.__module__ = None
print(g.__name__, g.__qualname__, g.__module__)
try:
    g.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
