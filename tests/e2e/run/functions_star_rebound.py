# *args and **kwargs are ordinary locals: rebinding them to any object works
def f(*args, **kw):
    args = {"first": args[0] if args else None}
    kw = sorted(kw)
    return args, kw


def g(*rest):
    rest = list(rest)
    rest.append("more")
    return rest


print(f(1, 2, x=3, y=4), f(), g(1), g())
