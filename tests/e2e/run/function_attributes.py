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
