# build: tests/e2e/typed/linetrace_typed.pyx
import importlib.machinery
import importlib.util
import os
import sys

from check import main, line_of
import linetrace as compiled
import linetrace_typed as typed

HERE = os.path.dirname(os.path.abspath(__file__))
PYX = "linetrace.pyx"


def interpreted():
    """linetrace.pyx run by CPython itself, as a plain Python module."""
    path = os.path.join(HERE, PYX)
    loader = importlib.machinery.SourceFileLoader("linetrace_py", path)
    spec = importlib.util.spec_from_loader("linetrace_py", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


PY = interpreted()


def events(fn, *args, source=PYX):
    """(function, event, line) of every trace event in source's frames."""
    seen = []

    def tracer(frame, event, arg):
        if os.path.basename(frame.f_code.co_filename) != source:
            return None
        seen.append((frame.f_code.co_name, event, frame.f_lineno))
        return tracer
    sys.settrace(tracer)
    try:
        fn(*args)
    except Exception:  # noqa: B902 - the events up to it count
        pass
    finally:
        sys.settrace(None)
    return seen


def same_events(name, *args):
    want = events(getattr(PY, name), *args)
    got = events(getattr(compiled, name), *args)
    assert got == want, f"{name}{args}:\ncompiled    {got}\ninterpreted {want}"
    assert want, "the tracer saw nothing"


def test_straight_line_code():
    same_events("straight", 1, 2)


def test_loops_break_continue_else_and_one_liners():
    same_events("loops", 2)
    same_events("loops", 0)


def test_branches():
    for x in (0, 1, 2, 3):
        same_events("branches", x)


def test_handled_exceptions():
    same_events("handled", 0)
    same_events("handled", 1)


def test_exceptions_leaving_frames():
    same_events("propagates", 5)


def test_with_statements():
    same_events("managed", 1)
    same_events("returns_in_with", 4)


def test_except_star_clauses():
    same_events("star_handled", 0)
    same_events("star_handled", 1)


def test_results_are_unchanged():
    for name, args in (("straight", (1, 2)), ("loops", (3,)), ("branches", (2,)), ("handled", (0,))):
        assert getattr(compiled, name)(*args) == getattr(PY, name)(*args), name


def test_c_loops_report_each_time_round():
    L = lambda m: line_of("linetrace_typed.pyx", f"# line: {m}")  # noqa: E731
    got = events(typed.counted, 2, source="linetrace_typed.pyx")
    add = [("add", "call", L("add_def")), ("add", "line", L("add_c")), ("add", "line", L("add_ret")),
           ("add", "return", L("add_ret"))]
    want = ([("counted", "call", L("counted_def")), ("counted", "line", L("counted_s")),
             ("counted", "line", L("counted_for")), ("counted", "line", L("counted_body"))] + add
            + [("counted", "line", L("counted_for")), ("counted", "line", L("counted_body"))] + add
            + [("counted", "line", L("counted_for")), ("counted", "line", L("counted_ret")),
               ("counted", "return", L("counted_ret"))])
    assert got == want, f"\n{got}\n{want}"
    got = events(typed.over_array, source="linetrace_typed.pyx")
    body = [("over_array", "line", L("arr_for")), ("over_array", "line", L("arr_body"))]
    want = ([("over_array", "call", L("arr_def")), ("over_array", "line", L("arr_t")),
             ("over_array", "line", L("arr_0")), ("over_array", "line", L("arr_0") + 1),
             ("over_array", "line", L("arr_0") + 2)] + body * 3
            + [("over_array", "line", L("arr_for")), ("over_array", "line", L("arr_ret")),
               ("over_array", "return", L("arr_ret"))])
    assert got == want, f"\n{got}\n{want}"


def test_a_tracer_can_turn_lines_off():
    seen = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename == PYX:
            seen.append(event)
            frame.f_trace_lines = False
            return tracer
        return None
    sys.settrace(tracer)
    try:
        compiled.straight(1, 2)
    finally:
        sys.settrace(None)
    assert seen == ["call", "return"], seen


main(globals())
