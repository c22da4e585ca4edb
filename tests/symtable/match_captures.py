# match: capture patterns bind names, value patterns read them.
import enum


class Color(enum.Enum):
    RED = 1


def describe(subject):
    match subject:
        case []:
            return "empty"
        case [first, *rest]:
            return first, rest
        case {"kind": kind, **others}:
            return kind, others
        case Color.RED:
            return "red"
        case Point(x=0, y=yy) as point if yy > 0:
            return point
        case (1 | 2) as small:
            return small
        case str() | bytes() as text:
            return text
        case [_, *_]:
            return "any"
        case _:
            return None


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


match Point(1, 2):
    case Point(a, b):
        module_capture = (a, b)
