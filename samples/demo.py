#!/usr/bin/env python3
"""The seed tutorial, end to end: compile my_module.pyx with pyxc, import it,
and time it against the same function run by CPython.

  python3 samples/demo.py [--pyxc build/pyxc] [--python PY]

1. my_module_py.py        the plain-Python loop (what cProfile pointed at)
2. my_module_fixed.pyx    'cdef long long' C types: the C-speed version
3. my_module.pyx          the tutorial exactly as written: its 'cdef int
                          result' overflows, and pyxc raises OverflowError as
                          Cython does instead of returning a wrong sum.
4. sum_squares.pyx        the timing: the same loop on work that depends on
                          its arguments (sum of i*i % m), compiled by pyxc and,
                          for CPython, turned back into plain Python by
                          'pyxc --emit-py'.  The tutorial loop itself is not
                          timed: its bounds are constants, so gcc replaces it
                          by the closed-form sum and the "speed-up" would
                          only measure that.
Times are best-of-5 wall clock (best of 3 with --quick), side by side in
this process.
"""
import argparse
import importlib.machinery
import importlib.util
import os
import subprocess
import sys
import sysconfig
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load(name, path):
    if path.endswith(".py"):
        spec = importlib.util.spec_from_file_location(name, path)
    else:
        loader = importlib.machinery.ExtensionFileLoader(name, path)
        spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def best_of(fn, n=5):
    best = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyxc", default=os.path.join(ROOT, "build", "pyxc"))
    ap.add_argument("--quick", action="store_true", help="a smaller n and best of 3 (for the tests)")
    args = ap.parse_args()
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    print(f"Python {sys.version.split()[0]} ({sys.executable})")
    with tempfile.TemporaryDirectory() as out:
        built = {}
        for name in ("my_module", "my_module_fixed"):
            src = os.path.join(HERE, name + ".pyx")
            t = time.perf_counter()
            p = subprocess.run([args.pyxc, "--python", sys.executable, "-o", out, src],
                               capture_output=True, text=True)
            if p.returncode != 0:
                print(p.stderr, end="")
                sys.exit(f"demo: pyxc failed on {src}")
            print(f"pyxc {os.path.relpath(src, ROOT)} -> {name}{suffix}  ({time.perf_counter() - t:.2f} s)")
            built[name] = load(name, os.path.join(out, name + suffix))
        plain = load("my_module_py", os.path.join(HERE, "my_module_py.py"))

        expect = plain.cythonized_function()
        got = built["my_module_fixed"].cythonized_function()
        if got != expect:
            sys.exit(f"demo: wrong result from the compiled module: {got} != {expect}")
        print(f"my_module_fixed.cythonized_function() = {got}, as CPython's my_module_py.py")

        # the timing: work whose result depends on the input
        src = os.path.join(HERE, "sum_squares.pyx")
        p = subprocess.run([args.pyxc, "--python", sys.executable, "-o", out, src],
                           capture_output=True, text=True)
        q = subprocess.run([args.pyxc, "--emit-py", "-o", os.path.join(out, "sum_squares_py.py"), src],
                           capture_output=True, text=True)
        if p.returncode or q.returncode:
            print(p.stderr + q.stderr, end="")
            sys.exit(f"demo: pyxc failed on {src}")
        fast = load("sum_squares", os.path.join(out, "sum_squares" + suffix))
        slow = load("sum_squares_py", os.path.join(out, "sum_squares_py.py"))
        n, m = (2 * 10**5 if args.quick else 10**6), 1009
        want, have = slow.sum_mod(n, m), fast.sum_mod(n, m)
        if want != have:
            sys.exit(f"demo: wrong result from the compiled module: {have} != {want}")
        rounds = 3 if args.quick else 5
        t_py = best_of(lambda: slow.sum_mod(n, m), rounds)
        t_c = best_of(lambda: fast.sum_mod(n, m), rounds)
        print()
        print(f"{'sum of i*i % 1009, i < ' + format(n, ','):30} {'time':>12}  result")
        print(f"{'CPython (pyxc --emit-py)':30} {t_py * 1e3:9.2f} ms  {want}")
        print(f"{'pyxc (sum_squares.pyx)':30} {t_c * 1e3:9.2f} ms  {have}")
        print(f"speed-up: {t_py / t_c:,.0f}x")
        print()
        print("my_module.pyx as the tutorial wrote it ('cdef int result'):")
        try:
            built["my_module"].cythonized_function()
            sys.exit("demo: expected OverflowError: a C int cannot hold 499999500000")
        except OverflowError:
            lines = traceback.format_exc().strip().splitlines()
            print("    " + "\n    ".join(lines[-3:]))


if __name__ == "__main__":
    main()
