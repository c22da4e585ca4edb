# match: evaluation order, guards, OR and AS patterns, where names are
# bound (and when they are not), matches inside loops, try and other matches.
import sys

LOG = []


def subject(v):
    LOG.append(("subject", v))
    return v


def guard(name, result):
    LOG.append(("guard", name))
    return result


def once(v):
    LOG.clear()
    match subject(v):
        case [x] if guard("one", x > 0):
            LOG.append(("case one", x))
        case [x, y] if guard("two", x < y):
            LOG.append(("case two", x, y))
        case [x, *_] if guard("many", False):
            LOG.append("never")
        case _:
            LOG.append("default")
    return list(LOG)


def bound_after_failed_guard(v):
    match v:
        case [a, b] if a > b:
            return ("first", a, b)
        case [_, _, _]:
            return ("second", a)   # a is bound only when the first guard ran
        case _:
            pass
    return ("after", a, b)


def partial(v):
    x = "before"
    match v:
        case [x, 1]:   # x is not rebound when the pattern fails halfway
            pass
        case _:
            pass
    return x


def or_patterns(v):
    match v:
        case 1 | 2 | 3:
            return "small"
        case [x] | (x, 0) | {"x": x}:
            return ("x", x)
        case (str() | bytes()) as s:
            return ("text", s)
        case [1, (2 | 3) as two_or_three] | [(2 | 3) as two_or_three, 1]:
            return ("pair", two_or_three)
    return "none"


def as_patterns(v):
    match v:
        case [1, 2] as whole:
            return ("whole", whole)
        case [(a, b) as first, *_] as everything:
            return (a, b, first, everything)
        case (int() | float()) as number if number > 10:
            return ("big number", number)
        case _ as anything:
            return ("anything", anything)


def loops(items):
    out = []
    for item in items:
        match item:
            case "stop":
                break
            case "skip":
                continue
            case ("return", value):
                return out, value
            case int(n):
                out.append(n)
                while n > 0:
                    match n % 3:
                        case 0:
                            n -= 1
                            continue
                        case _:
                            n -= 2
                    out.append(n)
            case _:
                out.append(repr(item))
    else:
        out.append("exhausted")
    return out, None


def in_try(v):
    try:
        match v:
            case {"raise": exc}:
                raise exc
            case [*_, 0]:
                return v[0] / v[-1]
            case _:
                return "fine"
    except ZeroDivisionError as e:
        return ("caught", str(e))
    finally:
        LOG.append(("finally", repr(v)))


def nested(a, b):
    match a:
        case int():
            match b:
                case int():
                    return "int, int"
                case str():
                    return "int, str"
        case str():
            match b:
                case str() if a == b:
                    return "equal strs"
    return "other"


def maybe_unbound(v):
    match v:
        case [y]:
            pass
        case _:
            pass
    return y


def walrus(v):
    match (n := len(v)):
        case 0:
            return "empty"
        case _ if (half := n // 2) > 1:
            return ("half", half)
    return ("n", n)


def soft_keywords():
    match = [1, 2]
    case = "case"
    match match:
        case [match, case]:
            return match, case


def no_case_matches(v):
    r = "unchanged"
    match v:
        case 1:
            r = "one"
    return r


def traceback_line(v):
    match v:
        case {"k": int(n)} if 1 // n:
            return n


# module level: captures are globals, bound in the order CPython binds them
match {"zeta": 1, "alpha": 2, "rest": 3}:
    case {"zeta": zeta, "alpha": alpha, **others}:
        MODULE_RESULT = (zeta, alpha, others)

match (1, (2, 3)):
    case (b_first, (a_second, c_third)) as whole_tuple:
        pass


def main():
    for v in ([5], [-5], [1, 2], [2, 1], [1, 2, 3], "s"):
        print(once(v))
    print(bound_after_failed_guard([2, 1]), bound_after_failed_guard([1, 2]))
    try:
        bound_after_failed_guard([1, 2, 3])
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(partial([5, 2]), partial([5, 1]), partial(3))
    for v in (1, 3, [4], (5, 0), (5, 1), {"x": 6}, "str", b"b", [1, 2], [3, 1], [1, 4], 9):
        print(repr(v), "->", or_patterns(v))
    for v in ([1, 2], [(3, 4), 5], (11,), 11, 12.5, 3, "z"):
        print(repr(v), "->", as_patterns(v))
    print(loops([1, "skip", 5, "x", ("return", 7), 9]))
    print(loops([4, "stop", 8]))
    print(loops([2, 3]))
    LOG.clear()
    print(in_try({"raise": KeyError("k")}) if False else in_try([1, 0]), in_try("x"))
    try:
        in_try({"raise": KeyError("k")})
    except KeyError as e:
        print("KeyError", e)
    print(LOG)
    print(nested(1, 2), nested(1, "s"), nested("a", "a"), nested("a", "b"), nested(1.0, 1))
    print(maybe_unbound([7]))
    try:
        maybe_unbound(7)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(walrus([]), walrus([1, 2, 3, 4, 5]), walrus([1]))
    print(soft_keywords())
    print(no_case_matches(1), no_case_matches(2))
    print(MODULE_RESULT, [k for k in globals() if k in ("zeta", "alpha", "others")])
    print(b_first, a_second, c_third, whole_tuple,
          [k for k in globals() if k in ("b_first", "a_second", "c_third", "whole_tuple")])
    print(traceback_line({"k": 1}), traceback_line({"k": "x"}))
    try:
        traceback_line({"k": 0})
    except ZeroDivisionError:
        tb = sys.exc_info()[2]
        while tb.tb_next:
            tb = tb.tb_next
        print("ZeroDivisionError at line", tb.tb_lineno)
    traceback_line({"k": 0})
