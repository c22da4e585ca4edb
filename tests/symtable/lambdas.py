# Lambdas: defaults are evaluated outside, parameters bind inside.
default = 10

f = lambda a, b=default, *rest, c, d=default + 1, **kw: (a, b, rest, c, d, kw)
curried = lambda x: lambda y: lambda z: x + y + z
no_args = lambda: default


def in_function(base):
    scale = lambda v, factor=base: v * factor
    offset = lambda v: v + base
    return scale, offset


def lambda_with_comprehension(items):
    return lambda: [i for i in items]


def lambda_in_default(fn=lambda: default):
    return fn


def annotated(a: int, *args: str, b: float = 1.0, **kw: dict) -> list:
    return [a, args, b, kw]
