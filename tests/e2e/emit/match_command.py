# The command interpreter of PEP 636's tutorial: each kind of pattern once.
import collections

Point = collections.namedtuple("Point", "x y")


def run(command, log):
    match command:
        case ["quit" | "exit"]:
            return None
        case ["go", ("north" | "south") as direction]:
            log.append(direction)
        case ["drop", *objects] if objects:
            log.extend(objects)
        case {"action": "look", "at": target, **extra}:
            log.append((target, extra))
        case Point(x=0, y=y) | Point(y, 0):
            log.append(("on an axis", y))
        case [1, *_, 2] | None:
            log.append("framed")
        case _:
            log.append("unknown")
    return log
