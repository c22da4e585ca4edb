#!/usr/bin/env python3
"""The seed tutorial, end to end: compile my_module.pyx with pyxc, import it,
and time it against the same function run by CPython.

  python3 samples/demo.py [--pyxc build/pyxc] [--python PY]

1. my_module_py.py        the plain-Python loop (what cProfile pointed at)
2. my_module_fixed.pyx    'cdef long long' C types: the C-speed version
3. my_module.pyx          the tutorial exactly as written: its 'cdef int
                          result' overflows, and pyxc raises OverflowError as
                          Cython does instead of returning a wrong sum.
Times are best-of-5 wall clock, measured side by side in this process.
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
        t_py = best_of(plain.cythonized_function)
        t_c = best_of(built["my_module_fixed"].cythonized_function)
        print()
        print(f"{'sum of range(10**6)':28} {'time':>12}  result")
        print(f"{'CPython (my_module_py.py)':28} {t_py * 1e6:9.1f} us  {expect}")
        print(f"{'pyxc (my_module_fixed.pyx)':28} {t_c * 1e6:9.1f} us  {got}")
        print(f"speed-up: {t_py / t_c:,.0f}x  (the loop has constant bounds, so gcc sums it in closed")
        print("form, as it does for Cython's output; 'make bench' times loops it cannot fold)")
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
