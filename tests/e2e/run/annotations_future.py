# Variable annotations under 'from __future__ import annotations': module
# level simple names store their text, nothing else is evaluated.
from __future__ import annotations

import types

ns = types.SimpleNamespace()
a: list[int]
b: "quoted" = 1
c: dict[str, int | None] = {}
ns.attr: undefined_name
(paren): also_undefined


def f():
    x: never_evaluated = 3
    return x


def main():
    print(__annotations__, f(), ns)
