# Nested defs and lambdas: function objects made each time their def or
# lambda runs, with defaults evaluated there, every kind of parameter, and
# the attributes CPython gives a function.


def make_adder(n, *, scale=1):
    def add(x, y=n * 10, /, *rest, k=scale, **kw):
        "adds"
        return (x + y + sum(rest)) * k, sorted(kw.items())
    return add


def defaults_evaluated_each_run():
    made = []
    for i in range(3):
        def f(a=i, *, b=i * 2):
            return a, b
        made.append(f)
    return [g() for g in made], [g(9, b=1) for g in made]


def attributes():
    x = 1

    def inner(a, b: int = 2, *args: str, c, d=4, **kw: float) -> list:
        "inner's doc"
        return x
    lam = lambda q, r=3: q
    print(inner.__name__, inner.__qualname__, inner.__module__, inner.__doc__)
    print(inner.__defaults__, inner.__kwdefaults__, sorted(inner.__annotations__.items(), key=str))
    print(type(inner.__closure__).__name__, len(inner.__closure__), type(inner.__closure__[0]).__name__,
          inner.__closure__[0].cell_contents)
    print(inner.__code__.co_freevars, inner.__code__.co_varnames, inner.__code__.co_argcount,
          inner.__code__.co_kwonlyargcount, inner.__code__.co_name)
    print(lam.__name__, lam.__qualname__, lam.__defaults__, lam.__closure__, lam.__doc__)
    print(attributes.__code__.co_cellvars if "closure" in type(attributes).__name__ else ("x",))
    inner.extra = 5
    print(inner.extra, inner.__dict__)
    return inner


def kinds_of_parameters():
    def posonly(a, b, /, c):
        return a, b, c

    def star(*args, **kwargs):
        return args, sorted(kwargs.items())

    def kwonly(*, a, b=2):
        return a, b
    print(posonly(1, 2, 3), posonly(1, 2, c=3), star(), star(1, 2, x=3), kwonly(a=1), kwonly(b=5, a=0))
    for bad in (lambda: posonly(1, b=2, c=3), lambda: kwonly(1), lambda: kwonly(), lambda: star(**{1: 2})):
        try:
            bad()
        except TypeError as e:
            print("TypeError:", e)


def decorated():
    log = []

    def tag(name):
        log.append("evaluate " + name)

        def deco(fn):
            log.append("apply " + name + " to " + fn.__name__)

            def wrapper(*a, **k):
                return name + "(" + str(fn(*a, **k)) + ")"
            return wrapper
        return deco

    @tag("outer")
    @tag("inner")
    def f(v, w=log.append("default") or 1):
        return v + w
    print(log, f(1), f(1, w=2), f.__name__)


twice = lambda f: lambda x: f(f(x))
inc = lambda x, step=1: x + step


def main():
    add = make_adder(2, scale=3)
    print(add(1), add(1, 1, 1, 1, z=0), add.__defaults__, add.__kwdefaults__)
    print(defaults_evaluated_each_run())
    attributes()
    kinds_of_parameters()
    decorated()
    print(twice(inc)(5), twice(twice(inc))(0), inc.__qualname__, twice.__name__, twice(inc).__qualname__)
    print(sorted([3, 1, 2], key=lambda v: -v), list(map(lambda a, b: a * b, [1, 2], [3, 4])))


def with_key(xs, key=lambda v: -v, *, show=lambda v: f"<{v}>"):
    return [show(x) for x in sorted(xs, key=key)]


defs_in_loop = []
for n in range(3):
    def numbered(k=n, *, scale=n + 1):
        return k * scale
    defs_in_loop.append(numbered)
else:
    print([f() for f in defs_in_loop], [f.__defaults__ for f in defs_in_loop], with_key([2, 3, 1]))
