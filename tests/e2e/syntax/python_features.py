# python_features.py - modern Python syntax the grammar must keep parsing.
from __future__ import annotations
import asyncio as aio, sys
from .pkg import (a, b as c,)
from ..up import *
import cython

x: cython.int = 0


@cython.cfunc
def pure(n: cython.int) -> cython.int:
    return n * 2


def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> dict[str, int]:
    global x
    if (n := len(args)) > 2:
        x += n
    return {k: v for k, v in kw.items() if v}


async def main(urls: list[str]) -> None:
    async with aio.timeout(1) as t, open("f") as g:
        async for item in stream():
            await aio.sleep(0)
    results = [await fetch(u) async for u in urls]
    return None


def gen():
    x = yield 1
    yield from range(3)
    def inner():
        nonlocal x
        x = lambda a, *b, c=1, **d: (a, b, c, d)
    return inner


class Shape[T](Base, metaclass=Meta):
    """A shape."""
    sides: int = 0

    def area[S: float](self, s: S) -> S:
        match self.sides:
            case 0 | 1:
                return s
            case [first, *rest]:
                return first
            case {"kind": "circle", **others}:
                return others
            case Point(x=0, y=yy) as p if yy > 0:
                return p
            case -1 | 1.5 | 2j | "s" "t" | b"b" | None | True:
                pass
            case sys.maxsize:
                pass
            case _:
                raise ValueError(f"bad {self!r:>10} {s=} {'nested' + f'{s}'}") from None


type Alias[T] = list[T] | None

try:
    pass
except* (ValueError, TypeError) as eg:
    pass

try:
    import missing
except ImportError as e:
    print(e, file=sys.stderr)
else:
    pass
finally:
    del x

with (open("a") as fa,
      open("b") as fb):
    pass

s = 'a' "b" '''c''' r"\\d" f"{1:{2}}" u"é"
bs = b'\x00' rb'\n'
t = 1_000_000 + 0x_ff + 0o17 + 0b1010 + 1.5e-3 + 3j
u = not a or b and c is not d in e not in f
v = a if b else c
w = [*a, *b], {**k}, {1, 2}, (), (1,), ...
a[1:2, ::3], a[...]
print(*w, sep=", ", end="\n")
assert w, "message"
for i, (j, k) in enumerate(zip(a, b)):
    if i: continue
    elif j: break
    else: pass
else:
    pass
while False:
    pass
else:
    pass
