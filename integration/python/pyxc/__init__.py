"""pyxc from Python: the compiler binary, setuptools (pyxc.build), an import
hook (pyxc.importer) and the bench tool (pyxc.bench).

    from pyxc.build import pyxcize          # like Cython.Build.cythonize
    import pyxc.importer; pyxc.importer.install()   # like pyximport

The compiler itself is the C program `pyxc`; this package finds it (see
executable()) and runs it for the interpreter it runs in.
"""
import os
import shutil
import subprocess
import sys

__all__ = ["executable", "run", "runtime_dir", "CompileError"]

_HERE = os.path.dirname(os.path.abspath(__file__))


class CompileError(Exception):
    """pyxc rejected a module; str() is its diagnostics
    ('file:line:col: error: ...' with the source line and a caret)."""

    def __init__(self, source, diagnostics):
        super().__init__(diagnostics.rstrip() or f"pyxc failed on {source}")
        self.source = source
        self.diagnostics = diagnostics


def executable():
    """The pyxc binary: $PYXC, else the one installed with this package
    (pip install .), else the source tree's build/pyxc, else pyxc on $PATH."""
    env = os.environ.get("PYXC")
    if env:
        return env
    candidates = [
        os.path.join(_HERE, "_bin", "pyxc"),                                  # pip install .
        os.path.join(os.path.dirname(os.path.dirname(_HERE)), "..", "build", "pyxc"),  # source tree
    ]
    for c in candidates:
        if os.path.isfile(c) and os.access(c, os.X_OK):
            return os.path.abspath(c)
    found = shutil.which("pyxc")
    if found:
        return found
    raise FileNotFoundError("cannot find the pyxc compiler: build it with 'make', install it "
                            "('make install' or 'pip install .'), or set $PYXC")


def _env():
    env = dict(os.environ)
    bundled = os.path.join(_HERE, "_runtime")
    if "PYXC_RUNTIME_DIR" not in env and os.path.isfile(os.path.join(bundled, "pyx_rt.h")):
        env["PYXC_RUNTIME_DIR"] = bundled
    return env


def run(args, python=None, check=False):
    """Runs pyxc with args for this interpreter (or python); returns the
    CompletedProcess with text stdout and stderr."""
    cmd = [executable(), "--python", python or sys.executable] + list(args)
    p = subprocess.run(cmd, capture_output=True, text=True, env=_env())
    if check and p.returncode != 0:
        raise CompileError(args[-1] if args else "?", p.stderr)
    return p


_runtime_cache = {}


def runtime_dir(python=None):
    """The directory with pyx_rt.h and libpyxrt.a built for this interpreter
    (or python): what an extension compiled from pyxc's C links."""
    key = python or sys.executable
    if key not in _runtime_cache:
        p = run(["--runtime-dir"], python=key)
        if p.returncode != 0:
            raise CompileError("runtime", p.stderr)
        _runtime_cache[key] = p.stdout.strip()
    return _runtime_cache[key]
