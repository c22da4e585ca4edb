# Under 'from __future__ import annotations' annotations are never
# evaluated: CPython's symtable visits them in a scope of their own that is
# in no children list, so their names appear nowhere.
from __future__ import annotations

import typing

module_var: typing.List[int] = []
bare: SomeType


def f(a: Hidden, b: int = 1, *args: Star, **kw: Kw) -> Result:
    local: NotSeen = 1
    return local


class C:
    attr: AlsoHidden
    with_value: Hidden2 = 2

    def m(self, other: C) -> C:
        return (lambda x: x)(other)


def closures_in_annotations():
    x = 1

    def g(a: (lambda: x)) -> [y for y in x]:
        pass
    return g
