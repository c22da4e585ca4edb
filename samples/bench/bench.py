#!/usr/bin/env python3
"""bench.py - pyxc benchmark suite: run time against CPython and Cython 0.29,
and compile time against Cython 0.29.

Usage:
    python3 samples/bench/bench.py [--pyxc build/pyxc] [--python /usr/bin/python3]
                                   [--quick] [--only NAME[,NAME...]] [--strict] [--keep]

What is measured
----------------
Each kernel in this directory comes as NAME.pyx (Cython-typed) and
NAME_py.py (the same algorithm in plain Python).  Both define run(n),
BENCH_N, CHECK_N and CHECK_RESULT.  For every kernel the harness

  1. builds NAME.pyx with pyxc      (PYXC --python PY -o TMP/pyxc NAME.pyx)
     and, when cython3 is on PATH,  (cython3 -3 NAME.pyx -o TMP/cython/NAME.c;
     with Cython 0.29               gcc -O2 -fPIC -shared -fwrapv ... -I<include>;
                                    pyxc's code-generation flags, see CFLAGS),
  2. loads the two extension modules with importlib (not via sys.modules)
     and NAME_py.py as plain Python,
  3. checks run(CHECK_N) == CHECK_RESULT for every variant (floats: relative
     tolerance 1e-9; the kernels keep CPython's operation order, so in
     practice the doubles are identical) and that a compiled module's
     BENCH_N/CHECK_N/CHECK_RESULT equal NAME_py.py's; a wrong answer is a
     FAIL and is never timed,
  4. times run(BENCH_N) with time.perf_counter, best of 5 rounds, the
     variants interleaved round by round (CPython, pyxc, Cython, CPython, ...)
     so machine noise hits them alike; the garbage collector is off while
     timing.  The run(BENCH_N) results must agree with CPython's too.

The untyped set (UNTYPED: nbody_py.py, spectral_norm_py.py and untyped/*.py)
is plain Python compiled as it is, by pyxc and by cython3 -3, against the
same file interpreted; same checks and timing.  Target: pyxc never slower
than CPython (the speed of untyped code is a later issue's bar).

Targets, per kernel: pyxc at least 50x faster than CPython, and pyxc time
<= Cython time (x1.05 for noise).  The compile-time section times, best of
3, `pyxc --python PY -o DIR samples/my_module_fixed.pyx` end to end against
`cython3 -3` + gcc end to end, and against the floor: gcc compiling an empty
module that includes Python.h with the same flags.  Target: pyxc <= 0.5 x
Cython.

Every column is measured in ONE process: the harness re-executes itself
under the interpreter being benchmarked (default /usr/bin/python3 when
cython3 is installed, since Debian's cython3 belongs to it; else python3).
The C compiler is $CC, default gcc.  No network; standard library only;
Python 3.8+.  Exit status 0, unless --strict and some target is MISS/FAIL.
"""

import argparse
import gc
import importlib.machinery
import importlib.util
import math
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# (kernel, n for --quick as a function of BENCH_N: about a tenth of the time)
KERNELS = [
    ("tutorial_sum", lambda n: n // 10),
    ("fib", lambda n: n - 5),            # fib(n - 5) is ~11x cheaper
    ("primes", lambda n: n // 10),
    ("mandelbrot", lambda n: n // 3),    # n x n grid
    ("nbody", lambda n: n // 10),
    ("spectral_norm", lambda n: n // 3),  # O(n^2)
]
# Untyped code: a plain-Python file compiled as it is, against itself
# interpreted.  (name, file under samples/bench, n for --quick)
UNTYPED = [
    ("nbody", "nbody_py.py", lambda n: n // 10),
    ("spectral_norm", "spectral_norm_py.py", lambda n: n // 3),
    ("fannkuch", "untyped/fannkuch.py", lambda n: n - 1),
    ("nqueens", "untyped/nqueens.py", lambda n: n - 2),
    ("wordfreq", "untyped/wordfreq.py", lambda n: n // 10),
    ("float_math", "untyped/float_math.py", lambda n: n // 10),
    ("tree_walk", "untyped/tree_walk.py", lambda n: n // 10),
    ("closures_calls", "untyped/closures_calls.py", lambda n: n // 10),
    ("classes_sched", "untyped/classes_sched.py", lambda n: n // 10),
]
COMPILE_SAMPLE = os.path.join(ROOT, "samples", "my_module_fixed.pyx")

SPEEDUP_TARGET = 50.0       # pyxc vs CPython
UNTYPED_TARGET = 1.0        # untyped code: never slower than CPython
CYTHON_TOLERANCE = 1.05     # pyxc time <= Cython time x this
COMPILE_RATIO_TARGET = 0.5  # pyxc compile time / Cython compile time
FLOOR_RATIO_TARGET = 1.3    # pyxc compile time / gcc on an empty module
REL_TOL = 1e-9              # for float results
# Cython's C is built with the code-generation flags pyxc gives gcc (and
# Python's own CFLAGS have), so the comparison is of the generated C.
CFLAGS = ["-O2", "-fPIC", "-shared", "-fwrapv", "-fno-strict-aliasing"]
REEXEC_ENV = "PYXC_BENCH_REEXECUTED"


# ---- choosing and becoming the interpreter ---------------------------------

def default_python():
    if shutil.which("cython3") and os.access("/usr/bin/python3", os.X_OK):
        return "/usr/bin/python3"
    return shutil.which("python3") or sys.executable


def become(python):
    """Re-execute this script under `python` unless that is us already."""
    target = shutil.which(python) or python
    if os.path.realpath(target) == os.path.realpath(sys.executable):
        return
    if os.environ.get(REEXEC_ENV):
        return  # e.g. a wrapper script (pyenv shim): it did run the right one
    if not os.access(target, os.X_OK):
        sys.exit("bench.py: interpreter %r not found" % python)
    env = dict(os.environ)
    env[REEXEC_ENV] = "1"
    argv = [target, os.path.abspath(__file__)] + sys.argv[1:]
    sys.stdout.flush()
    os.execve(target, argv, env)


# ---- building ---------------------------------------------------------------

def run_cmd(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)


def first_error_line(output, returncode):
    lines = [l.strip() for l in output.splitlines() if l.strip()]
    for line in lines:
        if "error" in line.lower():
            return line
    return lines[0] if lines else "exit status %d" % returncode


def ext_suffix():
    return sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def include_flags():
    paths = sysconfig.get_paths()
    dirs = []
    for key in ("include", "platinclude"):
        d = paths.get(key)
        if d and d not in dirs:
            dirs.append(d)
    return ["-I" + d for d in dirs]


def cc():
    return os.environ.get("CC") or "gcc"


def pyxc_command(pyxc, outdir, source):
    return [pyxc, "--python", sys.executable, "-o", outdir, source]


def cython_commands(cython, outdir, source):
    name = os.path.splitext(os.path.basename(source))[0]
    c_file = os.path.join(outdir, name + ".c")
    so_file = os.path.join(outdir, name + ext_suffix())
    return [[cython, "-3", source, "-o", c_file],
            [cc()] + CFLAGS + include_flags() + [c_file, "-o", so_file]]


def build(commands, product):
    """Run commands in turn; return (product path, None) or (None, error)."""
    for cmd in commands:
        try:
            p = run_cmd(cmd)
        except OSError as e:
            return None, "%s: %s" % (cmd[0], e.strerror)
        if p.returncode != 0:
            return None, first_error_line(p.stdout, p.returncode)
    if not os.path.exists(product):
        return None, "%s was not produced" % os.path.basename(product)
    return product, None


def build_pyxc(pyxc, outdir, source):
    if not (os.path.isfile(pyxc) and os.access(pyxc, os.X_OK)):
        return None, "%s not found (run make)" % pyxc
    os.makedirs(outdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(source))[0]
    return build([pyxc_command(pyxc, outdir, source)],
                 os.path.join(outdir, name + ext_suffix()))


def build_cython(cython, outdir, source):
    os.makedirs(outdir, exist_ok=True)
    cmds = cython_commands(cython, outdir, source)
    return build(cmds, cmds[-1][-1])


# ---- loading and checking ---------------------------------------------------

def load_extension(name, path):
    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    if sys.modules.get(name) is module:  # Cython 0.29 registers itself
        del sys.modules[name]
    return module


def load_source(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def same_result(got, expected):
    if isinstance(expected, float):
        return isinstance(got, float) and math.isclose(got, expected, rel_tol=REL_TOL, abs_tol=0.0)
    return isinstance(got, int) and not isinstance(got, bool) and got == expected


class Variant:
    def __init__(self, label):
        self.label = label
        self.module = None
        self.build_error = None  # could not build or load
        self.fail = None         # built, but wrong
        self.best = None         # best time, seconds
        self.bench_result = None

    @property
    def timeable(self):
        return self.module is not None and self.fail is None


def check(variant, ref):
    """Constants and run(CHECK_N); sets variant.fail on a wrong answer."""
    m = variant.module
    for const in ("BENCH_N", "CHECK_N", "CHECK_RESULT"):
        if not hasattr(m, const):
            variant.fail = "module has no %s" % const
            return
        if getattr(m, const) != getattr(ref, const):
            variant.fail = "%s = %r, %s_py.py says %r" % (
                const, getattr(m, const), ref.__name__[:-3], getattr(ref, const))
            return
    try:
        got = m.run(ref.CHECK_N)
    except Exception as e:  # noqa: BLE001 - any exception is a FAIL
        variant.fail = "run(%d) raised %s: %s" % (ref.CHECK_N, type(e).__name__, e)
        return
    if not same_result(got, ref.CHECK_RESULT):
        variant.fail = "run(%d) = %r, expected %r" % (ref.CHECK_N, got, ref.CHECK_RESULT)


# ---- timing -----------------------------------------------------------------

def time_variants(variants, n, rounds):
    """Best-of-`rounds` time of run(n), variants interleaved round by round."""
    gc_was_enabled = gc.isenabled()
    try:
        for _ in range(rounds):
            for v in variants:
                if not v.timeable:
                    continue
                gc.collect()
                gc.disable()
                try:
                    t0 = time.perf_counter()
                    result = v.module.run(n)
                    elapsed = time.perf_counter() - t0
                except Exception as e:  # noqa: BLE001
                    v.fail = "run(%d) raised %s: %s" % (n, type(e).__name__, e)
                    continue
                finally:
                    if gc_was_enabled:
                        gc.enable()
                v.bench_result = result
                v.best = elapsed if v.best is None else min(v.best, elapsed)
    finally:
        if gc_was_enabled:
            gc.enable()
    # Bigger n can expose what CHECK_N does not (overflow): compare with CPython.
    ref = variants[0]
    for v in variants[1:]:
        if v.timeable and ref.timeable and not same_result(v.bench_result, ref.bench_result):
            v.fail = "run(%d) = %r, CPython gives %r" % (n, v.bench_result, ref.bench_result)
            v.best = None


def best_of(commands_list, rounds, prepare=None):
    """Best wall time of running a list of commands in sequence (None on failure)."""
    best, error = None, None
    for _ in range(rounds):
        if prepare:
            prepare()
        t0 = time.perf_counter()
        for cmd in commands_list:
            p = run_cmd(cmd)
            if p.returncode != 0:
                return None, first_error_line(p.stdout, p.returncode)
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    return best, error


# ---- reporting --------------------------------------------------------------

def fmt_time(t):
    return "-" if t is None else "%.5f" % t


def fmt_ratio(r, digits=1, suffix=""):
    return "-" if r is None else "%.*f%s" % (digits, r, suffix)


def geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def print_table(rows):
    header = ["kernel", "n", "CPython (s)", "pyxc (s)", "Cython 0.29 (s)",
              "pyxc speed-up (x)", "pyxc/Cython", "target"]
    cells = [header]
    for r in rows:
        cells.append([r["kernel"], str(r["n"]), fmt_time(r["python"].best),
                      fmt_time(r["pyxc"].best), fmt_time(r["cython"].best),
                      fmt_ratio(r["speedup"]), fmt_ratio(r["vs_cython"], 2), r["target"]])
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row):
        return "  ".join(c.ljust(w) if i == 0 or i == len(row) - 1 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for r, row in zip(rows, cells[1:]):
        print(line(row))
        for note in r["notes"]:
            print("    " + note)


# ---- the two sections ------------------------------------------------------

def bench_kernels(names, pyxc, cython, tmp, quick, untyped=False):
    """The typed kernels (NAME.pyx against NAME_py.py), or with untyped the
    plain-Python files of UNTYPED compiled as they are."""
    rounds = 2 if quick else 5
    speedup_target = UNTYPED_TARGET if untyped else SPEEDUP_TARGET
    rows = []
    table = UNTYPED if untyped else [(k, None, q) for k, q in KERNELS]
    for name, file, quick_n in table:
        if name not in names:
            continue
        print("bench.py: %s%s ..." % (name, " (untyped)" if untyped else ""),
              file=sys.stderr, flush=True)
        if untyped:
            source = os.path.join(HERE, file)
            modname = os.path.splitext(os.path.basename(file))[0]
            ref = load_source(modname + "_interpreted", source)
            tmp_kernel = os.path.join(tmp, "untyped", name)
        else:
            source = os.path.join(HERE, name + ".pyx")
            modname = name
            ref = load_source(name + "_py", os.path.join(HERE, name + "_py.py"))
            tmp_kernel = tmp
        n = quick_n(ref.BENCH_N) if quick else ref.BENCH_N

        python = Variant("CPython")
        python.module = ref
        variants = [python, Variant("pyxc"), Variant("cython")]
        builders = [(variants[1], lambda out: build_pyxc(pyxc, out, source), "pyxc")]
        if cython:
            builders.append((variants[2], lambda out: build_cython(cython, out, source), "cython"))
        else:
            variants[2].build_error = "cython3 not on PATH"
        for v, builder, sub in builders:
            path, err = builder(os.path.join(tmp_kernel, sub))
            if err is None:
                try:
                    v.module = load_extension(modname, path)
                except Exception as e:  # noqa: BLE001
                    err = "import failed: %s: %s" % (type(e).__name__, e)
            v.build_error = err

        for v in variants:
            if v.module is not None:
                check(v, ref)
        time_variants(variants, n, rounds)

        py, px, cy = variants
        speedup = py.best / px.best if py.best and px.best else None
        vs_cython = px.best / cy.best if px.best and cy.best else None
        notes = []
        if px.build_error:
            notes.append("pyxc: build failed: " + px.build_error)
        if cy.build_error and cython:
            notes.append("cython: build failed: " + cy.build_error)
        for v in variants:
            if v.fail:
                notes.append("%s: FAIL: %s" % (v.label, v.fail))
        if any(v.fail for v in variants):
            target = "FAIL"
        elif px.build_error:
            target = "MISS"
        else:
            missed = []
            if speedup is None or speedup < speedup_target:
                missed.append("speed-up")
            if not untyped and vs_cython is not None and vs_cython > CYTHON_TOLERANCE:
                missed.append("vs Cython")
            target = "MISS (%s)" % ", ".join(missed) if missed else "ok"
        rows.append({"kernel": name, "n": n, "python": py, "pyxc": px, "cython": cy,
                     "speedup": speedup, "vs_cython": vs_cython, "target": target,
                     "notes": notes})

    if untyped:
        print()
        print("untyped code (plain .py compiled as it is): best of %d, interleaved; "
              "target: pyxc >= %gx CPython" % (rounds, speedup_target))
    else:
        print("run time: best of %d, run(n) per variant, interleaved; targets: pyxc >= %gx "
              "CPython and pyxc <= Cython x%.2f" % (rounds, speedup_target, CYTHON_TOLERANCE))
    print()
    print_table(rows)
    print()
    cy_speedups = [r["python"].best / r["cython"].best for r in rows
                   if r["python"].best and r["cython"].best]
    built = sum(1 for r in rows if not r["pyxc"].build_error)
    correct = sum(1 for r in rows if r["pyxc"].timeable)
    ok = sum(1 for r in rows if r["target"] == "ok")
    print("summary: %d %skernels; pyxc built %d, correct %d, targets ok %d/%d; "
          "geometric-mean speed-up vs CPython: pyxc %s, Cython %s; pyxc/Cython time %s"
          % (len(rows), "untyped " if untyped else "", built, correct, ok, len(rows),
             fmt_ratio(geomean([r["speedup"] for r in rows]), suffix="x"),
             fmt_ratio(geomean(cy_speedups), suffix="x"),
             fmt_ratio(geomean([r["vs_cython"] for r in rows]), 2)))
    return all(r["target"] == "ok" for r in rows)


def bench_compile(pyxc, cython, tmp):
    rounds = 3
    source = COMPILE_SAMPLE
    print()
    print("compile time: %s, end to end, best of %d"
          % (os.path.relpath(source, ROOT), rounds))
    work = os.path.join(tmp, "compile")
    os.makedirs(work, exist_ok=True)

    empty_c = os.path.join(work, "empty.c")
    with open(empty_c, "w") as f:
        f.write('#define PY_SSIZE_T_CLEAN\n#include <Python.h>\n'
                'static struct PyModuleDef m = {PyModuleDef_HEAD_INIT, "empty", NULL, -1, NULL};\n'
                'PyMODINIT_FUNC PyInit_empty(void) { return PyModule_Create(&m); }\n')
    floor_cmd = [cc()] + CFLAGS + include_flags() + [empty_c, "-o",
                                                     os.path.join(work, "empty" + ext_suffix())]

    pyxc_dir = os.path.join(work, "pyxc")
    cython_dir = os.path.join(work, "cython")
    os.makedirs(cython_dir, exist_ok=True)
    results = {}
    # Interleave the three, round by round, like the kernels.
    jobs = [("pyxc", None), ("cython", None), ("floor", [floor_cmd])]
    if os.path.isfile(pyxc) and os.access(pyxc, os.X_OK):
        os.makedirs(pyxc_dir, exist_ok=True)
        jobs[0] = ("pyxc", [pyxc_command(pyxc, pyxc_dir, source)])
    else:
        results["pyxc"] = (None, "%s not found (run make)" % pyxc)
    if cython:
        jobs[1] = ("cython", cython_commands(cython, cython_dir, source))
    else:
        results["cython"] = (None, "cython3 not on PATH")
    for _ in range(rounds):
        for label, cmds in jobs:
            if cmds is None or (label in results and results[label][0] is None):
                continue
            t, err = best_of(cmds, 1)
            old = results.get(label, (None, None))[0]
            results[label] = (t if old is None or t is None else min(old, t), err)

    def show(label, what, key):
        t, err = results.get(key, (None, "not run"))
        if t is None:
            print("  %-38s %s: build failed: %s" % (what, label, err))
        else:
            print("  %-38s %8.4f s" % (what, t))
        return t

    t_pyxc = show("pyxc", "pyxc --python PY -o DIR", "pyxc")
    t_cy = show("cython", "cython3 -3 + %s %s" % (cc(), " ".join(CFLAGS)), "cython")
    t_floor = show("gcc", "%s, empty module with Python.h" % cc(), "floor")
    if t_pyxc is not None and t_cy is not None:
        ratio = t_pyxc / t_cy
        ok = ratio <= COMPILE_RATIO_TARGET
        print("  %-38s %8.2f   target <= %g: %s" % ("pyxc / Cython", ratio,
                                                      COMPILE_RATIO_TARGET, "ok" if ok else "MISS"))
    else:
        ok = False
        print("  %-38s %8s   target <= %g: MISS" % ("pyxc / Cython", "-", COMPILE_RATIO_TARGET))
    if t_pyxc is not None and t_floor is not None:
        ratio = t_pyxc / t_floor
        ok_floor = ratio <= FLOOR_RATIO_TARGET
        ok = ok and ok_floor
        print("  %-38s %8.2f   target <= %g: %s" % ("pyxc / floor", ratio, FLOOR_RATIO_TARGET,
                                                      "ok" if ok_floor else "MISS"))
    if t_floor is not None and t_cy is not None:
        print("  (the floor is %.0f%% of the Cython build)" % (100.0 * t_floor / t_cy))
    return ok


# ---- compile scaling -----------------------------------------------------------

SCALING_SIZES = (1000, 10000, 50000)


def scaling_module(n_lines):
    """A plain-Python module of about n_lines lines (the same shape as
    tests/run.py's scaling suite): functions with loops, branches, try and
    displays, and a module-level call each."""
    out = ["import math", ""]
    i = 0
    while len(out) < n_lines:
        out += ["def f%d(a, b, c=3):" % i, "    x = a + b * %d" % i, "    if x > c:",
                "        y = [x, a, b]", "        for k in range(3):", "            x += k * c",
                "    else:", "        y = (a, %d)" % i, "    try:", "        z = x // (b - %d)" % i,
                "    except ZeroDivisionError:", "        z = 0", "    return x, y, z", "",
                "V%d = f%d(%d, 2)" % (i, i, i), ""]
        i += 1
    return "\n".join(out) + "\n"


def timed(cmds):
    """Wall time and peak memory (MB, the largest process) of commands run
    in turn, or (None, None, error)."""
    peak, t0 = 0, time.perf_counter()
    for cmd in cmds:
        p = subprocess.run(["/usr/bin/time", "-f", "PEAK %M"] + cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True)
        if p.returncode != 0:
            return None, None, first_error_line(p.stderr, p.returncode)
        kb = [int(line.split()[1]) for line in p.stderr.splitlines() if line.startswith("PEAK ")]
        peak = max([peak] + kb)
    return time.perf_counter() - t0, peak / 1024.0, None


def bench_scaling(pyxc, cython, tmp):
    print()
    print("compile scaling: generated plain-Python modules, gcc -O2, one run each")
    if not os.path.exists("/usr/bin/time"):
        print("  skipped: /usr/bin/time (package time) not installed")
        return True
    rows = []
    for n in SCALING_SIZES:
        work = os.path.join(tmp, "scale%d" % n)
        os.makedirs(work, exist_ok=True)
        src = os.path.join(work, "m%d.py" % n)
        with open(src, "w") as f:
            f.write(scaling_module(n))
        fe = timed([[pyxc, "--emit-c", "--no-line-directives", "-o", work, src]])
        e2e = timed([pyxc_command(pyxc, work, src)])
        cy = (None, None, "no cython3")
        if cython:
            os.makedirs(os.path.join(work, "cy"), exist_ok=True)
            cy = timed(cython_commands(cython, os.path.join(work, "cy"), src))
        rows.append((n, fe, e2e, cy))
        print("  %d lines done" % n, flush=True)

    def cell(r):
        return "%.2f" % r[0] if r[0] is not None else "fail"

    def mem(r):
        return "%.0f" % r[1] if r[1] is not None else "-"
    print()
    print("  %8s  %14s  %14s  %14s  %12s  %12s" % ("lines", "pyxc front (s)", "pyxc e2e (s)",
                                                    "cython+gcc (s)", "pyxc MB", "cython MB"))
    for n, fe, e2e, cy in rows:
        print("  %8d  %14s  %14s  %14s  %12s  %12s" % (n, cell(fe), cell(e2e), cell(cy), mem(e2e), mem(cy)))
    return all(r[2][0] is not None for r in rows)


# ---- main -------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--pyxc", default=os.path.join(ROOT, "build", "pyxc"),
                   help="the pyxc compiler (default: build/pyxc)")
    p.add_argument("--python", default=None,
                   help="interpreter to benchmark (default: /usr/bin/python3 if cython3 "
                        "is installed, else python3)")
    p.add_argument("--quick", action="store_true",
                   help="best of 2 at a smaller n (a smoke test, not a measurement)")
    p.add_argument("--only", action="append", default=[],
                   help="run only these kernels (comma-separated or repeated); "
                        "'compile' is the compile-time comparison, 'scaling' the "
                        "compile-scaling table (not run by default: ~20 minutes), "
                        "'untyped' the plain-Python set ('untyped:NAME' one of it)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if any target is MISS or FAIL")
    p.add_argument("--keep", action="store_true", help="keep the build directory")
    args = p.parse_args(argv)
    known = [k for k, _ in KERNELS] + ["untyped"] + ["untyped:" + k for k, _, _ in UNTYPED] \
        + ["compile", "scaling"]
    only = [x for item in args.only for x in item.split(",") if x]
    for x in only:
        if x not in known:
            p.error("--only: unknown %r (choose from %s)" % (x, ", ".join(known)))
    # the compile-scaling table takes about 20 minutes: only when asked for
    args.only = set(only) if only else set(known) - {"scaling"}
    return args


def main(argv):
    args = parse_args(argv)
    become(args.python or default_python())
    sys.dont_write_bytecode = True  # no __pycache__ next to the kernels

    pyxc = os.path.abspath(args.pyxc)
    cython = shutil.which("cython3")
    print("interpreter: %s (Python %s)" % (sys.executable, sys.version.split()[0]))
    print("pyxc:        %s" % pyxc)
    if cython:
        v = run_cmd([cython, "--version"]).stdout.strip()
        print("cython:      %s (%s)" % (cython, v))
    else:
        print("cython:      cython3 not on PATH; Cython columns are empty")
    print("C compiler:  %s %s" % (cc(), " ".join(CFLAGS)))
    print()

    tmp = tempfile.mkdtemp(prefix="pyxc-bench-")
    try:
        all_ok = True
        names = [k for k, _ in KERNELS if k in args.only]
        if names:
            all_ok = bench_kernels(names, pyxc, cython, tmp, args.quick) and all_ok
        untyped = [k for k, _, _ in UNTYPED
                   if "untyped" in args.only or "untyped:" + k in args.only]
        if untyped:
            all_ok = bench_kernels(untyped, pyxc, cython, tmp, args.quick, untyped=True) and all_ok
        if "compile" in args.only:
            all_ok = bench_compile(pyxc, cython, tmp) and all_ok
        if "scaling" in args.only and not args.quick:
            all_ok = bench_scaling(pyxc, cython, tmp) and all_ok
    finally:
        if args.keep:
            print("\nbuild directory kept: %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if (args.strict and not all_ok) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
