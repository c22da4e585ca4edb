"""Helpers shared by the tests/e2e/typed/*_test.py scripts.

A test script defines test_* functions and ends with check.main(globals()).
It prints nothing when every test passes.  Failures are printed with their
traceback, and the exit status is 1.  When PYXC_CHECK_REPORT names a file,
the names of the passed and failed tests are written there as JSON, so that
tests/run.py can count one check per test function.
"""
import json
import os
import sys
import traceback


def raises(exc_type, msg, fn, *args, **kwargs):
    """fn(*args, **kwargs) must raise exc_type (exactly, not a subclass).

    msg is the exact message (a str), or a substring when wrapped in a
    one-element tuple: raises(TypeError, ("cannot be",), f, 1).
    Returns the exception, for traceback checks.
    """
    try:
        fn(*args, **kwargs)
    except BaseException as e:  # noqa: B902 - anything raised is what we check
        if type(e) is not exc_type:
            raise AssertionError(f"expected {exc_type.__name__}({msg!r}), got "
                                 f"{type(e).__name__}({e})") from e
        text = str(e)
        if isinstance(msg, tuple):
            assert msg[0] in text, f"{exc_type.__name__}: {text!r} does not contain {msg[0]!r}"
        elif msg is not None:
            assert text == msg, f"{exc_type.__name__}: got {text!r}, expected {msg!r}"
        return e
    raise AssertionError(f"expected {exc_type.__name__}({msg!r}), nothing was raised")


def same_error(fn, ref, *args, **kwargs):
    """fn and ref (a pure-Python function) fail the same way: type and message."""
    try:
        ref(*args, **kwargs)
    except BaseException as e:  # noqa: B902
        want = e
    else:
        raise AssertionError("the reference call did not fail")
    # CPython names the function by its __qualname__; the compiled one is 'f'.
    return raises(type(want), str(want), fn, *args, **kwargs)


def same_result(fn, ref, *args, **kwargs):
    """fn and ref return the same value, or fail with the same type and message."""
    try:
        want = ref(*args, **kwargs)
    except BaseException as e:  # noqa: B902
        return raises(type(e), str(e), fn, *args, **kwargs)
    got = fn(*args, **kwargs)
    assert got == want and type(got) is type(want), f"got {got!r}, expected {want!r}"
    return got


def frames(exc):
    """(filename, function name, line number) of each frame of exc's traceback."""
    return [(f.filename, f.name, f.lineno) for f in traceback.extract_tb(exc.__traceback__)]


def has_frame(exc, filename, name, lineno):
    fr = frames(exc)
    assert (filename, name, lineno) in fr, f"no frame {(filename, name, lineno)} in {fr}"


def main(namespace):
    tests = [(n, f) for n, f in namespace.items() if n.startswith("test_") and callable(f)]
    passed, failed = [], {}
    for name, fn in tests:
        try:
            fn()
        except BaseException:  # noqa: B902 - report and go on
            failed[name] = traceback.format_exc()
            print(f"FAIL {name}\n{failed[name]}", file=sys.stderr)
        else:
            passed.append(name)
    report = os.environ.get("PYXC_CHECK_REPORT")
    if report:
        with open(report, "w") as f:
            json.dump({"passed": passed, "failed": failed}, f)
    sys.exit(1 if failed else 0)


def line_of(pyx, marker):
    """Line number (1-based) of the only line of pyx containing marker."""
    here = os.path.dirname(os.path.abspath(sys.argv[0]))
    path = pyx if os.path.isabs(pyx) else os.path.join(here, pyx)
    with open(path, encoding="utf-8") as f:
        hits = [i for i, line in enumerate(f, 1) if marker in line]
    assert len(hits) == 1, f"marker {marker!r} found on lines {hits} of {path}"
    return hits[0]
