# except* edge cases: raise ... from in a clause, a clause raising a group,
# a finally after the clauses with a return, naked BaseExceptions, a
# BaseExceptionGroup whose rest keeps a non-Exception, whole nested groups.
import sys


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join([show(x) for x in e.exceptions])}])"
    return f"{type(e).__name__}({', '.join([repr(a) for a in e.args])})"


def raise_from():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        raise KeyError("k") from e


def return_in_finally():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            pass
    finally:
        return "finally wins"


def naked_base():
    r = None
    try:
        raise KeyboardInterrupt("ctrl-c")
    except* BaseException as e:
        r = show(e)
    return r


def base_rest():
    try:
        raise BaseExceptionGroup("beg", [ValueError(1), SystemExit(2), TypeError(3)])
    except* ValueError:
        pass


def whole_nested():
    try:
        raise ExceptionGroup("outer", [ExceptionGroup("inner", [OSError(1), OSError(2)]), KeyError(3)])
    except* OSError as e:
        print("os:", show(e))
        raise
    except* KeyError as e:
        print("key:", show(e))


def same_name_two_clauses():
    seen = []
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        seen.append(show(e))
    except* TypeError as e:
        seen.append(show(e))
    return seen, "e" in locals()


def exc_info_between_clauses():
    seen = []
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        seen.append(show(sys.exc_info()[1]))
    except* (lambda: seen.append(show(sys.exc_info()[1])) or TypeError)():
        pass
    return seen


def main():
    for f in (raise_from, base_rest, whole_nested):
        try:
            f()
        except BaseException as e:
            print(f.__name__, "->", show(e), show(e.__cause__) if e.__cause__ else None)
    print(return_in_finally(), naked_base())
    print(same_name_two_clauses())
    print(exc_info_between_clauses())
