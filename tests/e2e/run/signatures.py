# inspect.signature, getfullargspec and help() of compiled functions read
# the same signature as of the interpreted ones: every kind of parameter,
# defaults (evaluated once, when the def runs), annotations (evaluated there
# too), docstrings.
import inspect
import pydoc

LIMIT = 10
seen = []


def note(x):
    seen.append(x)
    return x


def plain(a, b):
    return a + b


def defaults(a, b=1, c="two", d=None, e=(1, 2.5), f=LIMIT * 2, g=note([])):
    """Defaults of several types.

    The second paragraph.
    """
    return a


def star(a, *args, b, c=3, **kwargs):
    return a


def posonly(a, b=2, /, c=3, *, d, e=5):
    return a


def only_star(*args):
    return args


def only_kw(**kw):
    return kw


def kwonly_required(*, x, y=1, z):
    return x


def annotated(x: int, y: "str" = "s", *rest: tuple, k: list = [], **kw: dict) -> list:
    return [x]


def annotated_exprs(a: int | None, b: list[int] = None, c: note("c-ann") = 0) -> dict[str, int]:
    return {}


def no_params():
    "Just a docstring."


def describe(f):
    print(f.__name__, f.__qualname__, f.__module__)
    print("  signature:", inspect.signature(f))
    print("  argspec:", inspect.getfullargspec(f))
    print("  defaults:", f.__defaults__, f.__kwdefaults__)
    print("  annotations:", f.__annotations__)
    print("  doc:", repr(f.__doc__))
    code = f.__code__
    nparams = (code.co_argcount + code.co_kwonlyargcount + bool(code.co_flags & inspect.CO_VARARGS)
               + bool(code.co_flags & inspect.CO_VARKEYWORDS))
    print("  code:", code.co_name, code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount,
          code.co_varnames[:nparams], code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS))
    # help(): everything after pydoc's first line, which names the kind of object
    text = pydoc.render_doc(f, renderer=pydoc.plaintext)
    print("  help:", text.splitlines()[2:])


def main():
    for f in (plain, defaults, star, posonly, only_star, only_kw, kwonly_required,
              annotated, annotated_exprs, no_params):
        describe(f)
    print(seen)
    print(defaults.__defaults__[-1] is seen[0])
    print(defaults(1), star(1, b=2), posonly(1, d=4), only_star(1, 2), only_kw(a=1))
    print(inspect.signature(defaults).bind(1, 2).arguments)
    print(inspect.isroutine(plain), callable(plain))
