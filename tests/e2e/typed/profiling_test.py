# build: tests/e2e/typed/profiling_late.pyx
import cProfile
import io
import pstats
import sys

from check import main, raises, line_of
import profiling as m

PYX = "profiling.pyx"


def at(name):
    return (PYX, line_of(PYX, f"# def: {name}"), name)


def stats_of(fn, *args):
    """{(file, line, name): call count} of the compiled functions cProfile saw."""
    p = cProfile.Profile()
    p.enable()
    try:
        fn(*args)
    except Exception:  # noqa: B902 - the calls made count either way
        pass
    finally:
        p.disable()
    return {k: v[1] for k, v in pstats.Stats(p).stats.items() if k[0].endswith(".pyx")}


def test_cprofile_lists_compiled_functions_with_their_lines():
    st = stats_of(m.run, 10)
    assert st == {at("run"): 1, at("fib"): 177, at("half"): 1, at("tiny_shown"): 10, at("quiet"): 1}, st


def test_print_stats_shows_file_line_and_name():
    p = cProfile.Profile()
    p.enable()
    m.run(5)
    p.disable()
    out = io.StringIO()
    pstats.Stats(p, stream=out).print_stats()
    text = out.getvalue()
    for name in ("run", "fib", "half"):
        label = "%s:%d(%s)" % at(name)
        assert label in text, f"{label} not in\n{text}"
    assert any(l.split()[:1] == ["15/1"] and "(fib)" in l for l in text.splitlines()), text   # 15 calls, 1 primitive


def test_profile_false_and_inline_are_left_out():
    names = {k[2] for k in stats_of(m.run, 4)}
    assert "hidden" not in names and "tiny" not in names, names
    assert "tiny_shown" in names, names   # inline, but @cython.profile(True)
    assert stats_of(m.unlisted, 1) == {}   # defined in 'with cython.profile(False):'


def test_without_a_profiler_results_are_unchanged():
    assert m.run(10) == 55 + 140.0 + 11   # fib(10) + half(sum of 6*i + 1) + quiet(10)
    assert m.through_check(4) == [4]
    raises(ValueError, "negative -1", m.through_check, -1)


def test_exceptions_are_reported_as_returns():
    log = []

    def prof(frame, event, arg):
        if frame.f_code.co_filename == PYX:
            log.append((event, frame.f_code.co_name, arg if event == "return" else None))
    sys.setprofile(prof)
    try:
        raises(ValueError, "negative -2", m.through_check, -2)
        raises(KeyError, "3", m.boom, 3)
        m.through_check(7)
    finally:
        sys.setprofile(None)
    assert log == [("call", "through_check", None), ("call", "check", None), ("return", "check", None),
                   ("return", "through_check", None),
                   ("call", "boom", None), ("return", "boom", None),
                   ("call", "through_check", None), ("call", "check", None), ("return", "check", None),
                   ("return", "through_check", [7])], log
    st = stats_of(m.boom, 1)
    assert st == {at("boom"): 1}, st


def test_frames_carry_code_and_line():
    seen = []

    def prof(frame, event, arg):
        if frame.f_code.co_filename == PYX and event == "call":
            seen.append((frame.f_code.co_name, frame.f_code.co_firstlineno, frame.f_lineno,
                         frame.f_globals.get("__name__")))
    sys.setprofile(prof)
    try:
        m.half(3.0)
    finally:
        sys.setprofile(None)
    assert seen == [("half", at("half")[1], at("half")[1], "profiling")], seen


def test_a_raising_profiler_fails_the_call():
    def prof(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "check":
            raise RuntimeError("profiler")
    sys.setprofile(prof)
    try:
        raises(RuntimeError, "profiler", m.through_check, 1)
        assert sys.getprofile() is None   # CPython drops a profiler that raised
    finally:
        sys.setprofile(None)


def test_a_raising_profiler_in_a_noexcept_function_is_unraisable():
    seen = []

    def prof(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "quiet":
            raise RuntimeError("profiler")
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append((type(u.exc_value), str(u.exc_value), u.object))
    sys.setprofile(prof)
    try:
        assert m.use_quiet(4) == 5
    finally:
        sys.setprofile(None)
        sys.unraisablehook = old
    assert seen == [(RuntimeError, "profiler", "profiling.quiet")], seen


def test_profiling_again_after_a_quiet_spell():
    # thousands of calls with nothing to report put profiled functions back
    # on their fast path; a profiler installed later is seen all the same
    for _ in range(3):
        assert stats_of(m.run, 12)[at("fib")] == 465
        m.run(20)   # 21,891 calls of fib, none reported
    log = []
    sys.setprofile(lambda frame, event, arg: log.append(event) if frame.f_code.co_filename == PYX else None)
    m.half(2.0)
    sys.setprofile(None)
    assert log == ["call", "return"], log


def test_a_module_imported_under_a_profiler_is_profiled():
    p = cProfile.Profile()
    p.enable()
    import profiling_late
    profiling_late.late(2)
    p.disable()
    names = {k[2]: v[1] for k, v in pstats.Stats(p).stats.items() if k[0] == "profiling_late.pyx"}
    assert names == {"late": 1}, names


main(globals())
