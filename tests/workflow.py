"""The user's workflow, end to end (suites of tests/run.py):

  workflow     the command line a user meets: -o FILE, '# distutils:' and -l with
               zlib, C compiler errors at the source line, -j, -q, help = README;
               --embed (the executable against 'python3 sample.py');
               --emit-py, .pyi stubs (checked by mypy), the annotate report
               (HTML rendered by headless Chromium, JSON), pyxc bench, make demo
  integration  the tutorial module built by setuptools (build_ext --inplace, pip
               install .), the import hook, CMake, Meson, a make pattern rule,
               'make install' and 'pip install .' of pyxc itself

A test whose tool is missing prints 'skipped: X not installed' and counts as
skipped.  Every test runs the real pyxc binary and imports the result in a
real CPython.
"""
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYPKG = os.path.join(ROOT, "integration", "python")
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")
DEBIAN_PYTHON = "/usr/bin/python3"


def run(cmd, timeout=180, **kw):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, errors="replace", **kw)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", f"timed out after {timeout}s"
    except OSError as e:
        return "oserror", "", str(e)


def env_with(**extra):
    env = dict(os.environ)
    env.update({k: v for k, v in extra.items() if v is not None})
    return env


def skip(R, suite, name, tool):
    R.skip(suite, name, f"{tool} not installed")


def have_module(python, *mods):
    rc, _, _ = run([python, "-c", "import " + ", ".join(mods)], timeout=60)
    return rc == 0


def have_zlib_h():
    return os.path.exists("/usr/include/zlib.h")


TUTORIAL_FIXED = os.path.join(ROOT, "samples", "my_module_fixed.pyx")

ZMOD = """\
# distutils: libraries = z
cdef extern from "zlib.h":
    unsigned long crc32(unsigned long crc, const unsigned char *buf, unsigned int len)

def checksum(data):
    cdef unsigned char buf[256]
    cdef unsigned int n = 0
    for b in data:
        buf[n] = b
        n += 1
    return crc32(0, buf, n)
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def py_eval(python, path_dir, code, **kw):
    return run([python, "-c", code], cwd=path_dir, env=env_with(PYTHONPATH=path_dir, **kw))


# ---- workflow: the command line ------------------------------------------------

def cli_tests(pyxc, R):
    S = "workflow"
    with tempfile.TemporaryDirectory() as tmp:
        # -o FILE names the output file
        so = os.path.join(tmp, "out", "my_module_fixed.so")
        os.makedirs(os.path.dirname(so))
        rc, out, err = run([pyxc, "-o", so, TUTORIAL_FIXED])
        ok = rc == 0 and os.path.exists(so)
        if ok:
            rc2, out2, err2 = py_eval(sys.executable, os.path.dirname(so),
                                      "import my_module_fixed as m; print(m.cythonized_function())")
            ok = rc2 == 0 and out2.strip() == "499999500000"
            err += err2
        R.check(S, "-o my_module_fixed.so names the output file", ok, f"{rc} {err}")
        rc, out, err = run([pyxc, "-o", os.path.join(tmp, "other.so"), TUTORIAL_FIXED])
        R.check(S, "-o other.so: the module name mismatch explained", rc == 1 and
                "Python would look for a module named 'other'" in err, f"{rc} {err}")
        # -o DIR that does not exist yet
        rc, out, err = run([pyxc, "-o", os.path.join(tmp, "newdir"), TUTORIAL_FIXED])
        R.check(S, "-o newdir creates the directory", rc == 0 and
                os.path.exists(os.path.join(tmp, "newdir", "my_module_fixed" + SUFFIX)), f"{rc} {err}")

        # zlib: '# distutils: libraries = z', and -lz on the command line
        if not have_zlib_h():
            skip(R, S, "zlib crc32 module", "zlib1g-dev")
        else:
            zsrc = write(os.path.join(tmp, "z", "zmod.pyx"), ZMOD)
            rc, out, err = run([pyxc, zsrc])
            rc2, out2, err2 = py_eval(sys.executable, os.path.dirname(zsrc),
                                      "import zmod, zlib; print(zmod.checksum(b'hello') == zlib.crc32(b'hello'))")
            R.check(S, "'# distutils: libraries = z': crc32 imports and works",
                    rc == 0 and rc2 == 0 and out2.strip() == "True", f"{rc} {err}\n{err2}")
            nodir = write(os.path.join(tmp, "z2", "zmod.pyx"), ZMOD.replace("# distutils: libraries = z\n", ""))
            rc, out, err = run([pyxc, "-l", "z", nodir])
            rc2, out2, err2 = py_eval(sys.executable, os.path.dirname(nodir),
                                      "import zmod, zlib; print(zmod.checksum(b'abc') == zlib.crc32(b'abc'))")
            R.check(S, "-l z after the objects: crc32 imports and works",
                    rc == 0 and rc2 == 0 and out2.strip() == "True", f"{rc} {err}\n{err2}")
            bad = write(os.path.join(tmp, "z3", "zbad.pyx"), "# distutils: librarys = z\nx = 1\n")
            rc, out, err = run([pyxc, bad])
            R.check(S, "unknown '# distutils:' key: error at its line", rc == 1 and
                    "zbad.pyx:1:1: error: unknown '# distutils:' key 'librarys'" in err, f"{rc} {err}")

        # C compiler errors come back at the source line, never in a temp file
        hdr = write(os.path.join(tmp, "c1", "nohdr.pyx"),
                    'x = 1\ncdef extern from "no_such_header.h":\n    int nope(int)\n\ndef f():\n    return nope(1)\n')
        rc, out, err = run([pyxc, hdr])
        R.check(S, "missing C header: reported at the extern block", rc == 1 and
                re.search(r"nohdr.pyx:2:1: error: C compiler: no_such_header.h: No such file", err)
                and "/tmp/pyxc-" not in err, f"{rc} {err}")
        call = write(os.path.join(tmp, "c2", "badcall.pyx"),
                     'cdef extern from "math.h":\n    double sqrt(double x, double y)\n\n'
                     'def f():\n    y = 2\n    return sqrt(1.0, 2.0)\n')
        rc, out, err = run([pyxc, call])
        R.check(S, "C compiler error in generated code: at the source line", rc == 1 and
                re.search(r"badcall.pyx:6:5: error: C compiler: too many arguments to function", err)
                and "return sqrt(1.0, 2.0)" in err and "/tmp/pyxc-" not in err, f"{rc} {err}")

        # -j 2 with progress, -q without it
        srcs = []
        for i in range(3):
            srcs.append(write(os.path.join(tmp, "j", f"m{i}.pyx"), f"def f():\n    return {i}\n"))
        rc, out, err = run([pyxc, "-j", "2"] + srcs)
        built = all(os.path.exists(os.path.join(tmp, "j", f"m{i}{SUFFIX}")) for i in range(3))
        R.check(S, "-j 2: three modules, one progress line each", rc == 0 and built and
                len(re.findall(r"pyxc: \[\d/3\] built", err)) == 3, f"{rc} {err}")
        srcs.append(write(os.path.join(tmp, "j", "broken.pyx"), "def f(:\n"))
        rc, out, err = run([pyxc, "-j", "2", "-q"] + srcs)
        R.check(S, "-j 2 -q: no progress, the error whole, exit 1", rc == 1 and "[" not in err and
                "broken.pyx:1:7: error:" in err, f"{rc} {err}")
        rc, out, err = run([pyxc, "-q", "--emit-c", "-o", tmp, os.path.join(ROOT, "samples/my_module.pyx")])
        R.check(S, "-q silences warnings", rc == 0 and err == "", f"{rc} {err}")

    # plain 'make' on a machine without the build packages (here: no C
    # compiler, then no tree-sitter headers) says to run 'make deps'
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run(["make", "-C", ROOT, "--no-print-directory", f"BUILD={tmp}/b",
                            "CC=/nonexistent/cc", "all"])
        rc2, out2, err2 = run(["make", "-C", ROOT, "--no-print-directory", f"BUILD={tmp}/b",
                               "CC=cc -nostdinc", "all"])
        R.check(S, "make without the build packages says to run 'make deps'", rc == 2 and rc2 == 2 and
                "run 'make deps' first" in out and "tree_sitter/api.h not found: run 'make deps'" in out2
                and not os.path.exists(os.path.join(tmp, "b", "pyxc")), f"{rc} {out}{err}\n{rc2} {out2}{err2}")

    # pyxc --help and README.md agree
    rc, out, err = run([pyxc, "--help"])
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    R.check(S, "README shows 'pyxc --help' as it is", rc == 0 and out.strip() in readme,
            "README.md must contain the output of 'pyxc --help' verbatim")


# ---- workflow: --embed -----------------------------------------------------------

EMBED_SRC = """\
import sys

def greet(name, punct="!"):
    return "hello, " + name + punct

def main(argv):
    print(greet(argv[0] if argv else "world"), len(argv), argv)
    print(__name__, greet.__module__, sys.modules["__main__"].greet is greet)
    if "--fail" in argv:
        raise ValueError("asked to fail")
    if "--exit" in argv:
        sys.exit(int(argv[argv.index("--exit") + 1]))
    if "--message" in argv:
        sys.exit("bye")

if __name__ == "__main__":
    main(sys.argv[1:])
    print("done")
"""

EMBED_PYX = """\
import sys

cdef long total(long n):
    cdef long i, s = 0
    for i in range(n):
        s += i
    return s

if __name__ == "__main__":
    print(total(int(sys.argv[1])))
"""


def embed_tests(pyxc, R):
    """pyxc --embed: an executable that runs the module as __main__, compared
    with 'python3 sample.py' (stdout, exit status, the last line of stderr)."""
    S = "workflow"
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        src = write(os.path.join(tmp, "sample.py"), EMBED_SRC)
        rc, out, err = run([pyxc, "--python", py, "--embed", src])
        exe = os.path.join(tmp, "sample")
        R.check(S, "--embed sample.py: the executable 'sample' next to it",
                rc == 0 and os.access(exe, os.X_OK), f"{rc} {err}")
        if rc != 0:
            return
        for args in ([], ["a", "b c"], ["--fail"], ["--exit", "3"], ["--exit", "0"], ["--message"]):
            want = run([py, src] + args, cwd=tmp)
            got = run([exe] + args, cwd=tmp)
            last = [(r[2].strip().splitlines() or [""])[-1] for r in (want, got)]
            R.check(S, f"--embed: {' '.join(args) or 'no arguments'}: as python3 sample.py",
                    want[0] == got[0] and want[1] == got[1] and last[0] == last[1],
                    f"python3: {want}\nembedded: {got}")
        pyx = write(os.path.join(tmp, "typed_main.pyx"), EMBED_PYX)
        named = os.path.join(tmp, "bin", "summer")
        os.makedirs(os.path.dirname(named))
        rc, out, err = run([pyxc, "--python", py, "--embed", "-o", named, pyx])
        got = run([named, "1000"]) if rc == 0 else (rc, out, err)
        R.check(S, "--embed -o bin/summer typed_main.pyx: a typed module as a program",
                got[0] == 0 and got[1] == "499500\n", f"{rc} {err}\n{got}")
        rc, out, err = run([pyxc, "--embed", src, pyx])
        R.check(S, "--embed with two files: a usage error", rc == 2 and "--embed takes exactly one file" in err,
                f"{rc} {err}")
        rc, out, err = run([pyxc, "--embed", "--emit-c", "-o", tmp, src])
        with open(os.path.join(tmp, "sample.c")) as f:
            ctext = f.read() if rc == 0 else ""
        R.check(S, "--embed --emit-c: the C has main()", "int main(int argc, char **argv)" in ctext,
                f"{rc} {err}")


# ---- workflow: --emit-py, stubs, annotate, bench --------------------------------

EMIT_PY_SRC = """\
from libc.math cimport sqrt
cimport cython

DEF N = 4
cdef enum Color:
    RED, GREEN = 5, BLUE

cdef double scale = 2.5

@cython.boundscheck(False)
cdef double norm(double x, double y):
    return sqrt(x * x + y * y)

cpdef long total(long n, long step=1):
    cdef long i, s = 0
    cdef double arr[3]
    for i in range(0, n, step):
        s += <long>(i * scale)
    arr[1] = 1.5
    return s + <long>arr[1]

def describe(int a, /, b=2, *args, c: int, **kw):
    x = <double>a / 4
    words = {k: v for k, v in kw.items() if v}
    try:
        raise ValueError(f"{a!r:>{b}} {c=}")
    except (ValueError, TypeError) as e:
        msg = str(e)
    return (x, norm(3.0, 4.0), sorted(words), msg, args, N, BLUE, -2 ** 2, (1 if a else 2),
            [i * i for i in range(N) if i % 2], not a or b and c, lambda q, *, r=1: q + r)
"""


def emit_py_tests(pyxc, R):
    S = "workflow"
    with tempfile.TemporaryDirectory() as tmp:
        src = write(os.path.join(tmp, "src", "stripped.pyx"), EMIT_PY_SRC)
        out_py = os.path.join(tmp, "py", "stripped.py")
        os.makedirs(os.path.dirname(out_py))
        rc, out, err = run([pyxc, "--emit-py", "-o", out_py, src])
        code = ("import stripped as m; r = m.describe(3, 5, 7, c=9, z=1, w=0);"
                "print(m.total(10), m.total(10, 3), r[:-1], r[-1](1, r=2))")
        want = ("111 45 (0.75, 5.0, ['z'], '    3 c=9', (7,), 4, 6, -4, 1, [1, 9], 9)", "3")
        rc2, out2, err2 = py_eval(sys.executable, os.path.dirname(out_py), code) if rc == 0 else (None, "", "")
        R.check(S, "--emit-py: C types stripped, CPython runs the module",
                rc == 0 and rc2 == 0 and out2.split() == " ".join(want).split(),
                f"{rc} {err}\n{rc2} {out2!r} {err2}")
        # the compiled module computes what the plain one does for the typed part
        tut = os.path.join(tmp, "tut")
        os.makedirs(tut)
        rc, out, err = run([pyxc, "--emit-py", "-o", os.path.join(tut, "my_module_fixed.py"), TUTORIAL_FIXED])
        rc2, out2, _ = py_eval(sys.executable, tut, "import my_module_fixed as m; print(m.cythonized_function())")
        R.check(S, "--emit-py of the tutorial gives the same sum", rc == 0 and out2.strip() == "499999500000",
                f"{rc} {err} {out2}")
        addr = write(os.path.join(tmp, "addr", "addr.pyx"), "cdef int x = 1\ncdef int *p = &x\n")
        rc, out, err = run([pyxc, "--emit-py", "-o", os.path.join(tmp, "addr.py"), addr])
        R.check(S, "--emit-py: '&x' reported by name, nothing written", rc == 1 and
                "addr.pyx:2:15: error: --emit-py: '&' (the address of a C variable) has no Python equivalent" in err
                and not os.path.exists(os.path.join(tmp, "addr.py")), f"{rc} {err}")


STUB_SRC = """\
cpdef double area(double r, bint exact=False):
    return 3.14159 * r * r

def count(list items not None, int limit=10, *, str label="x"):
    return len(items)

def untyped(a, b=None):
    return a

cdef int hidden(int x):
    return x

VERSION = "1.0"
"""

STUB_USER_OK = """\
import shapes
x: float = shapes.area(2.0)
n: int = shapes.count([1, 2], 3, label="y")
shapes.untyped(1)
print(shapes.VERSION)
"""

STUB_USER_BAD = """\
import shapes
s: str = shapes.area(2.0)
shapes.count([1], label=3)
shapes.hidden(1)
"""


def stub_tests(pyxc, R):
    S = "workflow"
    with tempfile.TemporaryDirectory() as tmp:
        src = write(os.path.join(tmp, "shapes.pyx"), STUB_SRC)
        rc, out, err = run([pyxc, "--pyi", src])
        try:
            with open(os.path.join(tmp, "shapes.pyi")) as f:
                stub = f.read()
        except OSError:
            stub = ""
        R.check(S, ".pyi: C types mapped to Python types", rc == 0 and
                "def area(r: float, exact: bool = ...) -> float: ..." in stub and
                "def count(items: list[Any], limit: int = ..., *, label: str | None = ...) -> Any: ..." in stub
                and "def untyped(a: Any, b: Any = ...) -> Any: ..." in stub and "hidden" not in stub
                and "VERSION: Any" in stub, f"{rc} {err}\n{stub}")
        rc2, out2, err2 = py_eval(sys.executable, tmp, "import shapes; print(shapes.area(1.0), shapes.count([1]))")
        R.check(S, ".pyi: the module it describes imports", rc2 == 0 and out2.split() == ["3.14159", "1"],
                f"{rc2} {out2} {err2}")
        if shutil.which("mypy") is None:
            skip(R, S, "mypy accepts the stubs", "mypy")
            return
        write(os.path.join(tmp, "use_ok.py"), STUB_USER_OK)
        write(os.path.join(tmp, "use_bad.py"), STUB_USER_BAD)
        mypy = ["mypy", "--no-incremental", "--cache-dir", os.path.join(tmp, ".mypy"), "--python-version", "3.11"]
        rc, out, err = run(mypy + ["--strict", "shapes.pyi", "use_ok.py"], cwd=tmp)
        R.check(S, "mypy --strict accepts the stub and correct use", rc == 0, f"{rc}\n{out}{err}")
        rc, out, err = run(mypy + ["use_bad.py"], cwd=tmp)
        R.check(S, "mypy rejects wrong use through the stub", rc == 1 and
                'Incompatible types in assignment (expression has type "float", variable has type "str")' in out
                and 'Module has no attribute "hidden"' in out and '"count" has incompatible type "int"' in out,
                f"{rc}\n{out}{err}")


def png_pixels(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB/RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError(f"PNG colour type {ctype}, depth {depth}")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return w, h, rows


CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def annotate_tests(pyxc, R):
    S = "workflow"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "my_module.pyx")
        shutil.copy(os.path.join(ROOT, "samples", "my_module.pyx"), src)
        rc, out, err = run([pyxc, "-a", "--json", src])
        try:
            rep = json.loads(out)
            lines = {l["line"]: l for l in rep["lines"]}
        except (ValueError, KeyError):
            rep, lines = None, {}
        ok = rc == 0 and rep is not None and rep["module"] == "my_module"
        loop = lines.get(12, {})
        why = f"{rc} {err}\n{out[:3000]}"
        R.check(S, "-a --json: per-line scores", ok and loop.get("score", 0) > 0 and
                lines[10]["score"] == 0 and lines[1]["score"] == 0 and
                any("pyx_rt_arith_reuse" in c or "pyx_rt_iadd" in c for c in loop.get("c", [])), why)
        R.check(S, "-a --json: the slow line says why and what to change", ok and
                "`i` is an untyped Python object: declare `cdef Py_ssize_t i`" in loop.get("hints", []), why)
        rc, out, err = run([pyxc, "-a", "--json", TUTORIAL_FIXED])
        try:
            fixed = {l["line"]: l for l in json.loads(out)["lines"]}
        except (ValueError, KeyError):
            fixed = {}
        R.check(S, "-a --json: the typed loop is plain C", rc == 0 and fixed and fixed[8]["score"] == 0 and
                fixed[7]["score"] == 0 and fixed[8]["c"] == ["v_result = (v_result + v_i);"], f"{rc} {err}\n{out[:2000]}")

        rc, out, err = run([pyxc, "-a", src])
        html = os.path.join(tmp, "my_module.html")
        R.check(S, "-a writes my_module.html", rc == 0 and os.path.exists(html), f"{rc} {err}")
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if chromium is None:
            skip(R, S, "annotate report in headless Chromium", "chromium")
            return
        shot = os.path.join(ROOT, "build", "annotate-screenshot.png")
        os.makedirs(os.path.dirname(shot), exist_ok=True)
        if os.path.exists(shot):
            os.unlink(shot)
        profile = os.path.join(tmp, "chromium-profile")
        url = "file://" + html
        rc, dom, err = run([chromium] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "--dump-dom", url], timeout=120)
        R.check(S, "Chromium loads the report: lines, C code, hints", rc == 0 and
                dom.count("<details") >= 4 and ("pyx_rt_arith_reuse" in dom or "pyx_rt_iadd" in dom) and
                "is an untyped Python object" in dom, f"{rc} {err[-2000:]}")
        rc, _, err = run([chromium] + CHROMIUM_FLAGS + [f"--user-data-dir={profile}", "--window-size=1000,700",
                                                        f"--screenshot={shot}", url], timeout=120)
        try:
            w, h, rows = png_pixels(shot)
            # the hot line is shaded yellow: red and green high, blue low
            yellow = sum(1 for row in rows for (r, g, b) in row if r > 200 and g > 180 and b < 120)
            white = sum(1 for row in rows for (r, g, b) in row if r > 245 and g > 245 and b > 245)
            why = f"{w}x{h}, {yellow} yellow, {white} white pixels"
        except (OSError, ValueError, zlib.error) as e:
            w = h = yellow = white = 0
            why = f"no screenshot: {e}\n{err[-2000:]}"
        R.check(S, f"screenshot ({os.path.relpath(shot, ROOT)}) shows shaded lines",
                rc == 0 and w == 1000 and yellow > 2000 and white > 100000, why)


def bench_tests(pyxc, R):
    S = "workflow"
    rc, out, err = run([pyxc, "bench", os.path.join(ROOT, "samples", "my_module_fixed.pyx"),
                        "--call", "cythonized_function()", "--repeat", "3"], timeout=300)
    m = re.search(r"speed-up: ([\d,.]+)x", out)
    R.check(S, "pyxc bench my_module_fixed.pyx --call 'cythonized_function()': a speed-up",
            rc == 0 and m and float(m.group(1).replace(",", "")) > 1 and "interpreted" in out
            and "compiled" in out, f"{rc}\n{out}{err}")
    with tempfile.TemporaryDirectory() as tmp:
        src = write(os.path.join(tmp, "kern.pyx"),
                    "def poly(long long n):\n    cdef long long h = 0, i\n"
                    "    for i in range(n):\n        h = (h * 31 + i) % 1000003\n    return h\n")
        rc, out, err = run([pyxc, "bench", src, "--call", "poly(20000)", "--repeat", "3", "--json"], timeout=300)
        try:
            rep = json.loads(out)
        except ValueError:
            rep = None
        R.check(S, "pyxc bench --json: medians, spreads, same result", rc == 0 and rep and
                rep["same_result"] and rep["speedup"] > 1 and len(rep["interpreted"]["times"]) == 3
                and rep["compiled"]["median"] > 0, f"{rc}\n{out}{err}")
        rc, out, err = run([pyxc, "bench", src, "--call", "nope()"], timeout=300)
        R.check(S, "pyxc bench: a failing call is one error line", rc == 1 and
                "NameError: name 'nope' is not defined" in err, f"{rc}\n{out}{err}")


def demo_test(pyxc, R):
    S = "workflow"
    rc, out, err = run([sys.executable, os.path.join(ROOT, "samples", "demo.py"), "--pyxc", pyxc,
                        "--quick"], timeout=300)
    m = re.search(r"speed-up: ([\d,.]+)x", out)
    # typed C is some 10-200x faster than CPython on this work; a folded
    # loop would show thousands
    R.check(S, "make demo: a speed-up measured on work gcc cannot fold", rc == 0 and m and
            2 < float(m.group(1).replace(",", "")) < 1000, f"{rc}\n{out}{err}")


def suite_workflow(args, R):
    pyxc = args.pyxc
    cli_tests(pyxc, R)
    embed_tests(pyxc, R)
    emit_py_tests(pyxc, R)
    stub_tests(pyxc, R)
    annotate_tests(pyxc, R)
    bench_tests(pyxc, R)
    demo_test(pyxc, R)


# ---- integration ---------------------------------------------------------------

def pyxc_env(pyxc, **extra):
    """Where the in-tree pyxc package and binary are found."""
    pp = os.environ.get("PYTHONPATH")
    return env_with(PYTHONPATH=PYPKG + (os.pathsep + pp if pp else ""), PYXC=pyxc,
                    PATH=os.path.dirname(pyxc) + os.pathsep + os.environ.get("PATH", ""), **extra)


def tutorial_setup_py(pyxc, R):
    """The tutorial's setup.py with one import changed."""
    S = "integration"
    if not have_module(sys.executable, "setuptools"):
        return skip(R, S, "tutorial setup.py build_ext --inplace", "setuptools")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(ROOT, "samples", "setup.py")) as f:
            setup = f.read()
        changed = setup.replace("from Cython.Build import cythonize",
                                "from pyxc.build import pyxcize as cythonize")
        write(os.path.join(tmp, "setup.py"), changed)
        shutil.copy(os.path.join(ROOT, "samples", "my_module.pyx"), tmp)
        env = pyxc_env(pyxc)
        rc, out, err = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        code = ("import my_module\ntry:\n    my_module.cythonized_function()\nexcept OverflowError as e:\n"
                "    print('OverflowError', e)\n")
        rc2, out2, err2 = run([sys.executable, "-c", code], cwd=tmp, env=env_with(PYTHONPATH=tmp))
        R.check(S, "tutorial setup.py (one import changed): build_ext --inplace, import",
                changed != setup and rc == 0 and rc2 == 0 and out2.startswith("OverflowError"),
                f"{rc}\n{out[-2000:]}{err[-2000:]}\n{rc2} {out2} {err2}")
        # rebuilding only what changed
        rc, out, err = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        R.check(S, "pyxcize: an unchanged module is not regenerated", rc == 0 and "Compiling" not in out,
                f"{rc}\n{out}{err}")
        # a changed source is regenerated; a changed C header listed in
        # '# distutils: depends' rebuilds the extension.  setuptools compares
        # whole seconds, so the earlier build is made to look older, as if a
        # person had taken a moment to edit
        def age(seconds=10):
            past = os.path.getmtime(os.path.join(tmp, "setup.py")) - seconds
            for d, _, fs in os.walk(tmp):
                for f in fs:
                    os.utime(os.path.join(d, f), (past, past))
        age()
        write(os.path.join(tmp, "helper.h"), "static inline long long twice(long long x) { return 2 * x; }\n")
        with open(os.path.join(tmp, "my_module.pyx")) as f:
            text = f.read()
        write(os.path.join(tmp, "my_module.pyx"), "# distutils: depends = helper.h\n" + text +
              '\ncdef extern from "helper.h":\n    long long twice(long long x)\n\n'
              'def doubled(long long x):\n    return twice(x)\n')
        rc, out, err = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        rc1, out1, err1 = py_eval(sys.executable, tmp, "import my_module; print(my_module.doubled(21))")
        ok1 = rc == 0 and "Compiling my_module.pyx because it changed" in out and out1.strip() == "42"
        age()
        write(os.path.join(tmp, "helper.h"), "static inline long long twice(long long x) { return 3 * x; }\n")
        rc, out2, err2 = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        rc3, out3, err3 = py_eval(sys.executable, tmp, "import my_module; print(my_module.doubled(21))")
        R.check(S, "pyxcize: a changed source is regenerated, a changed 'depends' header rebuilt",
                ok1 and rc == 0 and "Compiling" not in out2 and out3.strip() == "63",
                f"{out}{err}{out1}{err1}\n{out2}{err2}\n{out3}{err3}")
        # include/cimport dependencies are followed (for when the compiler takes them)
        sys.path.insert(0, PYPKG)
        try:
            from pyxc.build import dependencies
            write(os.path.join(tmp, "dep", "a.pyx"), 'include "b.pxi"\nfrom c cimport f\ncimport libc.math\n')
            write(os.path.join(tmp, "dep", "b.pxi"), "cimport d\n")
            write(os.path.join(tmp, "dep", "c.pxd"), "cdef int f()\n")
            write(os.path.join(tmp, "dep", "d.pxd"), "\n")
            deps = sorted(os.path.basename(d) for d in dependencies(os.path.join(tmp, "dep", "a.pyx")))
        finally:
            sys.path.remove(PYPKG)
        R.check(S, "pyxcize: dependencies follow include and cimport", deps == ["a.pyx", "b.pxi", "c.pxd", "d.pxd"],
                f"{deps}")
        write(os.path.join(tmp, "broken.pyx"), "def f(:\n    pass\n")
        write(os.path.join(tmp, "setup.py"), changed.replace('cythonize("my_module.pyx")', 'cythonize("*.pyx", nthreads=2)'))
        rc, out, err = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        R.check(S, "pyxcize: a compile error stops setup.py with the diagnostics", rc != 0 and
                "broken.pyx:1:7: error:" in err, f"{rc}\n{out}{err}")
        # compiler_directives reach the compiler (pyxc -X); a module's own header still wins
        os.remove(os.path.join(tmp, "broken.pyx"))
        write(os.path.join(tmp, "divs.pyx"), "def fdiv(int a, int b):\n    return a // b\n")
        write(os.path.join(tmp, "divs_own.pyx"), "# cython: cdivision=False\ndef fdiv(int a, int b):\n    return a // b\n")
        write(os.path.join(tmp, "setup.py"), changed.replace(
            'cythonize("my_module.pyx")',
            'cythonize(["divs.pyx", "divs_own.pyx"], force=True, '
            'compiler_directives={"language_level": 3, "cdivision": True, "boundscheck": False})'))
        rc, out, err = run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=tmp, env=env)
        rc2, out2, err2 = py_eval(sys.executable, tmp, "import divs, divs_own; print(divs.fdiv(-7, 2), divs_own.fdiv(-7, 2))")
        R.check(S, "pyxcize: compiler_directives apply (cdivision: C's -3), the module header overrides them (-4)",
                rc == 0 and out2.strip() == "-3 -4", f"{rc}\n{out}{err}\n{rc2} {out2} {err2}")


def debian_pip_ok():
    return os.path.exists(DEBIAN_PYTHON) and have_module(DEBIAN_PYTHON, "setuptools", "pip", "wheel")


def pip_tests(pyxc, R):
    S = "integration"
    if not debian_pip_ok():
        skip(R, S, "pip install . (pyxc itself)", "python3-pip/python3-setuptools/python3-wheel")
        return skip(R, S, "pip install . (the setuptools sample)", "python3-pip")
    pip = [DEBIAN_PYTHON, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps", "--no-index"]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "pyxc-site")
        # a copy of the tree, so that pip's in-tree build leaves the checkout alone
        tree = os.path.join(tmp, "pyxc-src")
        shutil.copytree(ROOT, tree, ignore=shutil.ignore_patterns("build", ".git", "node_modules"))
        os.makedirs(os.path.join(tree, "build"))
        for sub in ("obj",):
            shutil.copytree(os.path.join(ROOT, "build", sub), os.path.join(tree, "build", sub))
        shutil.copy2(pyxc, os.path.join(tree, "build", "pyxc"))
        rc, out, err = run(pip + ["--target", site, tree], timeout=300, env=env_with(PYXC=None))
        code = ("import pyxc, os; print(os.path.relpath(pyxc.executable(), os.path.dirname(pyxc.__file__)))")
        env = {k: v for k, v in os.environ.items() if k not in ("PYXC", "PYXC_RUNTIME_DIR")}
        env["PYTHONPATH"] = site
        rc2, out2, err2 = run([DEBIAN_PYTHON, "-c", code], cwd=tmp, env=env)
        rc3, out3, err3 = run([DEBIAN_PYTHON, "-m", "pyxc", "--version"], cwd=tmp, env=env)
        R.check(S, "pip install . --no-build-isolation: pyxc with its binary and runtime",
                rc == 0 and out2.strip() == os.path.join("_bin", "pyxc") and rc3 == 0 and
                out3.startswith("pyxc "), f"{rc} {err[-3000:]}\n{out2}{err2}\n{out3}{err3}")
        # a user project, with the pip-installed pyxc
        proj = os.path.join(tmp, "proj")
        shutil.copytree(os.path.join(ROOT, "samples", "setuptools"), proj)
        target = os.path.join(tmp, "proj-site")
        rc, out, err = run(pip + ["--target", target, proj], timeout=300, env=env)
        env2 = dict(env, PYTHONPATH=target)
        rc2, out2, err2 = run([DEBIAN_PYTHON, "-c", "import tutorial.my_module as m, zlib; "
                               "print(m.cythonized_function(), m.checksum(b'abc') == zlib.crc32(b'abc'))"],
                              cwd=tmp, env=env2)
        shipped = sorted(os.listdir(os.path.join(target, "tutorial"))) if rc == 0 else []
        R.check(S, "pip install . of a user project: the module, its .pyi and py.typed",
                rc == 0 and rc2 == 0 and out2.split() == ["499999500000", "True"] and
                "my_module.pyi" in shipped and "py.typed" in shipped,
                f"{rc} {err[-3000:]}\n{rc2} {out2} {err2}\n{shipped}")


def importer_tests(pyxc, R):
    S = "integration"
    with tempfile.TemporaryDirectory() as tmp:
        proj = os.path.join(tmp, "proj")
        cache = os.path.join(tmp, "cache")
        os.makedirs(proj)
        shutil.copy(os.path.join(ROOT, "samples", "my_module.pyx"), proj)
        write(os.path.join(proj, "hooked.pyx"), "def value():\n    cdef long long v = 1\n    return v\n")
        code = ("import pyxc.importer; pyxc.importer.install()\n"
                "import hooked, my_module\n"
                "try:\n    my_module.cythonized_function()\nexcept OverflowError:\n    print('overflow')\n"
                "print(hooked.value(), hooked.__file__)\n")
        env = pyxc_env(pyxc, PYXC_CACHE_DIR=cache)
        env["PYTHONPATH"] += os.pathsep + proj
        rc, out, err = run([sys.executable, "-c", code], cwd=tmp, env=env)
        lines = out.split("\n")
        abi_dir = os.path.join(cache, "import", sysconfig.get_config_var("SOABI"))
        R.check(S, "import hook: the tutorial .pyx compiles on first import, cached per ABI",
                rc == 0 and lines[0] == "overflow" and lines[1].startswith("1 " + abi_dir), f"{rc}\n{out}{err}")
        first = lines[1].split()[-1] if rc == 0 else ""
        mtime = os.path.getmtime(first) if first and os.path.exists(first) else 0
        rc, out, err = run([sys.executable, "-c", code], cwd=tmp, env=env)
        R.check(S, "import hook: unchanged source, cached module reused", rc == 0 and mtime and
                os.path.getmtime(first) == mtime, f"{rc}\n{out}{err}")
        write(os.path.join(proj, "hooked.pyx"), "def value():\n    cdef long long v = 2\n    return v\n")
        rc, out, err = run([sys.executable, "-c", code], cwd=tmp, env=env)
        R.check(S, "import hook: a changed source is recompiled", rc == 0 and out.split("\n")[1].startswith("2 "),
                f"{rc}\n{out}{err}")
        write(os.path.join(proj, "hooked.pyx"), "def value(:\n    return 3\n")
        code2 = ("import pyxc.importer; pyxc.importer.install()\n"
                 "try:\n    import hooked\nexcept ImportError as e:\n    print('ImportError'); print(e.diagnostics)\n")
        rc, out, err = run([sys.executable, "-c", code2], cwd=tmp, env=env)
        R.check(S, "import hook: a compile error is an ImportError carrying the diagnostics",
                rc == 0 and out.startswith("ImportError") and "hooked.pyx:1:11: error:" in out and "^" in out,
                f"{rc}\n{out}{err}")


def cmake_tests(pyxc, R):
    S = "integration"
    if shutil.which("cmake") is None:
        return skip(R, S, "CMake find_package(Pyxc) + pyxc_add_module", "cmake")
    if not have_zlib_h():
        return skip(R, S, "CMake sample (links zlib)", "zlib1g-dev")
    with tempfile.TemporaryDirectory() as tmp:
        build = os.path.join(tmp, "build")
        gen = ["-G", "Ninja"] if shutil.which("ninja") else []
        rc, out, err = run(["cmake", "-S", os.path.join(ROOT, "samples", "cmake"), "-B", build] + gen +
                           [f"-DPyxc_DIR={os.path.join(ROOT, 'integration', 'cmake')}",
                            f"-DPython3_EXECUTABLE={sys.executable}", f"-DPYXC_EXECUTABLE={pyxc}"], timeout=300)
        if rc == 0:
            rc, out2, err2 = run(["cmake", "--build", build], timeout=300)
            out, err = out + out2, err + err2
        rc2, out2, err2 = py_eval(sys.executable, build, "import my_module as m, zlib; "
                                  "print(m.cythonized_function(), m.checksum(b'x') == zlib.crc32(b'x'))")
        R.check(S, "CMake: find_package(Pyxc) + pyxc_add_module builds and imports the tutorial module",
                rc == 0 and rc2 == 0 and out2.split() == ["499999500000", "True"],
                f"{rc}\n{out[-2000:]}{err[-2000:]}\n{rc2} {out2} {err2}")


def meson_tests(pyxc, R):
    S = "integration"
    if shutil.which("meson") is None or shutil.which("ninja") is None:
        return skip(R, S, "Meson example", "meson/ninja-build")
    if not have_zlib_h():
        return skip(R, S, "Meson sample (links zlib)", "zlib1g-dev")
    with tempfile.TemporaryDirectory() as tmp:
        build = os.path.join(tmp, "build")
        env = pyxc_env(pyxc)
        rc, out, err = run(["meson", "setup", build, os.path.join(ROOT, "samples", "meson")], env=env, timeout=300)
        if rc == 0:
            rc, out2, err2 = run(["meson", "compile", "-C", build], env=env, timeout=300)
            out, err = out + out2, err + err2
        # Meson builds for the interpreter it runs under (Debian's python3)
        m = re.search(r"Program python3? found: YES \((\S+)\)", out)
        python = m.group(1) if m else DEBIAN_PYTHON
        rc2, out2, err2 = py_eval(python, build, "import my_module as m; print(m.cythonized_function())")
        R.check(S, "Meson: py.extension_module from pyxc's C builds and imports the tutorial module",
                rc == 0 and rc2 == 0 and out2.strip() == "499999500000",
                f"{rc}\n{out[-2000:]}{err[-2000:]}\n{rc2} {out2} {err2}")


def make_tests(pyxc, R):
    S = "integration"
    if not have_zlib_h():
        return skip(R, S, "make pattern rule sample (links zlib)", "zlib1g-dev")
    with tempfile.TemporaryDirectory() as tmp:
        proj = os.path.join(tmp, "proj")
        shutil.copytree(os.path.join(ROOT, "samples", "make"), proj)
        mk = ["make", "-C", proj, f"PYXC={pyxc}", f"PYTHON={sys.executable}",
              f"PYXC_MK={os.path.join(ROOT, 'integration', 'make', 'pyxc.mk')}"]
        rc, out, err = run(mk)
        rc2, out2, err2 = py_eval(sys.executable, proj, "import my_module as m, zlib; "
                                  "print(m.cythonized_function(), m.checksum(b'q') == zlib.crc32(b'q'))")
        rc3, out3, err3 = run(mk)
        R.check(S, "make: the pyxc.mk pattern rule builds the tutorial module, then nothing to do",
                rc == 0 and rc2 == 0 and out2.split() == ["499999500000", "True"] and rc3 == 0 and
                "Nothing to be done" in out3, f"{rc}\n{out}{err}\n{rc2} {out2} {err2}\n{out3}")


def make_install_tests(pyxc, R):
    S = "integration"
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, "prefix")
        rc, out, err = run(["make", "-C", ROOT, "--no-print-directory", "install", f"PREFIX={prefix}",
                            f"PYTHON={sys.executable}"], timeout=300)
        site = [os.path.join(d, f) for d, ds, fs in os.walk(prefix) for f in fs if f == "build.py"]
        env = {k: v for k, v in os.environ.items() if k not in ("PYXC", "PYXC_RUNTIME_DIR")}
        env["PATH"] = os.path.join(prefix, "bin") + os.pathsep + env.get("PATH", "")
        env["PYTHONPATH"] = os.path.dirname(os.path.dirname(site[0])) if site else ""
        env["PYXC_CACHE_DIR"] = os.path.join(tmp, "cache")
        proj = os.path.join(tmp, "proj")
        os.makedirs(proj)
        shutil.copy(TUTORIAL_FIXED, proj)
        rc2, out2, err2 = run([sys.executable, "-m", "pyxc", "my_module_fixed.pyx"], cwd=proj, env=env)
        rc3, out3, err3 = run([sys.executable, "-c", "import pyxc, my_module_fixed as m; "
                               "print(pyxc.executable(), m.cythonized_function())"], cwd=proj,
                              env=dict(env, PYTHONPATH=env["PYTHONPATH"] + os.pathsep + proj))
        R.check(S, "make install PREFIX=...: pyxc, runtime and Python package work from there",
                rc == 0 and rc2 == 0 and rc3 == 0 and
                out3.split() == [os.path.join(prefix, "bin", "pyxc"), "499999500000"] and
                os.path.exists(os.path.join(prefix, "lib", "cmake", "Pyxc", "PyxcConfig.cmake")) and
                os.path.exists(os.path.join(prefix, "share", "pyxc", "pyxc.mk")),
                f"{rc} {err[-2000:]}\n{rc2} {err2}\n{rc3} {out3} {err3}")


def suite_integration(args, R):
    pyxc = args.pyxc
    tutorial_setup_py(pyxc, R)
    importer_tests(pyxc, R)
    make_tests(pyxc, R)
    make_install_tests(pyxc, R)
    cmake_tests(pyxc, R)
    meson_tests(pyxc, R)
    pip_tests(pyxc, R)
