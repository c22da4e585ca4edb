"""test_runtime.py: checks libpyxrt (through tests/runtime/rtmod.c) against
CPython and against the messages Cython prints.

Usage: PYTHON test_runtime.py DIR   (DIR holds the built rtmod extension;
run.sh builds it).  Argument parsing is differential: each rtmod signature
has a Python twin below, and every call shape must give the same result or
the same exception type and message.  Conversions and arithmetic are checked
against a model of Cython's rules plus fixed strings verified with Cython.
Under a Py_DEBUG build, every call is also repeated to check that
sys.gettotalrefcount() does not grow.  Prints 'runtime: N passed, M failed'.
"""
import gc
import io
import itertools
import linecache
import operator
import os
import struct
import sys
import tempfile
import traceback

sys.path.insert(0, sys.argv[1])
import rtmod  # noqa: E402

PASSED = 0
FAILED = 0


def check(what, got, want):
    global PASSED, FAILED
    if got == want:
        PASSED += 1
    else:
        FAILED += 1
        print("FAIL %s\n  got:  %r\n  want: %r" % (what, got, want))


def outcome(fn, *a, **k):
    return outcome_of(fn, a, k)


def outcome_of(fn, a, k):
    try:
        return ("ok", fn(*a, **k))
    except Exception as e:  # noqa: BLE001 - the type is part of the result
        return (type(e).__name__, str(e))


# ---------------------------------------------------------------- conversions

class Idx:
    def __index__(self):
        return 7


class BigIdx:
    def __index__(self):
        return 2 ** 70


class IntOnly:
    def __int__(self):
        return 7


class Flt:
    def __float__(self):
        return 2.5


class BadBool:
    def __bool__(self):
        raise RuntimeError("no truth")


def bits(code):
    return 8 * struct.calcsize(code)


LONG_BITS = bits("l")
LONG_MIN, LONG_MAX = -2 ** (LONG_BITS - 1), 2 ** (LONG_BITS - 1) - 1
ULONG_MAX = 2 ** LONG_BITS - 1
SSIZE_MIN, SSIZE_MAX = -2 ** (bits("n") - 1), 2 ** (bits("n") - 1) - 1
# Plain char is signed or not per platform (CHAR_MIN); ask the runtime.
CHAR_SIGNED = outcome(rtmod.as_char, -1)[0] == "ok"


def srange(code):
    b = bits(code)
    return -2 ** (b - 1), 2 ** (b - 1) - 1


def urange(code):
    return 0, 2 ** bits(code) - 1


# name -> (lo, hi, Cython's C type name, signed)
INT_TYPES = {
    "schar": srange("b") + ("signed char", True),
    "uchar": urange("B") + ("unsigned char", False),
    "short": srange("h") + ("short", True),
    "ushort": urange("H") + ("unsigned short", False),
    "int": srange("i") + ("int", True),
    "uint": urange("I") + ("unsigned int", False),
    "long": srange("l") + ("long", True),
    "ulong": urange("L") + ("unsigned long", False),
    "longlong": srange("q") + ("PY_LONG_LONG", True),
    "ulonglong": urange("Q") + ("unsigned PY_LONG_LONG", False),
    "ssize_t": srange("n") + ("Py_ssize_t", True),
    "size_t": urange("N") + ("size_t", False),
}
INT_TYPES["char"] = (srange("b") if CHAR_SIGNED else urange("B")) + ("char", CHAR_SIGNED)


def expect_int(name, v):
    """Cython's result for 'cdef <type> x = v', except that non-ints go
    through operator.index (pyxc rejects floats where Cython truncates)."""
    lo, hi, cname, signed = INT_TYPES[name]
    try:
        n = operator.index(v)
    except TypeError as e:
        return ("TypeError", str(e))
    if name == "ssize_t":
        if not SSIZE_MIN <= n <= SSIZE_MAX:
            return ("OverflowError", "Python int too large to convert to C ssize_t")
        return ("ok", n)
    if signed:
        if not LONG_MIN <= n <= LONG_MAX:
            return ("OverflowError", "Python int too large to convert to C long")
    else:
        if n < 0:
            return ("OverflowError", "can't convert negative value to %s" % cname)
        if n > ULONG_MAX:
            return ("OverflowError", "Python int too large to convert to C unsigned long")
    if not lo <= n <= hi:
        return ("OverflowError", "value too large to convert to %s" % cname)
    return ("ok", n)


INT_VALUES = [0, 1, -1, True, False, 127, 128, -128, -129, 255, 256, 32767, 32768,
              -32768, -32769, 65535, 65536, 2 ** 30 - 1, 2 ** 30, -2 ** 30, 2 ** 31 - 1,
              2 ** 31, -2 ** 31, -2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 62, 2 ** 63 - 1,
              2 ** 63, -2 ** 63, -2 ** 63 - 1, 2 ** 64 - 1, 2 ** 64, -2 ** 64, 10 ** 30,
              -10 ** 30, 1.5, -0.0, "x", None, b"1", Idx(), BigIdx(), IntOnly(), 3 + 0j]


def test_int_conversions():
    for name in INT_TYPES:
        fn = getattr(rtmod, "as_" + name)
        for v in INT_VALUES:
            check("as_%s(%r)" % (name, v), outcome(fn, v), expect_int(name, v))
    # Messages as Cython prints them, checked by hand with cython3 (0.29.32)
    # and against Cython 3's TypeConversion.c; the float rows are pyxc's
    # (Cython would truncate 1.5 to 1 via __int__).
    fixed = [
        ("char", 128, "OverflowError", "value too large to convert to char"),
        ("schar", -129, "OverflowError", "value too large to convert to signed char"),
        ("uchar", 256, "OverflowError", "value too large to convert to unsigned char"),
        ("uchar", -1, "OverflowError", "can't convert negative value to unsigned char"),
        ("short", 32768, "OverflowError", "value too large to convert to short"),
        ("ushort", -1, "OverflowError", "can't convert negative value to unsigned short"),
        ("int", 2 ** 31, "OverflowError", "value too large to convert to int"),
        ("uint", 2 ** 32, "OverflowError", "value too large to convert to unsigned int"),
        ("uint", -1, "OverflowError", "can't convert negative value to unsigned int"),
        ("long", 2 ** 63, "OverflowError", "Python int too large to convert to C long"),
        ("int", 2 ** 63, "OverflowError", "Python int too large to convert to C long"),
        ("ulong", -1, "OverflowError", "can't convert negative value to unsigned long"),
        ("ulong", 2 ** 64, "OverflowError", "Python int too large to convert to C unsigned long"),
        ("ulonglong", -1, "OverflowError", "can't convert negative value to unsigned PY_LONG_LONG"),
        ("ssize_t", 2 ** 63, "OverflowError", "Python int too large to convert to C ssize_t"),
        ("size_t", -1, "OverflowError", "can't convert negative value to size_t"),
        ("size_t", 2 ** 64, "OverflowError", "Python int too large to convert to C unsigned long"),
        ("int", 1.5, "TypeError", "'float' object cannot be interpreted as an integer"),
        ("ssize_t", 1.5, "TypeError", "'float' object cannot be interpreted as an integer"),
        ("long", "x", "TypeError", "'str' object cannot be interpreted as an integer"),
    ]
    for name, v, etype, msg in fixed:
        check("fixed as_%s(%r)" % (name, v), outcome(getattr(rtmod, "as_" + name), v), (etype, msg))
    check("as_int(True)", outcome(rtmod.as_int, True), ("ok", 1))
    check("as_int(Idx)", outcome(rtmod.as_int, Idx()), ("ok", 7))


def test_double_bint():
    cases = [
        (1.5, ("ok", 1.5)), (3, ("ok", 3.0)), (True, ("ok", 1.0)), (-0.0, ("ok", -0.0)),
        (2 ** 63, ("ok", float(2 ** 63))), (Flt(), ("ok", 2.5)), (Idx(), ("ok", 7.0)),
        (10 ** 400, ("OverflowError", "int too large to convert to float")),
        ("x", ("TypeError", "must be real number, not str")),
        (None, ("TypeError", "must be real number, not NoneType")),
        (IntOnly(), ("TypeError", "must be real number, not IntOnly")),
    ]
    for v, want in cases:
        check("as_double(%r)" % (v,), outcome(rtmod.as_double, v), want)
    for v in [0, 1, -1, 0.0, 2.5, "", "x", None, True, False, [], [0], 2 ** 70, Idx()]:
        check("as_bint(%r)" % (v,), outcome(rtmod.as_bint, v), ("ok", bool(v)))
    check("as_bint(BadBool)", outcome(rtmod.as_bint, BadBool()), ("RuntimeError", "no truth"))


# ----------------------------------------------------------------- arithmetic

def test_int_arith():
    signed = {"int": "i", "long": "l", "longlong": "q", "ssize_t": "n"}
    unsigned = {"uint": "I", "ulong": "L", "ulonglong": "Q", "size_t": "N"}
    zero = ("ZeroDivisionError", "integer division or modulo by zero")
    for name, code in signed.items():
        lo, hi = srange(code)
        vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 100, -100, lo, lo + 1, hi, hi - 1]
        for a, b in itertools.product(vals, vals):
            if b == 0:
                want_q = want_r = zero
            else:
                q = a // b
                want_q = ("ok", q) if lo <= q <= hi else (
                    "OverflowError", "value too large to perform division")
                want_r = ("ok", a % b)
            check("floordiv_%s(%d, %d)" % (name, a, b),
                  outcome(getattr(rtmod, "floordiv_" + name), a, b), want_q)
            check("mod_%s(%d, %d)" % (name, a, b),
                  outcome(getattr(rtmod, "mod_" + name), a, b), want_r)
    for name, code in unsigned.items():
        lo, hi = urange(code)
        vals = [0, 1, 2, 3, 7, 100, hi, hi - 1]
        for a, b in itertools.product(vals, vals):
            want_q = zero if b == 0 else ("ok", a // b)
            want_r = zero if b == 0 else ("ok", a % b)
            check("floordiv_%s(%d, %d)" % (name, a, b),
                  outcome(getattr(rtmod, "floordiv_" + name), a, b), want_q)
            check("mod_%s(%d, %d)" % (name, a, b),
                  outcome(getattr(rtmod, "mod_" + name), a, b), want_r)
    for b, e in [(2, 10), (3, 0), (0, 0), (-3, 3), (7, 1), (2, 62), (10, 18)]:
        check("ipow(%d, %d)" % (b, e), rtmod.ipow_longlong(b, e), b ** e)
    check("ipow wraps", rtmod.ipow_longlong(3, 50),
          ((3 ** 50 + 2 ** 63) % 2 ** 64) - 2 ** 63)
    check("ipow(2, -1)", rtmod.ipow_longlong(2, -1), 0)


def test_double_arith():
    inf, nan = float("inf"), float("nan")
    vals = [0.0, -0.0, 1.0, -1.0, 7.5, -7.5, 2.0, -2.0, 0.1, 1e300, -1e-300, inf, -inf, nan]
    pyops = {"truediv": operator.truediv, "floordiv": operator.floordiv, "mod": operator.mod}
    msgs = {op: outcome(pyop, 1.0, 0.0)[1] for op, pyop in pyops.items()}   # the running CPython's words
    for op, pyop in pyops.items():
        fn = getattr(rtmod, op + "_double")
        for a, b in itertools.product(vals, vals):
            if b == 0.0:
                want = ("ZeroDivisionError", msgs[op])
            else:
                want = outcome(pyop, a, b)
                if want[0] == "ok":
                    want = ("ok", repr(want[1]))
            got = outcome(fn, a, b)
            if got[0] == "ok":
                got = ("ok", repr(got[1]))
            check("%s_double(%r, %r)" % (op, a, b), got, want)


# ----------------------------------------------------------- argument parsing

def f(x, y, /, z=None, *args, k, **kw): return (x, y, z, k, args, kw)
def g(a, b): return (a, b)
def h(a, b=None): return (a, b)
def n(): return ()
def kwo(a, *, k, m=None): return (a, k, m)
def kwo2(a, *, k, m): return (a, k, m)
def po(a, /, b): return (a, b)
def pokw(a, b, /, **kw): return (a, b, kw)
def three(x, y, z): return (x, y, z)
def va(a, *args): return (a, args)
def alldef(a=None, b=None): return (a, b)
def pk(a, b, /, c=None, *, d=None, e): return (a, b, c, d, e)
def onlykw(**kw): return (kw,)
def uni(été, x=None): return (été, x)
def f_interned(x, y, /, z=None, *args, k, **kw): return (x, y, z, k, args, kw)


class C:
    def m(self, a, b=None): return (self, a, b)


SIGNATURES = [
    (f, rtmod.f, ["x", "y", "z", "k"]),
    (g, rtmod.g, ["a", "b"]),
    (h, rtmod.h, ["a", "b"]),
    (n, rtmod.n, []),
    (kwo, rtmod.kwo, ["a", "k", "m"]),
    (kwo2, rtmod.kwo2, ["a", "k", "m"]),
    (po, rtmod.po, ["a", "b"]),
    (pokw, rtmod.pokw, ["a", "b"]),
    (three, rtmod.three, ["x", "y", "z"]),
    (va, rtmod.va, ["a"]),
    (alldef, rtmod.alldef, ["a", "b"]),
    (C.m, rtmod.C_m, ["self", "a", "b"]),
    (pk, rtmod.pk, ["a", "b", "c", "d", "e"]),
    (onlykw, rtmod.onlykw, []),
    (uni, rtmod.uni, ["été", "x"]),
    (f_interned, rtmod.f_interned, ["x", "y", "z", "k"]),
]


class S(str):
    pass


def call_shapes(names):
    """Positional counts 0..len+2 crossed with keyword sets of up to three
    names (in every order) drawn from the parameters plus a stranger."""
    keys = names + ["zz"]
    kwsets = [()]
    for r in (1, 2, 3):
        kwsets += list(itertools.permutations(keys, r))
    for npos in range(len(names) + 3):
        for ks in kwsets:
            yield tuple(range(100, 100 + npos)), {kk: i for i, kk in enumerate(ks)}


def test_parse_args():
    shapes = 0
    for pyfn, cfn, names in SIGNATURES:
        for args, kw in call_shapes(names):
            check("%s(*%r, **%r)" % (pyfn.__name__, args, kw),
                  outcome_of(cfn, args, kw), outcome_of(pyfn, args, kw))
            shapes += 1
        # Keys that are equal but not the interned identifiers, a str
        # subclass, a lone surrogate, and a non-str key.
        for kw in ({"".join(["k"]): 1, "".join(["x"]): 2, "".join(["y"]): 3},
                   {S("k"): 1, S("a"): 2}, {"\udcff": 1}, {1: 2}, {"a": 1, 2: 3}):
            check("%s(1, **%r)" % (pyfn.__name__, kw),
                  outcome_of(cfn, (1,), kw), outcome_of(pyfn, (1,), kw))
            shapes += 1
    # The messages the brief lists, as plain strings (CPython 3.10+ wording).
    if sys.version_info >= (3, 10):
        fixed = [
            (rtmod.g, (1, 2, 3), {}, "g() takes 2 positional arguments but 3 were given"),
            (rtmod.h, (1, 2, 3), {}, "h() takes from 1 to 2 positional arguments but 3 were given"),
            (rtmod.g, (1,), {}, "g() missing 1 required positional argument: 'b'"),
            (rtmod.g, (), {}, "g() missing 2 required positional arguments: 'a' and 'b'"),
            (rtmod.three, (), {}, "three() missing 3 required positional arguments: 'x', 'y', and 'z'"),
            (rtmod.g, (1, 2), {"z": 1}, "g() got an unexpected keyword argument 'z'"),
            (rtmod.g, (1,), {"a": 1}, "g() got multiple values for argument 'a'"),
            (rtmod.kwo, (1,), {}, "kwo() missing 1 required keyword-only argument: 'k'"),
            (rtmod.po, (), {"a": 1, "b": 2},
             "po() got some positional-only arguments passed as keyword arguments: 'a'"),
            (rtmod.n, (1,), {}, "n() takes 0 positional arguments but 1 was given"),
            (rtmod.kwo, (1, 2), {"k": 1},
             "kwo() takes 1 positional argument but 2 positional arguments "
             "(and 1 keyword-only argument) were given"),
            (rtmod.C_m, (1, 2, 3, 4), {}, "C.m() takes from 2 to 3 positional arguments but 4 were given"),
        ]
        for fn, a, k, msg in fixed:
            check("fixed %s%r%r" % (fn.__name__, a, k), outcome_of(fn, a, k), ("TypeError", msg))
    print("argument parsing: %d call shapes compared" % shapes)


# ----------------------------------------------------------------- tracebacks

DEMO = ["# demo.pyx (test fixture)",
        "    raise ValueError('boom')  # demo.inner",
        "",
        "    return inner(x) * k  # demo.scale"]


def test_traceback():
    d = tempfile.mkdtemp()
    with open(os.path.join(d, "demo.pyx"), "w") as fp:
        fp.write("\n".join(DEMO) + "\n")
    sys.path.insert(0, d)
    linecache.clearcache()
    try:
        try:
            rtmod.raise_tb()
        except ValueError:
            text = traceback.format_exc()
            entries = traceback.extract_tb(sys.exc_info()[2])[-2:]
        check("traceback frames", [(e.filename, e.lineno, e.name) for e in entries],
              [("demo.pyx", 4, "demo.scale"), ("demo.pyx", 2, "demo.inner")])
        check("traceback text scale", 'File "demo.pyx", line 4, in demo.scale' in text, True)
        check("traceback text inner", 'File "demo.pyx", line 2, in demo.inner' in text, True)
        check("traceback source line", "return inner(x) * k  # demo.scale" in text, True)
        check("traceback order", text.index("demo.scale") < text.index("demo.inner"), True)
        check("traceback last line", text.rstrip().splitlines()[-1], "ValueError: boom")
    finally:
        sys.path.remove(d)
        os.remove(os.path.join(d, "demo.pyx"))
        os.rmdir(d)
        linecache.clearcache()
    try:
        rtmod.raise_tb()
    except ValueError:
        text = traceback.format_exc()
    check("traceback without source", 'File "demo.pyx", line 4, in demo.scale' in text
          and "return inner" not in text, True)


def test_unraisable():
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        check("unraisable returns", rtmod.unraisable(), None)
    finally:
        sys.unraisablehook = old
    check("unraisable hooked", len(seen), 1)
    if seen:
        u = seen[0]
        check("unraisable object", u.object, "rtmod.nx")
        check("unraisable value", (type(u.exc_value).__name__, str(u.exc_value)),
              ("ValueError", "swallowed"))
        names = [e.name for e in traceback.extract_tb(u.exc_traceback)]
        check("unraisable tb", "rtmod.nx" in names, True)
    del seen[:]
    err, old_err = io.StringIO(), sys.stderr
    sys.stderr = err
    try:
        rtmod.unraisable()
    finally:
        sys.stderr = old_err
    lines = err.getvalue().splitlines()
    check("unraisable text head", lines[:2],
          ["Exception ignored in: 'rtmod.nx'", "Traceback (most recent call last):"])
    check("unraisable text frame", '  File "rtmod.pyx", line 7, in rtmod.nx' in lines, True)
    check("unraisable text tail", lines[-1:], ["ValueError: swallowed"])
    check("no exception left", sys.exc_info(), (None, None, None))


# ---------------------------------------------------------------------- leaks

def test_leaks():
    if not hasattr(sys, "gettotalrefcount"):
        print("leak check skipped: not a Py_DEBUG build")
        return
    calls = []
    for name in INT_TYPES:
        for v in (1, -1, 2 ** 40, 2 ** 70, 1.5, Idx(), BigIdx()):
            calls.append((getattr(rtmod, "as_" + name), (v,), {}))
    for v in (1.5, 3, 10 ** 400, "x", Flt()):
        calls.append((rtmod.as_double, (v,), {}))
    calls.append((rtmod.as_bint, (BadBool(),), {}))
    for op in ("floordiv_long", "mod_long", "floordiv_double", "mod_double", "truediv_double"):
        calls += [(getattr(rtmod, op), (7, 2), {}), (getattr(rtmod, op), (7, 0), {})]
    calls.append((rtmod.floordiv_long, (LONG_MIN, -1), {}))
    for _, cfn, names in SIGNATURES:
        for args, kw in itertools.islice(call_shapes(names), 0, None, 7):
            calls.append((cfn, args, kw))
        calls.append((cfn, (1,), {1: 2}))
    calls.append((rtmod.raise_tb, (), {}))
    calls.append((rtmod.unraisable, (), {}))

    def run(fn, a, k):
        try:
            fn(*a, **k)
        except Exception:  # noqa: BLE001
            pass

    sys.unraisablehook = lambda u: None
    try:
        for fn, a, k in calls:
            for _ in range(20):
                run(fn, a, k)
        leaky = []
        for fn, a, k in calls:
            gc.collect()
            before = sys.gettotalrefcount()
            for _ in range(1000):
                run(fn, a, k)
            gc.collect()
            delta = sys.gettotalrefcount() - before
            if delta > 10:
                leaky.append("%s(*%r, **%r): +%d" % (fn.__name__, a, k, delta))
    finally:
        sys.unraisablehook = sys.__unraisablehook__
    check("refcount stable over %d call shapes x1000" % len(calls), leaky, [])


def main():
    print("python %s (%s)" % (sys.version.split()[0], sys.executable))
    test_int_conversions()
    test_double_bint()
    test_int_arith()
    test_double_arith()
    test_parse_args()
    test_traceback()
    test_unraisable()
    test_leaks()
    print("runtime: %d passed, %d failed" % (PASSED, FAILED))
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
