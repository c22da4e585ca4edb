# except* (PEP 654): splitting, several clauses each seeing its subgroup,
# the unhandled rest re-raised, naked exceptions wrapped, raise inside a
# clause, sys.exc_info(), else and finally.
import sys


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join([show(x) for x in e.exceptions])}])"
    return f"{type(e).__name__}({', '.join([repr(a) for a in e.args])})"


def split_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("value:", show(e), show(sys.exc_info()[1]))
    except* TypeError as e:
        print("type:", show(e))
    print("after")


def rest_goes_on():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), OSError(3)])
    except* ValueError:
        print("handled value")


def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked:", show(e), e.exceptions[0] is sys.exc_info()[1].exceptions[0])


def naked_unmatched():
    try:
        raise KeyError("k")
    except* ValueError:
        print("never")


def naked_reraise():
    try:
        raise ValueError("n")
    except* ValueError:
        raise


def raise_in_clause():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from clause")
    except* TypeError:
        print("type still handled")


def raise_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise


def nested_groups():
    inner = ExceptionGroup("inner", [ValueError(1), TypeError(2)])
    try:
        raise ExceptionGroup("outer", [inner, ValueError(3), OSError(4)])
    except* ValueError as e:
        print("nested value:", show(e))
    except* OSError as e:
        print("nested os:", show(e))
    except* TypeError as e:
        print("nested type:", show(e))


def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("tuple:", show(e))
    except* LookupError as e:
        print("lookup:", show(e))


def else_finally(fail):
    log = []
    try:
        if fail:
            raise ExceptionGroup("eg", [ValueError(1)])
        log.append("body")
    except* ValueError:
        log.append("handler")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log


def name_unbound():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as u:
        print("unbound:", u)


def every_clause_once():
    n = 0
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        n += 1
    except* ValueError:
        n += 10
    except* Exception:
        n += 100
    return n


def loops_inside():
    out = []
    for i in range(3):
        try:
            if i % 2:
                raise ExceptionGroup("eg", [ValueError(i)])
            out.append(("ok", i))
        except* ValueError:
            for j in range(5):
                if j == 2:
                    break
                out.append(("h", i, j))
    return out


def context_of_raised():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError as e:
            raise KeyError("k")
    except KeyError as k:
        print("context:", show(k.__context__))


def bad_types():
    for t in (42, ExceptionGroup, (ValueError, BaseExceptionGroup)):
        try:
            try:
                raise ExceptionGroup("eg", [ValueError(1)])
            except* t:
                print("never")
        except TypeError as e:
            print("TypeError:", e)


def main():
    split_two()
    for f in (rest_goes_on, naked_unmatched, naked_reraise, raise_in_clause, raise_and_rest):
        try:
            f()
        except BaseException as e:
            print(f.__name__, "->", show(e))
    naked()
    nested_groups()
    tuple_types()
    print(else_finally(False), else_finally(True))
    name_unbound()
    print(every_clause_once())
    print(loops_inside())
    context_of_raised()
    bad_types()
    print(sys.exc_info())
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("module level")
