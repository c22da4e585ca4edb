# except*: subclasses with derive(), notes, nested except* blocks, cells,
# module-level names, errors in else, and what sys.exc_info() shows.
import sys


def show(e):
    if isinstance(e, BaseExceptionGroup):
        return f"{type(e).__name__}({e.message!r}, [{', '.join([show(x) for x in e.exceptions])}])"
    return f"{type(e).__name__}({', '.join([repr(a) for a in e.args])})"


def derive(self, excs):
    g = MyGroup(self.message.upper(), excs)
    g.tag = getattr(self, "tag", 0) + 1
    return g


MyGroup = type("MyGroup", (ExceptionGroup,), {"derive": derive})   # no classes yet


def subclass_derive():
    try:
        raise MyGroup("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("derived:", show(e), e.tag)
    except* TypeError as e:
        print("derived:", show(e), e.tag)


def notes_kept():
    g = ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    g.add_note("a note")
    try:
        try:
            raise g
        except* ValueError as e:
            print("notes:", e.__notes__, e.__notes__ is g.__notes__)
    except ExceptionGroup as rest:
        print("rest notes:", show(rest), rest.__notes__)


def nested_star():
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        try:
            raise ExceptionGroup("inner", [KeyError(3), OSError(4)])
        except* KeyError as k:
            print("inner:", show(k), show(sys.exc_info()[1]))
        except* OSError:
            print("inner os")
        print("outer value:", show(e), show(sys.exc_info()[1]))
    except* TypeError as t:
        print("outer type:", show(t))


def try_finally_in_clause():
    log = []
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
        except* ValueError:
            try:
                raise KeyError("k")
            finally:
                log.append("finally in clause")
        except* TypeError:
            log.append("type")
    except BaseException as e:
        log.append(show(e))
    return log


def captured_name():
    fs = []
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        fs.append(lambda: show(e))
        print("in clause:", fs[0]())
    try:
        fs[0]()
    except NameError as n:
        print("cell gone:", n)


def error_in_else():
    try:
        pass
    except* ValueError:
        print("never")
    else:
        raise ExceptionGroup("from else", [ValueError(0)])


def handler_raises_group():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise ExceptionGroup("new", [KeyError(5)])
    except* TypeError:
        raise OSError(6)


def reraise_named():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e


def base_exception_group():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as k:
        print("kbd:", show(k))


def clause_type_error_after_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("first")
    except* 3:
        print("never")


def in_loop():
    seen = []
    for i in range(4):
        try:
            raise ExceptionGroup("eg", [ValueError(i), TypeError(i)])
        except* ValueError as e:
            seen.append(e.exceptions[0].args[0])
        except* TypeError:
            while True:
                break
        else:
            continue
    return seen


def main():
    subclass_derive()
    notes_kept()
    nested_star()
    print(try_finally_in_clause())
    captured_name()
    for f in (error_in_else, handler_raises_group, reraise_named, base_exception_group,
              clause_type_error_after_match):
        try:
            f()
        except BaseException as e:
            print(f.__name__, "->", show(e), type(e.__context__).__name__)
    print(in_loop())
    print(sys.exc_info())


try:
    raise ExceptionGroup("module", [ValueError(1), TypeError(2)])
except* ValueError as name_at_module:
    print("module:", show(name_at_module))
except* TypeError:
    pass
print("name_at_module" in globals())
