# Under 'from __future__ import annotations' (PEP 563) annotations are
# strings, written as ast.unparse writes them: the compiled module stores
# the same text CPython does.
from __future__ import annotations

import inspect


def f(a: int, b: list[int] = None, *args: tuple[str, ...], k: Undefined = 1, **kw: dict) -> None:
    pass


def g(x: 0x10 | 1_000, y: 1.5e-7 + 2j, z: "quoted", w: (1, 2), v: a.b[1:2, ::3], u: -x ** -2 * (y + z)) -> {1: [2, 3], **d}:
    pass


def h(a: f(x, *y, k=1, **z), b: not a and (b or c), c: x if y else z, d: a < b <= c is not d,
      e: 1e100, f: 1e16, g: 123456789012345678901234567890, h: b"\x00'\t", i: "é\u200b'\"") -> ...:
    pass


def main():
    for fn in (f, g, h):
        print(fn.__annotations__)
        print(inspect.signature(fn))
