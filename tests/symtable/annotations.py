# Annotations: CPython 3.11 visits every annotation where it appears; an
# annotated name is annotated and assigned even without a value.
from typing import List, Optional

x: int
y: List[int] = []
(z): int = 3
(w): int
obj = object()
obj.attr: str = "a"
obj.other: str
table = {}
table["k"]: int = 1


def function(a: int, b: "Forward" = None, *args: Optional[int], key: str = "", **kw: dict) -> List[int]:
    local: float = 1.0
    only_annotated: bytes
    (paren): int = 2
    return [a]


class Annotated:
    field: int
    default: str = "d"
    method_ref: "Annotated"

    def method(self) -> "Annotated":
        inner: Annotated = self
        return inner


def nested_annotations():
    T = int

    def inner(v: T) -> T:
        return v
    return inner


# at module level a global name may be annotated
global global_declared
global_declared: int = 1
