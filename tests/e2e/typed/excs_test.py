import sys
from check import raises, frames, has_frame, line_of, main
import excs as m

P = "excs.pyx"


def L(marker):
    return line_of(P, "L:" + marker)


def test_except_value():
    assert m.use_check_pos(3) == 7
    e = raises(ValueError, "negative: -4", m.use_check_pos, -4)
    assert frames(e)[-2:] == [(P, "excs.use_check_pos", L("use_check_pos")),
                              (P, "excs.check_pos", L("check_pos"))], frames(e)


def test_except_maybe():
    assert m.use_maybe(5) == 4
    assert m.use_maybe(-1) == -2     # -1 returned without an exception
    assert m.use_maybe(0 + 1) == 0
    e = raises(KeyError, "0", m.use_maybe, 0)
    has_frame(e, P, "excs.maybe", L("maybe"))
    assert m.use_half(3.0) == 1.5
    assert m.use_half(-2.0) == -1.0
    raises(ArithmeticError, "nan", m.use_half, float("nan"))


def test_except_star_void():
    assert m.use_side(3) == [0, 1, 2]
    e = raises(IndexError, "too big", m.use_side, 5)
    assert frames(e)[-2:] == [(P, "excs.use_side", L("use_side")), (P, "excs.side", L("side"))]


def test_cython3_default_propagates():
    assert m.use_default_spec(2) == 3
    e = raises(RuntimeError, "unlucky", m.use_default_spec, 13)
    assert frames(e)[-2:] == [(P, "excs.use_default_spec", L("use_default_spec")),
                              (P, "excs.default_spec", L("default_spec"))]


def test_noexcept_unraisable():
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        assert m.use_quiet(1) == 101
        assert seen == []
        r = m.use_quiet(-5)
    finally:
        sys.unraisablehook = old
    assert len(seen) == 1, seen
    u = seen[0]
    assert type(u.exc_value) is ValueError and str(u.exc_value) == "ignored -5"
    assert u.object == "excs.quiet", u.object
    assert (P, "excs.quiet", L("quiet")) in [(f.filename, f.name, f.lineno) for f in
                                             __import__("traceback").extract_tb(u.exc_traceback)]
    assert isinstance(r, int)          # the value is unspecified, but it is an int
    assert sys.exc_info() == (None, None, None)


def test_noexcept_default_hook_output():
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        m.use_quiet(-1)
    text = buf.getvalue()
    assert text.startswith("Exception ignored in: 'excs.quiet'\n"), text
    assert "ValueError: ignored -1" in text, text
    assert f'File "{P}", line {L("quiet")}, in excs.quiet' in text, text


def test_propagation_through_c_callers():
    assert m.chain(2) == 6
    e = raises(ValueError, "negative: -1", m.chain, -1)
    assert frames(e)[-4:] == [(P, "excs.chain", L("chain")), (P, "excs.outer", L("outer")),
                              (P, "excs.inner", L("inner")), (P, "excs.check_pos", L("check_pos"))]


def test_cpdef():
    assert m.cp_fact(10) == 3628800
    assert m.call_cp_fact_from_c(5) == 120
    e = raises(ValueError, "n must be >= 0", m.cp_fact, -1)
    has_frame(e, P, "excs.cp_fact", L("cp_fact"))
    raises(ValueError, "n must be >= 0", m.call_cp_fact_from_c, -3)
    raises(TypeError, "'str' object cannot be interpreted as an integer", m.cp_fact, "3")


def test_recursion():
    assert m.fib(20) == 6765
    assert m.use_cfib(25) == 75025
    e = raises(LookupError, "bottom", m.deep, 5)
    deep = [f for f in frames(e) if f[1] == "excs.deep"]
    assert len(deep) == 6 and deep[-1] == (P, "excs.deep", L("deep")), frames(e)


def test_recursion_limit():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        raises(RecursionError, ("maximum recursion depth exceeded",), m.deep, 100000)
    finally:
        sys.setrecursionlimit(old)


def test_raise_forms():
    raises(ValueError, "", m.raise_class)
    e = raises(TypeError, "outer", m.raise_from)
    has_frame(e, P, "excs.raise_from", L("raise_from"))
    e = raises(RuntimeError, "wrapped", m.raise_from_cause, "x")
    assert type(e.__cause__) is KeyError and e.__suppress_context__
    e = raises(RuntimeError, "no cause", m.raise_from_none)
    assert e.__cause__ is None and e.__suppress_context__
    raises(TypeError, "exceptions must derive from BaseException", m.raise_non_exception, 42)
    raises(KeyError, "'ok'", m.raise_non_exception, KeyError("ok"))


def test_try_finally():
    log = []
    assert m.finally_runs(log, 0) == "fell through" and log == ["body", "end", "finally"]
    log = []
    raises(OSError, "in body", m.finally_runs, log, 1)
    assert log == ["body", "finally"]
    log = []
    assert m.finally_runs(log, 2) == "returned" and log == ["body", "finally"]
    log = []
    raises(KeyError, "'k'", m.nested_finally, log)
    assert log == [1, 2]


def test_finally_in_loop():
    assert m.finally_in_loop(3) == [0, 0, 1, -1, 2, -2]
    e = raises(StopIteration, ("[0, 0, 1, -1, 2, -2",), m.finally_in_loop, 5)
    assert e.args[0] == [0, 0, 1, -1, 2, -2, -3]


def test_finally_overrides():
    assert m.finally_overrides(0) == "finally"
    assert m.finally_overrides(1) == "finally"


def test_assert():
    assert m.asserts(5) == 5
    raises(AssertionError, "", m.asserts, 0)
    e = raises(AssertionError, "x too big: 12", m.asserts, 12)
    has_frame(e, P, "excs.asserts", L("assert"))


def test_errors_from_python_calls():
    e = raises(ZeroDivisionError, "division by zero", m.catch_in_python_call, lambda a: 1 / a, 0)
    fr = frames(e)
    assert (P, "excs.catch_in_python_call", L("catch_in_python_call")) in fr
    assert fr[-1][2] == sys._getframe().f_lineno - 3
    raises(TypeError, "'int' object is not callable", m.catch_in_python_call, 3, 0)


main(globals())
