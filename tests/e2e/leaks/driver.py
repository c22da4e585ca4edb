"""Refcount leak driver, run under python3.11-dbg by tests/run.py.

usage: driver.py MODULE REPORT.json

MODULE.LEAK_CALLS lists (function name, args tuple, expected exception type
or None).  Each call runs WARMUP times, then sys.gettotalrefcount() is read
before and after ROUNDS more calls; the delta must be 0.  The expected
exception (exact type) must be raised on every call.  One line per leaking
call is printed; the report has every call's delta.
"""
import gc
import importlib
import json
import sys

WARMUP = 200
ROUNDS = 2000


def call_once(fn, args, exc_type):
    try:
        fn(*args)
    except BaseException as e:  # noqa: B902 - compared with the expected type
        if exc_type is None or type(e) is not exc_type:
            return f"raised {type(e).__name__}: {e}"
        return None
    if exc_type is not None:
        return f"did not raise {exc_type.__name__}"
    return None


def measure(fn, args, exc_type):
    for _ in range(WARMUP):
        err = call_once(fn, args, exc_type)
        if err:
            return None, err
    gc.collect()
    rounds = range(ROUNDS)   # built before the first reading
    before = sys.gettotalrefcount()
    for _ in rounds:
        call_once(fn, args, exc_type)
    gc.collect()
    after = sys.gettotalrefcount()
    return after - before, None


def main():
    name, report = sys.argv[1], sys.argv[2]
    mod = importlib.import_module(name)
    sys.unraisablehook = lambda u: None   # noexcept calls report through it
    # A baseline: the measuring loop itself must not move the count.
    base, _ = measure(lambda: None, (), None)
    calls = []
    for fname, args, exc_type in mod.LEAK_CALLS:
        label = f"{fname}{args!r}"
        delta, err = measure(getattr(mod, fname), args, exc_type)
        if err is None:
            delta -= base
        if err or delta:
            print(f"LEAK {name}.{label}: " + (err or f"refcount delta {delta} over {ROUNDS} calls"))
        calls.append({"name": label, "delta": delta if delta is not None else 0, "error": err})
    with open(report, "w") as f:
        json.dump({"rounds": ROUNDS, "baseline": base, "calls": calls}, f)
    sys.exit(1 if any(c["error"] or c["delta"] for c in calls) else 0)


main()
