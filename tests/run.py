#!/usr/bin/env python3
"""pyxc's test driver: runs every suite and ends with one line 'N passed, M failed'.

Suites (each can be picked with --only NAME):
  unit     cmocka binaries (tests/unit/test_*.c), one check per cmocka test
  corpus   grammar corpus (grammar/test/corpus/*.txt) through tests/grammar/corpus_check
  pycorpus tree-sitter-python's own corpus (of the version pinned in grammar/package.json)
           through our grammar, when a copy is at hand (see suite_pycorpus)
  cython   every .pxd/.pxi of Debian's cython3 package parses and lowers (--dump-ast)
  cli      command-line behaviour: --help, --version, bad flags, unreadable inputs
  syntax   every sample and tests/e2e/syntax file passes --syntax-only silently
  errors   tests/e2e/errors/*: expected '# ERROR line:col: message' diagnostics, exit 1
  ast      tests/e2e/ast/*.pyx against their .ast dumps (--update rewrites them)
  emit     tests/e2e/emit/*: generated C against golden .c files (--update rewrites
           them), and the C compiles with -Wall -Wextra -Wshadow -Werror
  stdlib   every module of the running Python's standard library parses
  symtable differential: pyxc --dump-symtable against CPython's own symtable module
           (tests/symtable/cpython_symtable.py) on tests/e2e, tests/symtable and
           the standard library; tests/symtable/errors/* as in 'errors', with
           CPython's message and line
  scaling  the front end is linear: 10k- and 40k-line modules, a 4,000-statement line
  fuzz     truncated and mutated sources never crash or hang the compiler
  depth    deeply nested and very long constructs: a diagnostic or success, never a crash
  typed    tests/e2e/typed/NAME.pyx built with -Werror, checked by NAME_test.py
  run      differential: tests/e2e/run/*.py compiled vs run by CPython
  leaks    tests/e2e/leaks/*.pyx under python3.11-dbg: refcount delta is 0
  cpython  Debian's Python 3.11 library modules that pyxc compiles, each against
           CPython's own test of it (Lib/test, libpython3.11-testsuite)
  workflow the user's command line, --emit-py, stubs, annotate, bench, demo
  integration  setuptools, pip, the import hook, CMake, Meson, make (tests/workflow.py)

Expected failures are listed in tests/known_failures.txt as 'path: reason'
(path::test for one test function of a typed test, path::call for one leak
call).  A listed test that passes is a failure, so the list stays true.

The compiler is always the real binary (--pyxc); nothing here links it.
"""
import argparse
import glob
import os
import random
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Results:
    def __init__(self, verbose):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.failures = []
        self.verbose = verbose

    def ok(self, suite, name):
        self.passed += 1
        if self.verbose:
            print(f"  ok   {suite}: {name}")

    def fail(self, suite, name, why):
        self.failed += 1
        self.failures.append((suite, name, why))
        print(f"  FAIL {suite}: {name}\n{indent(why)}")

    def skip(self, suite, name, why):
        self.skipped += 1
        print(f"  skipped: {why} ({suite}: {name})")

    def check(self, suite, name, cond, why=""):
        if cond:
            self.ok(suite, name)
        else:
            self.fail(suite, name, why)


def indent(text, n=8):
    lines = str(text).rstrip().splitlines() or [""]
    return "\n".join(" " * n + l for l in lines[:40])


def run(cmd, timeout=60, **kw):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                           errors="replace", **kw)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", f"timed out after {timeout}s"


def rel(path):
    return os.path.relpath(path, ROOT)


# ---- unit ---------------------------------------------------------------------

def suite_unit(args, R):
    for binary in args.unit.split():
        name = os.path.basename(binary)
        rc, out, err = run([binary], timeout=120)
        text = out + err
        passed = re.search(r"\[  PASSED  \] (\d+) test", text)
        failed = re.search(r"\[  FAILED  \] (\d+) test", text)
        npass = int(passed.group(1)) if passed else 0
        nfail = int(failed.group(1)) if failed else 0
        for _ in range(npass):
            R.ok("unit", name)
        if nfail or rc != 0 or not passed:
            R.fail("unit", name, text[-3000:] or f"exit {rc}")


# ---- corpus -------------------------------------------------------------------

def suite_corpus(args, R):
    files = sorted(glob.glob(os.path.join(ROOT, "grammar/test/corpus/*.txt")))
    rc, out, err = run([args.corpus] + files, timeout=120)
    m = re.search(r"corpus: (\d+) passed, (\d+) failed", out + err)
    if not m:
        R.fail("corpus", "corpus_check", (out + err)[-3000:] or f"exit {rc}")
        return
    for _ in range(int(m.group(1))):
        R.ok("corpus", "case")
    if int(m.group(2)) or rc != 0:
        R.fail("corpus", f"{m.group(2)} corpus cases", (out + err)[-3000:])


# ---- pycorpus -------------------------------------------------------------------

# Cases of tree-sitter-python's corpus whose tree differs on purpose, with why.
PYCORPUS_DIFFERENCES = {
    "Raw strings": "upstream's scanner puts the backslashes of r\"\\\\\" into string_end (no "
                   "string_content); ours keeps them as content, which the lowering decodes",
}


def pycorpus_dir():
    """tree-sitter-python's test/corpus for the pinned version: $PYXC_TSP_CORPUS, the npm
    package (which does not ship it today), or ../shared/tree-sitter-python-VERSION/test/corpus
    (a data copy kept beside the repository: it is not ours to commit)."""
    import json
    with open(os.path.join(ROOT, "grammar/package.json")) as f:
        version = json.load(f)["dependencies"]["tree-sitter-python"]
    for d in (os.environ.get("PYXC_TSP_CORPUS", ""),
              os.path.join(ROOT, "grammar/node_modules/tree-sitter-python/test/corpus"),
              os.path.join(ROOT, "..", "shared", f"tree-sitter-python-{version}", "test", "corpus")):
        if d and glob.glob(os.path.join(d, "*.txt")):
            return d, version
    return None, version


def suite_pycorpus(args, R):
    d, version = pycorpus_dir()
    if d is None:
        print(f"pycorpus: skipped (no copy of tree-sitter-python {version}'s test/corpus: "
              "set PYXC_TSP_CORPUS)")
        return
    files = sorted(glob.glob(os.path.join(d, "*.txt")))
    cmd = [args.corpus]
    for name in PYCORPUS_DIFFERENCES:
        cmd += ["-x", name]
    rc, out, err = run(cmd + files, timeout=120)
    m = re.search(r"corpus: (\d+) passed, (\d+) failed", out + err)
    if not m:
        R.fail("pycorpus", "corpus_check", (out + err)[-3000:] or f"exit {rc}")
        return
    for _ in range(int(m.group(1))):
        R.ok("pycorpus", "case")
    if int(m.group(2)) or rc != 0:
        R.fail("pycorpus", f"{m.group(2)} tree-sitter-python {version} cases", (out + err)[-3000:])
    skipped = re.search(r"corpus: (\d+) skipped", out)
    if not skipped or int(skipped.group(1)) != len(PYCORPUS_DIFFERENCES):
        R.fail("pycorpus", "known differences", "a listed difference is no longer in the corpus:\n"
               + "\n".join(PYCORPUS_DIFFERENCES))


# ---- cython -----------------------------------------------------------------------

def suite_cython(args, R):
    """Every .pxd and .pxi that Debian's cython3 package installs (libc, libcpp,
    cpython, posix, numpy, openmp, Cython's own) parses and lowers to the AST."""
    rc, out, err = run(["dpkg", "-L", "cython3"])
    files = sorted(l for l in out.splitlines() if l.endswith((".pxd", ".pxi")) and os.path.isfile(l))
    if rc != 0 or not files:
        print("cython: skipped (Debian's cython3 package is not installed)")
        return
    for path in files:
        rc, out, err = run([args.pyxc, "--dump-ast", path])
        R.check("cython", path, rc == 0 and out.startswith("MODULE") and err == "",
                f"exit {rc}\n{err[-2000:]}")


# ---- cli ------------------------------------------------------------------------

def suite_cli(args, R):
    pyxc = args.pyxc
    rc, out, err = run([pyxc, "--help"])
    R.check("cli", "--help", rc == 0 and "usage: pyxc" in out, f"{rc} {out} {err}")
    rc, out, err = run([pyxc, "--version"])
    R.check("cli", "--version", rc == 0 and re.match(r"pyxc \d+\.\d+", out), f"{rc} {out} {err}")
    rc, out, err = run([pyxc, "--frobnicate", "x.pyx"])
    R.check("cli", "unknown flag: one line, exit 2",
            rc == 2 and "unknown option '--frobnicate'" in err and len(err.splitlines()) == 1, f"{rc} {err}")
    rc, out, err = run([pyxc, "--emitc", "x.pyx"])
    R.check("cli", "mistyped flag: the nearest one suggested",
            rc == 2 and "did you mean '--emit-c'?" in err and len(err.splitlines()) == 1, f"{rc} {err}")
    rc, out, err = run([pyxc, "--jsno", "x.pyx"])
    R.check("cli", "mistyped flag: --jsno -> --json", rc == 2 and "did you mean '--json'?" in err, f"{rc} {err}")
    rc, out, err = run([pyxc])
    R.check("cli", "no input: exit 2", rc == 2 and "no input files" in err, f"{rc} {err}")
    rc, out, err = run([pyxc, "--max-errors", "zero", "x.pyx"])
    R.check("cli", "bad --max-errors: exit 2", rc == 2, f"{rc} {err}")
    rc, out, err = run([pyxc, "--help"])
    R.check("cli", "--help lists --dump-symtable", "--dump-symtable" in out, out)
    rc, out, err = run([pyxc, "--dump-symtable", "a.py", "b.py"])
    R.check("cli", "--dump-symtable takes one file: exit 2",
            rc == 2 and "--dump-symtable takes exactly one file" in err, f"{rc} {err}")

    # the seed tutorial's overflow is visible at compile time: a warning, not an error
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = run([pyxc, "--emit-c", "-o", tmp, os.path.join(ROOT, "samples/my_module.pyx")])
        R.check("cli", "tutorial overflow warning", rc == 0 and re.search(
            r"my_module.pyx:12:9: warning: 'result' is a C int, but the loop adds up to 499999500000, "
            r"which does not fit: this raises OverflowError at run time", err)
            and os.path.exists(os.path.join(tmp, "my_module.c")), f"{rc} {err}")
        rc, out, err = run([pyxc, "--emit-c", "-o", tmp, os.path.join(ROOT, "samples/my_module_fixed.pyx")])
        R.check("cli", "no warning for the fixed tutorial", rc == 0 and err == "", f"{rc} {err}")

    # the same source gives the same C: from another directory, with other
    # files in the same run, twice; file names never reach the C unescaped
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(ROOT, "tests/e2e/run/name_collisions.py")
        hostile = os.path.join(tmp, 'we"ird\n*/??/ dir\\')
        dirs = [os.path.join(tmp, "a"), os.path.join(tmp, "b", "c"), hostile]
        outs = []
        for i, d in enumerate(dirs):
            os.makedirs(d)
            with open(src) as f, open(os.path.join(d, "m.py"), "w") as g:
                g.write(f.read())
            with open(os.path.join(d, "other.py"), "w") as g:
                g.write("def g(r):\n    return [x for x in r], [y for y in r]\n")
            files = ["m.py"] if i == 0 else ["other.py", "m.py"] if i == 1 else [os.path.join(d, "m.py")]
            rc, out, err = run([pyxc, "--emit-c"] + files, cwd=d if i < 2 else tmp)
            outs.append(open(os.path.join(d, "m.c")).read() if rc == 0 else err)
        R.check("cli", "deterministic C (directory, other files, hostile names)",
                outs[0] == outs[1] == outs[2] and "weird" not in outs[0] and "we\"" not in outs[0], outs[1][:500])
        rc, out, err = run([pyxc, "-o", hostile, os.path.join(hostile, "m.py")])
        rc2, out2, err2 = run([sys.executable, "-c", "import m"], cwd=hostile)
        R.check("cli", "module under a hostile directory name builds and imports",
                rc == 0 and rc2 == 0 and "[0, 1, 2]" in out2, f"{rc} {err}\n{rc2} {err2}")

    # match needs Python 3.10: for an older target, an error at the statement
    # naming the construct and both versions; the runtime still builds for it
    old = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.9*/bin/python3")))
    if not old:
        R.skip("cli", "match for Python 3.9", "no ~/.pyenv/versions/3.9*")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "m.py")
            with open(src, "w") as f:
                f.write("def f(x):\n    match x:\n        case [a]:\n            return a\n")
            rc, out, err = run([pyxc, "--python", old[-1], src])
            R.check("cli", "match for Python 3.9: a clear error", rc == 1 and re.search(
                r"m.py:2:5: error: match statements need Python 3.10 or newer; .*python3 is Python 3.9\n", err)
                and not glob.glob(os.path.join(tmp, "m.*.so")), f"{rc} {err}")
            with open(src, "w") as f:
                f.write("def f(x):\n    return [y for y in x]\n")
            rc, out, err = run([pyxc, "--python", old[-1], src])
            rc2, out2, err2 = run([old[-1], "-c", "import m; print(m.f('ab'))"], cwd=tmp)
            R.check("cli", "without match, a module still builds for Python 3.9",
                    rc == 0 and rc2 == 0 and "['a', 'b']" in out2, f"{rc} {err}\n{rc2} {err2}")

    # pyxc has no -O of its own: assert and __debug__ follow the interpreter
    # the compiled module runs in, as the .py does under 'python -O'
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "m.py")
        with open(src, "w") as f:
            f.write("def f(x):\n    assert x, 'no'\n    return __debug__\n")
        rc, out, err = run([pyxc, "-q", src])
        code = "import m\ntry:\n    print(m.f(0))\nexcept AssertionError as e:\n    print('raised', e)\n"
        plain = run([sys.executable, "-c", code], cwd=tmp)
        opt = run([sys.executable, "-O", "-c", code], cwd=tmp)
        R.check("cli", "assert and __debug__ follow 'python -O'", rc == 0 and plain[1] == "raised no\n"
                and opt[1] == "False\n", f"{rc} {err}\n{plain}\n{opt}")

    # except* needs Python 3.11, in the same words
    old = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.10*/bin/python3")))
    if not old:
        R.skip("cli", "except* for Python 3.10", "no ~/.pyenv/versions/3.10*")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "m.py")
            with open(src, "w") as f:
                f.write("def f(x):\n    try:\n        x()\n    except* ValueError:\n        pass\n")
            rc, out, err = run([pyxc, "--python", old[-1], src])
            R.check("cli", "except* for Python 3.10: a clear error", rc == 1 and re.search(
                r"m.py:2:5: error: except\* \(exception groups\) need Python 3.11 or newer; .*python3 is Python 3.10\n",
                err) and not glob.glob(os.path.join(tmp, "m.*.so")), f"{rc} {err}")

    # packages: pkg/__init__.py is the module pkg, pkg/mod.py is pkg.mod, whose
    # functions pickle by reference; a module whose body failed imports again
    with tempfile.TemporaryDirectory() as tmp:
        pkg = os.path.join(tmp, "pkg")
        os.makedirs(pkg)
        with open(os.path.join(pkg, "__init__.py"), "w") as f:
            f.write("X = 1\ndef hello():\n    return 'pkg'\n")
        with open(os.path.join(pkg, "mod.py"), "w") as f:
            f.write("def double(x):\n    return 2 * x\n\ndef boom():\n    raise ValueError('b')\n")
        with open(os.path.join(tmp, "flaky.py"), "w") as f:
            f.write("import os\nif not os.environ.get('FLAKY_OK'):\n    raise RuntimeError('first time')\nok = 1\n")
        rc, out, err = run([pyxc, os.path.join(pkg, "__init__.py"), os.path.join(pkg, "mod.py"),
                            os.path.join(tmp, "flaky.py")])
        prog = ("import pickle, os, traceback, pkg, pkg.mod, sys\n"
                "assert pkg.hello() == 'pkg' and pkg.__file__.endswith('.so'), pkg.__file__\n"
                "assert pkg.mod.double.__module__ == 'pkg.mod', pkg.mod.double.__module__\n"
                "assert pickle.loads(pickle.dumps(pkg.mod.double))(4) == 8\n"
                "try:\n    pkg.mod.boom()\nexcept ValueError:\n"
                "    assert 'pkg.mod.boom' in traceback.format_exc(), traceback.format_exc()\n"
                "try:\n    import flaky\nexcept RuntimeError as e:\n    assert str(e) == 'first time'\n"
                "os.environ['FLAKY_OK'] = '1'\nimport flaky\nassert flaky.ok == 1\nprint('fine')\n")
        rc2, out2, err2 = run([sys.executable, "-c", prog], cwd=tmp)
        R.check("cli", "packages, pickling by reference, importing again after a failed import",
                rc == 0 and rc2 == 0 and "fine" in out2, f"{rc} {err}\n{rc2} {out2} {err2}")
        rc, out, err = run([pyxc, "--emit-c", os.path.join(pkg, "mod.py")])
        R.check("cli", "a module in a package keeps PyInit_<last part>",
                rc == 0 and "PyInit_mod(void)" in open(os.path.join(pkg, "mod.c")).read(), err)

    # outputs through exclusive temporaries: planted links are not followed,
    # parallel runs do not corrupt each other
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "m.py")
        with open(src, "w") as f:
            f.write("".join(f"def f{i}(x):\n    return x + {i}\n" for i in range(50)))
        victim = os.path.join(tmp, "victim.txt")
        with open(victim, "w") as f:
            f.write("precious")
        for name in ("m.c.tmp", "m.c.tmp-1", "m.c.tmp-XXXXXX"):
            os.symlink(victim, os.path.join(tmp, name))
        procs = [subprocess.Popen([pyxc, "--emit-c", src], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                 for _ in range(12)]
        errs = [p.communicate()[1] for p in procs]
        want = open(os.path.join(tmp, "m.c")).read() if os.path.exists(os.path.join(tmp, "m.c")) else ""
        os.makedirs(os.path.join(tmp, "one"))
        rc, out, err = run([pyxc, "--emit-c", "-o", os.path.join(tmp, "one"), src])
        single = open(os.path.join(tmp, "one", "m.c")).read() if rc == 0 else None
        left = [n for n in os.listdir(tmp) if ".tmp-" in n and not os.path.islink(os.path.join(tmp, n))]
        R.check("cli", "outputs: no planted link followed, parallel runs intact, no temporaries left",
                open(victim).read() == "precious" and all(p.returncode == 0 for p in procs)
                and want == single and not left, f"{errs[:2]} {left}")

    # -g builds are reproducible: the same bytes from two runs in two directories
    with tempfile.TemporaryDirectory() as tmp:
        src_dir = os.path.join(tmp, "src")
        os.makedirs(src_dir)
        src = os.path.join(src_dir, "g.py")
        with open(src, "w") as f:
            f.write("def f(x):\n    return [x * i for i in range(3)]\n")
        outs = []
        for i, cwd in enumerate((src_dir, tmp)):
            out_dir = os.path.join(tmp, f"out{i}")
            os.makedirs(out_dir)
            rc, out, err = run([pyxc, "-g", "-o", out_dir, src if i else "g.py"], cwd=cwd)
            sos = glob.glob(os.path.join(out_dir, "*.so"))
            outs.append(open(sos[0], "rb").read() if rc == 0 and sos else err)
        R.check("cli", "-g builds are byte-identical across runs and directories",
                outs[0] == outs[1] and b"pyxc-" not in outs[0], str(outs[1])[:300])

    # Ctrl-C interrupts long compiled loops: Python-level ones, and nests of C ones
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "spin.pyx"), "w") as f:
            f.write("def py_loop():\n    x = 0\n    while True:\n        x = x + 1\n\n"
                    "def c_nest():\n    cdef long i, j, s = 0\n    while True:\n"
                    "        for i in range(1000):\n            for j in range(1000):\n                s += i ^ j\n")
        rc, out, err = run([pyxc, "-o", tmp, os.path.join(tmp, "spin.pyx")])
        results = []
        for fn in ("py_loop", "c_nest"):
            p = subprocess.Popen([sys.executable, "-c", f"import spin\ntry:\n    spin.{fn}()\n"
                                  f"except KeyboardInterrupt:\n    print('interrupted')\n"],
                                 cwd=tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            time.sleep(0.5)
            p.send_signal(2)
            try:
                o, e = p.communicate(timeout=10)
                results.append(o.decode().strip())
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
                results.append("hung")
        R.check("cli", "Ctrl-C interrupts compiled loops", rc == 0 and results == ["interrupted"] * 2,
                f"{rc} {err} {results}")

    # importing a module again (reload, import_fresh_module) gives the module
    # already run, as with Cython, instead of an ImportError
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "again.py"), "w") as f:
            f.write("count = [0]\ncount[0] += 1\n")
        rc, out, err = run([pyxc, "-o", tmp, os.path.join(tmp, "again.py")])
        prog = ("import importlib, sys\nimport again\nm = importlib.reload(again)\ndel sys.modules['again']\n"
                "import again as a2\nprint(m is again, a2 is again, again.count)\n")
        rc2, out2, err2 = run([sys.executable, "-c", prog], cwd=tmp)
        R.check("cli", "importing a compiled module again gives the same module",
                rc == 0 and out2.strip() == "True True [1]", f"{rc} {err} {rc2} {out2} {err2}")

    # endless recursion between cdef functions stays recursion: the stack
    # overflows (SIGSEGV, as in C and Cython) instead of gcc looping forever
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "endless.pyx"), "w") as f:
            f.write("cdef int down(int n) noexcept:\n    return down(n + 1)\n\n"
                    "cdef long ping(long n):\n    return pong(n + 1)\n\n"
                    "cdef long pong(long n):\n    return ping(n + 1)\n\n"
                    "def go(which):\n    return down(0) if which == 1 else ping(0)\n")
        rc, out, err = run([pyxc, "-o", tmp, os.path.join(tmp, "endless.pyx")])
        ends = [run([sys.executable, "-c", f"import endless\nendless.go({w})"], cwd=tmp, timeout=30)[0]
                for w in (1, 2)]
        R.check("cli", "endless cdef recursion overflows the stack, never loops",
                rc == 0 and all(isinstance(e, int) and e < 0 for e in ends), f"{rc} {err} {ends}")

    # a terminated pyxc takes its C compiler and its temporaries with it
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "big.py")
        with open(src, "w") as f:
            for i in range(6000):
                f.write(f"def f{i}(a, b):\n    return [a + b * {i}, a - b, a * b // (b + {i} + 1)]\n")
        env = dict(os.environ, TMPDIR=tmp)
        p = subprocess.Popen([pyxc, src], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        deadline = time.time() + 60
        def compilers():
            found = []
            for pid in os.listdir("/proc"):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as f:
                        cmd = f.read()
                except OSError:
                    continue
                if tmp.encode() in cmd and (b"cc1" in cmd or b"/as" in cmd or cmd.startswith(b"cc")):
                    found.append(pid)
            return found
        while time.time() < deadline and not compilers():
            time.sleep(0.05)
        started = bool(compilers())
        p.terminate()
        p.wait(timeout=30)
        time.sleep(0.3)
        left = [n for n in os.listdir(tmp) if n.startswith("pyxc-") or ".tmp-" in n]
        R.check("cli", "SIGTERM kills the C compiler and removes temporaries",
                started and not compilers() and not left and p.returncode == -15,
                f"started={started} still={compilers()} left={left} rc={p.returncode}")

    with tempfile.TemporaryDirectory() as tmp:
        def one_line_error(name, path, needle):
            rc, out, err = run([pyxc, "--syntax-only", path])
            lines = err.strip().splitlines()
            R.check("cli", name, rc == 1 and len(lines) == 1 and lines[0].startswith("pyxc: error: ")
                    and needle in lines[0], f"rc={rc} stderr={err!r}")

        one_line_error("missing file", os.path.join(tmp, "nope.pyx"), "No such file")
        one_line_error("directory", tmp, "is a directory")
        binary = os.path.join(tmp, "bin.pyx")
        with open(binary, "wb") as f:
            f.write(b"\x7fELF\x02\x01\x01\x00\x00\x00")
        one_line_error("binary input", binary, "binary file")
        latin = os.path.join(tmp, "latin.pyx")
        with open(latin, "wb") as f:
            f.write(b"x = 1\ns = '\xe9t\xe9'\n")
        one_line_error("non-UTF-8 input", latin, "not valid UTF-8: byte 0xe9 at line 2, column 6")
        if os.geteuid() != 0:
            locked = os.path.join(tmp, "locked.pyx")
            with open(locked, "w") as f:
                f.write("x = 1\n")
            os.chmod(locked, 0)
            one_line_error("unreadable file", locked, "Permission denied")
        empty = os.path.join(tmp, "empty.pyx")
        open(empty, "w").close()
        rc, out, err = run([pyxc, "--syntax-only", empty])
        R.check("cli", "empty file parses", rc == 0 and out == "" and err == "", f"{rc} {err}")
        bom = os.path.join(tmp, "bom.py")
        with open(bom, "wb") as f:
            f.write(b"\xef\xbb\xbfx = 1\n")
        rc, out, err = run([pyxc, "--syntax-only", bom])
        R.check("cli", "UTF-8 BOM accepted", rc == 0 and err == "", f"{rc} {err}")
        # several files: every bad one reported, exit 1
        good = os.path.join(tmp, "good.pyx")
        with open(good, "w") as f:
            f.write("cdef int x = 1\n")
        bad = os.path.join(tmp, "bad.pyx")
        with open(bad, "w") as f:
            f.write("def f(:\n    pass\n")
        rc, out, err = run([pyxc, "--syntax-only", good, bad, good])
        R.check("cli", "several files, one bad", rc == 1 and err.count("error:") >= 1 and "bad.pyx:1:" in err,
                f"{rc} {err}")
        # --max-errors limits the report
        many = os.path.join(tmp, "many.pyx")
        with open(many, "w") as f:
            f.write("".join(f"x{i} = (\n\n" if False else f"def f{i}(:\n    pass\n" for i in range(30)))
        rc, out, err = run([pyxc, "--syntax-only", "--max-errors", "3", many])
        R.check("cli", "--max-errors 3", rc == 1 and err.count(": error:") == 3 and "too many errors" in err,
                f"{rc} {err}")
    cli_profile(pyxc, R)


# What profilers see of a module built with --profile, and of profiling.pyx
# built for every other CPython 3.8-3.13 installed under ~/.pyenv (3.12:
# refused, with the reason).
PROFILE_CHECK = """
import cProfile, pstats, sys
import {mod} as m
p = cProfile.Profile()
p.enable()
m.run(10)
p.disable()
seen = {{(k[0], k[2]): v[1] for k, v in pstats.Stats(p).stats.items() if k[0].endswith('.pyx')}}
calls = []
sys.setprofile(lambda f, e, a: calls.append((e, f.f_code.co_name)) if f.f_code.co_filename.endswith('.pyx') else None)
m.half(1.0)
sys.setprofile(None)
print(sorted(seen.items()), calls)
"""


def cli_profile(pyxc, R):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "plain.pyx")
        with open(src, "w") as f:
            f.write("cdef long fib(int n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\n"
                    "cpdef double half(double x):\n    return x / 2\n\n"
                    "def run(int n):\n    return fib(n)\n")
        want = "[(('plain.pyx', 'fib'), 177), (('plain.pyx', 'run'), 1)] [('call', 'half'), ('return', 'half')]"
        for flags, expect in ((["--profile"], want), ([], "[] []")):
            rc, out, err = run([pyxc, "-o", tmp] + flags + [src])
            if rc == 0:
                rc, out, err = run([sys.executable, "-c", PROFILE_CHECK.format(mod="plain")], cwd=tmp,
                                   env=dict(os.environ, PYTHONPATH=tmp))
            R.check("cli", f"profiling with flags {flags}", rc == 0 and out.strip() == expect,
                    f"{rc} {out!r} {err}")
        with open(src, "r+") as f:
            text = f.read()
            f.seek(0)
            f.write("# cython: profile=False\n" + text)
        rc, out, err = run([pyxc, "-o", tmp, "--profile", src])
        if rc == 0:
            rc, out, err = run([sys.executable, "-c", PROFILE_CHECK.format(mod="plain")], cwd=tmp,
                               env=dict(os.environ, PYTHONPATH=tmp))
        R.check("cli", "'# cython: profile=False' wins over --profile", rc == 0 and out.strip() == "[] []",
                f"{rc} {out!r} {err}")
    pythons = {}
    for exe in sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3"))):
        m = re.search(r"/3\.(\d+)\.[^/]*/bin", exe)
        if m and 8 <= int(m.group(1)) <= 13:
            pythons.setdefault(int(m.group(1)), exe)
    if not pythons:
        print("cli: skipped profiling on other Pythons (none under ~/.pyenv/versions)")
    src = os.path.join(ROOT, "tests/e2e/typed/profiling.pyx")
    want = ("[(('profiling.pyx', 'fib'), 177), (('profiling.pyx', 'half'), 1), (('profiling.pyx', 'quiet'), 1), "
            "(('profiling.pyx', 'run'), 1), (('profiling.pyx', 'tiny_shown'), 10)] [('call', 'half'), ('return', 'half')]")
    for minor, exe in sorted(pythons.items()):
        with tempfile.TemporaryDirectory() as tmp:
            rc, out, err = run([pyxc, "--python", exe, "-o", tmp, src], timeout=300)
            if minor == 12:
                R.check("cli", "profiling refused for Python 3.12", rc == 1 and
                        "profiling.pyx:8:1: error: profiling compiled code ('fib' is profiled) is not supported "
                        "on Python 3.12" in err and not os.listdir(tmp), f"{rc} {err}")
                continue
            if rc == 0:
                rc, out, err = run([exe, "-c", PROFILE_CHECK.format(mod="profiling")], cwd=tmp,
                                   env=dict(os.environ, PYTHONPATH=tmp))
            R.check("cli", f"profiling on Python 3.{minor}", rc == 0 and out.strip() == want, f"{rc} {out!r} {err}")


# ---- syntax ---------------------------------------------------------------------

def syntax_files():
    files = []
    for pat in ("samples/**/*.pyx", "samples/**/*.pxd", "samples/**/*.py",
                "tests/e2e/syntax/*.pyx", "tests/e2e/syntax/*.pxd", "tests/e2e/syntax/*.py"):
        files += glob.glob(os.path.join(ROOT, pat), recursive=True)
    return sorted(set(files))


def suite_syntax(args, R):
    for path in syntax_files():
        rc, out, err = run([args.pyxc, "--syntax-only", path])
        R.check("syntax", rel(path), rc == 0 and out == "" and err == "", f"exit {rc}\n{err}")
        rc, out, err = run([args.pyxc, "--dump-ast", path])
        R.check("syntax", rel(path) + " (--dump-ast)", rc == 0 and out.startswith("MODULE") and err == "",
                f"exit {rc}\n{err}")


# ---- errors ---------------------------------------------------------------------

EXPECT = re.compile(r"#\s*(ERROR|NOTE|WARNING)\s+(\d+):(\d+):\s*(.*?)\s*$")


def suite_errors(args, R):
    files = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/errors/*.py*")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            expected = [m.groups() for m in map(EXPECT.match, f.read().splitlines()) if m]
        if not expected:
            R.fail("errors", rel(path), "no '# ERROR line:col: message' lines in the test")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            # --emit-c runs every phase before the C compiler: syntax and type errors
            rc, out, err = run([args.pyxc, "--emit-c", "-o", tmp, path], cwd=tmp)
            leftovers = os.listdir(tmp)
        name = os.path.basename(path)
        # errors always; notes and warnings when the test expects some
        kinds = {"error"} | {k.lower() for k, *_ in expected}
        got = []
        for line in err.splitlines():
            m = re.match(re.escape(path) + r":(\d+):(\d+): (error|note|warning): (.*)$", line)
            if m and m.group(3) in kinds:
                got.append((m.group(3).upper(), m.group(1), m.group(2), m.group(4)))
        want = [(k, l, c, msg) for k, l, c, msg in expected]
        problems = []
        if rc != 1:
            problems.append(f"exit status {rc}, expected 1")
        if got != want:
            problems.append("expected:\n" + "\n".join(f"  {k} {l}:{c}: {m}" for k, l, c, m in want)
                            + "\ngot:\n" + "\n".join(f"  {k} {l}:{c}: {m}" for k, l, c, m in got))
        # every error is followed by the quoted line and a caret
        if got and not re.search(r"error: .*\n    .*\n    \s*\^", err):
            problems.append("diagnostic lacks the source line and caret:\n" + err)
        if leftovers:
            problems.append(f"files written despite errors: {leftovers}")
        R.check("errors", rel(path), not problems, "\n".join(problems) + "\nstderr:\n" + err)


# ---- ast ------------------------------------------------------------------------

def suite_ast(args, R):
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/e2e/ast/*.py*"))):
        golden = os.path.splitext(path)[0] + ".ast"
        rc, out, err = run([args.pyxc, "--dump-ast", os.path.relpath(path, ROOT)], cwd=ROOT)
        if args.update and rc == 0:
            with open(golden, "w") as f:
                f.write(out)
        try:
            with open(golden) as f:
                want = f.read()
        except FileNotFoundError:
            R.fail("ast", rel(path), f"missing {rel(golden)} (run with --update after checking the dump)")
            continue
        if rc != 0 or out != want:
            import difflib
            diff = "".join(difflib.unified_diff(want.splitlines(True), out.splitlines(True),
                                                "expected", "got", n=2))
            R.fail("ast", rel(path), f"exit {rc}\n{err}\n{diff[:4000]}")
        else:
            R.ok("ast", rel(path))


# ---- emit -----------------------------------------------------------------------

def suite_emit(args, R):
    """Golden C: the whole generated file, so that a refactoring of the
    emitter shows every line it changes.  Compiled in a scratch directory
    under the source's own name, so paths in #line are the same every run."""
    import shutil
    import sysconfig
    inc = sysconfig.get_paths()["include"]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/e2e/emit/*.py*"))):
        name = os.path.basename(path)
        golden = os.path.splitext(path)[0] + ".c"
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(path, os.path.join(tmp, name))
            # '#line' before every C line makes C hard to read: two files keep them
            flags = [] if name in ("my_module.pyx", "try_finally.py") else ["--no-line-directives"]
            rc, out, err = run([args.pyxc, "--emit-c"] + flags + [name], cwd=tmp)
            cfile = os.path.join(tmp, os.path.splitext(name)[0] + ".c")
            got = open(cfile).read() if rc == 0 and os.path.exists(cfile) else None
            if got is not None:
                crc, cout, cerr = run([os.environ.get("CC", "cc"), "-fsyntax-only", "-Wall", "-Wextra", "-Wshadow", "-Werror",
                                       "-I", os.path.join(ROOT, "runtime"), "-I", inc, cfile], timeout=120)
        if got is None:
            R.fail("emit", rel(path), f"exit {rc}\n{err[-2000:]}")
            continue
        if args.update:
            with open(golden, "w") as f:
                f.write(got)
        try:
            with open(golden) as f:
                want = f.read()
        except FileNotFoundError:
            R.fail("emit", rel(path), f"missing {rel(golden)} (run with --update after reading the C)")
            continue
        if got != want:
            import difflib
            diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                "expected", "got", n=2))
            R.fail("emit", rel(path), diff[:6000])
        elif crc != 0:
            R.fail("emit", rel(path) + " (cc -Wall -Wextra)", cerr[-3000:])
        else:
            R.ok("emit", rel(path))


# ---- scaling --------------------------------------------------------------------

def scaling_module(n_lines):
    """A plain-Python module of about n_lines lines: functions with loops,
    branches, try and displays, and module-level calls."""
    out = ["import math", ""]
    i = 0
    while len(out) < n_lines:
        out += [f"def f{i}(a, b, c=3):", f"    x = a + b * {i}", "    if x > c:",
                "        y = [x, a, b]", "        for k in range(3):", "            x += k * c",
                "    else:", f"        y = (a, {i})", "    try:", f"        z = x // (b - {i})",
                "    except ZeroDivisionError:", "        z = 0", "    return x, y, z", "",
                f"V{i} = f{i}({i}, 2)", ""]
        i += 1
    return "\n".join(out) + "\n"


def cpu_time(cmd, rounds=2):
    """Best CPU time (user + system) of the child over a few runs."""
    import resource
    best = None
    for _ in range(rounds):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run(cmd, capture_output=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        if p.returncode != 0:
            return None, p.stderr.decode(errors="replace")
        t = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        best = t if best is None else min(best, t)
    return best, ""


def suite_scaling(args, R):
    """The front end and the emitter are linear in the source: a 40k-line
    module may take at most 6x the time of a 10k-line one (4x is linear;
    the slack is for noise, not for a quadratic).  A line of 4,000
    statements makes C of reasonable size."""
    with tempfile.TemporaryDirectory() as tmp:
        times = {}
        for n in (10000, 40000):
            src = os.path.join(tmp, f"m{n}.py")
            with open(src, "w") as f:
                f.write(scaling_module(n))
            t, err = cpu_time([args.pyxc, "--emit-c", "--no-line-directives", src])
            times[n] = t
            if t is None:
                R.fail("scaling", f"{n} lines", err[-2000:])
                return
        ratio = times[40000] / max(times[10000], 1e-3)
        print(f"  scaling: 10k lines {times[10000]:.2f}s, 40k lines {times[40000]:.2f}s (x{ratio:.1f})", flush=True)
        R.check("scaling", "front end linear (40k/10k lines <= 6x)", ratio <= 6.0, f"ratio {ratio:.2f}")
        src = os.path.join(tmp, "oneline.py")
        with open(src, "w") as f:
            f.write("; ".join(f"x{i} = {i}" for i in range(4000)) + "\n")
        rc, out, err = run([args.pyxc, "--emit-c", src])
        size = os.path.getsize(os.path.join(tmp, "oneline.c")) if rc == 0 else -1
        R.check("scaling", "a 4,000-statement line makes under 8 MB of C", 0 < size < 8 << 20, f"{rc} {size} {err[-500:]}")


# ---- fuzz -----------------------------------------------------------------------

def fuzz_inputs(rng, seeds, count):
    """Truncations and byte-level mutations of real sources."""
    tokens = [b"cdef ", b"cpdef ", b"(", b")", b"[", b"]", b"{", b"}", b":", b"\n", b"    ", b"\t",
              b"'", b'"', b'"""', b"f'{", b"}", b"<int>", b"&", b"*", b"**", b"except ", b"nogil",
              b"\\", b"#", b"=", b"lambda", b"match x:\n case ", b"->", b"@", b",", b"\r\n", b"class ",
              b"ctypedef ", b"struct ", b"with gil:", b"\xc3\xa9", b"0x", b"1e", b"j", b"...", b"not None"]
    for _ in range(count):
        src = rng.choice(seeds)
        kind = rng.random()
        if kind < 0.3 and len(src) > 1:
            yield src[:rng.randrange(1, len(src))]
        else:
            data = bytearray(src)
            for _ in range(rng.randint(1, 6)):
                op = rng.random()
                pos = rng.randrange(0, len(data) + 1)
                if op < 0.35 and data:
                    del data[pos:pos + rng.randint(1, 8)]
                elif op < 0.75:
                    data[pos:pos] = rng.choice(tokens)
                elif data:
                    a = rng.randrange(0, len(data))
                    b = rng.randrange(a, min(len(data), a + 80) + 1)
                    data[pos:pos] = data[a:b]
            yield bytes(data)


def suite_fuzz(args, R):
    seeds = []
    typed = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/typed/*.pyx")) + glob.glob(os.path.join(ROOT, "tests/e2e/run/*.py"))
                   + glob.glob(os.path.join(ROOT, "tests/e2e/leaks/*.pyx")))
    for path in syntax_files() + typed + sorted(glob.glob(os.path.join(ROOT, "tests/e2e/errors/*.py*"))):
        with open(path, "rb") as f:
            seeds.append(f.read())
    for path in sorted(glob.glob(os.path.join(ROOT, "grammar/test/corpus/*.txt"))):
        with open(path, "rb") as f:
            for case in re.split(rb"\n={3,}[^\n]*\n[^\n]*\n={3,}[^\n]*\n", f.read()):
                seeds.append(case.split(b"\n---")[0])
    seeds = [s for s in seeds if s.strip()]
    if not seeds:
        R.fail("fuzz", "seeds", "no seed files")
        return
    rng = random.Random(args.fuzz_seed)
    deadline = time.time() + args.fuzz_seconds
    total = crashes = 0
    batch = 64
    with tempfile.TemporaryDirectory() as tmp:
        gen = fuzz_inputs(rng, seeds, 10 ** 9)
        while time.time() < deadline:
            paths = []
            for i in range(batch):
                p = os.path.join(tmp, f"f{i}.pyx")
                with open(p, "wb") as f:
                    f.write(next(gen))
                paths.append(p)
            total += batch
            # --emit-c runs every phase but the C compiler: parser, lowering,
            # sema and the emitter all see the broken input; every third batch
            # goes through the Python unparser, every third the annotate report
            mode = ("--emit-c", "--emit-py", "-a")[(total // batch - 1) % 3]
            rc, out, err = run([args.pyxc, mode, "-o", tmp, "--max-errors", "5"] + paths, timeout=60)
            if rc in (0, 1) and "Sanitizer" not in err and "runtime error" not in err \
                    and "internal compiler error" not in err:
                continue
            # find the culprit(s) one by one
            for p in paths:
                rc, out, err = run([args.pyxc, mode, "-o", tmp, p], timeout=20)
                if rc not in (0, 1) or "Sanitizer" in err or "runtime error" in err \
                        or "internal compiler error" in err:
                    crashes += 1
                    keep = os.path.join(ROOT, "build", f"fuzz-crash-{crashes}.pyx")
                    os.makedirs(os.path.dirname(keep), exist_ok=True)
                    with open(p, "rb") as f, open(keep, "wb") as g:
                        g.write(f.read())
                    R.fail("fuzz", f"input kept as {rel(keep)}", f"exit {rc}\n{err[-2000:]}")
                    if crashes >= 5:
                        return
    R.check("fuzz", f"{total} mutated inputs, no crash or hang", crashes == 0 and total > 0,
            f"{crashes} crashes")
    print(f"  fuzz: {total} inputs in {args.fuzz_seconds}s with {os.path.basename(args.pyxc)}")


# ---- depth ----------------------------------------------------------------------

def nested_blocks(header, n, step=1):
    return "".join(" " * (i * step) + header + "\n" for i in range(n)) + " " * (n * step) + "pass\n"


# name -> (source, expected): None = compiles (exit 0); else (line, col, message) of the
# first error, as CPython reports it (or, for what CPython cannot compile at all, where
# pyxc stops).
DEPTH_CASES = {
    "parens_200": ("x = " + "(" * 200 + "1" + ")" * 200 + "\n", None),
    "parens_10000": ("x = " + "(" * 10000 + "1" + ")" * 10000 + "\n", (1, 205, "too many nested parentheses")),
    "brackets_10000": ("x = " + "[" * 10000 + "]" * 10000 + "\n", (1, 205, "too many nested parentheses")),
    "braces_10000": ("x = " + "{" * 10000 + "}" * 10000 + "\n", (1, 205, "too many nested parentheses")),
    "calls_10000": ("x = f" + "()" * 10000 + "\n", "too deeply nested"),
    "attributes_10000": ("x = a" + ".b" * 10000 + "\n", "too deeply nested"),
    "subscripts_10000": ("x = a" + "[0]" * 10000 + "\n", "too deeply nested"),
    "unary_10000": ("x = " + "-" * 10000 + "1\n", "too deeply nested"),
    "not_10000": ("x = " + "not " * 10000 + "a\n", "too deeply nested"),
    "power_10000": ("x = " + "**".join(["2"] * 10000) + "\n", "too deeply nested"),
    "plus_10000": ("x = " + " + ".join(["a"] * 10000) + "\n", "too deeply nested"),
    "and_10000": ("a = 1\nx = " + " and ".join(["a"] * 10000) + "\n", None),
    "or_10000": ("a = 0\nx = " + " or ".join(["a"] * 10000) + "\n", None),
    "comprehension_70_for": ("b = [1]\nx = [1 " + " ".join(f"for a{i} in b" for i in range(70)) + "]\n", None),
    "if_99_levels": ("x = 1\n" + nested_blocks("if x:", 99), None),
    "if_100_levels": ("x = 1\n" + nested_blocks("if x:", 100), (102, 1, "too many levels of indentation")),
    "if_3000_levels": ("x = 1\n" + nested_blocks("if x:", 3000), (102, 1, "too many levels of indentation")),
    "for_20_blocks": ("b = [1]\n" + nested_blocks("for x in b:", 20, 2), None),
    "for_21_blocks": ("b = [1]\n" + nested_blocks("for x in b:", 21, 2), (22, 41, "too many statically nested blocks")),
    "while_21_in_def": ("def f(x):\n" + "".join("  " * (i + 1) + "while x:\n" for i in range(21))
                        + "  " * 22 + "pass\n", (22, 43, "too many statically nested blocks")),
    "if_60_in_for_20": ("b = [1]\n" + "".join("  " * i + "for x in b:\n" for i in range(20))
                        + "".join("  " * (20 + i) + "if x:\n" for i in range(60)) + "  " * 80 + "pass\n", None),
    "try_handler_21": ("b = [1]\n" + "".join("  " * i + "for x in b:\n" for i in range(19))
                       + "  " * 19 + "try:\n" + "  " * 20 + "pass\n" + "  " * 19 + "except E as e:\n"
                       + "  " * 20 + "pass\n", (23, 39, "too many statically nested blocks")),
    "for_20_in_def_in_for_20": ("b = [1]\n" + nested_blocks("for x in b:", 20, 2).replace(
        " " * 40 + "pass\n", " " * 40 + "def f():\n" + "".join(" " * (42 + 2 * i) + "for x in b:\n" for i in range(20))
        + " " * 82 + "pass\n"), None),
}


def depth_one(args, name, src, expected, tmp, mode):
    """Problems with one case in one mode ('syntax': --syntax-only, 'emit-c': --emit-c)."""
    path = os.path.join(tmp, name + ".py")
    flags = ["--syntax-only"] if mode == "syntax" else ["--emit-c", "-o", os.path.join(tmp, name)]
    os.makedirs(os.path.join(tmp, name), exist_ok=True)
    rc, out, err = run([args.pyxc] + flags + [path], timeout=10)
    errors = re.findall(re.escape(path) + r":(\d+):(\d+): error: (.*)", err)
    if rc == "timeout" or rc not in (0, 1):
        return f"exit {rc}: a crash or a hang\n{err[-1500:]}"
    if rc == 1 and not errors:
        return f"exit 1 without a diagnostic\n{err[-1500:]}"
    if expected is None:
        return None if rc == 0 else f"exit {rc}, expected success\n{err[-1500:]}"
    if isinstance(expected, str):
        ok = rc == 1 and expected in errors[0][2]
        return None if ok else f"exit {rc}, expected an error '{expected}'\n{err[-1500:]}"
    ok = rc == 1 and errors[0] == (str(expected[0]), str(expected[1]), expected[2])
    return None if ok else f"exit {rc}, expected {expected[0]}:{expected[1]}: error: {expected[2]}\n{err[-1500:]}"


def suite_depth(args, R):
    """Every case through --syntax-only (key depth::NAME) and --emit-c
    (depth::NAME::emit-c): a diagnostic or success, never a signal or a hang."""
    known, used = known_failures(), set()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (src, _) in DEPTH_CASES.items():
            with open(os.path.join(tmp, name + ".py"), "w") as f:
                f.write(src)
        jobs = [(name, mode) for name in DEPTH_CASES for mode in ("syntax", "emit-c")]
        results = parallel(lambda j: depth_one(args, j[0], DEPTH_CASES[j[0]][0], DEPTH_CASES[j[0]][1], tmp, j[1]),
                           jobs)
        for (name, mode), problem in zip(jobs, results):
            key = f"depth::{name}" + ("" if mode == "syntax" else "::emit-c")
            check_known(R, "depth", key, problem is None, problem, known, used)
    check_stale_known(R, "depth", "depth::", known, used)


STDLIB_SKIP_DIRS = ("test", "tests", "lib2to3", "site-packages", "dist-packages", "idle_test",
                    "__pycache__")


def stdlib_files():
    """Every .py of the running Python's standard library, sorted (test and
    lib2to3 data directories, which hold invalid code on purpose, left out)."""
    import sysconfig
    root = sysconfig.get_paths()["stdlib"]
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in STDLIB_SKIP_DIRS]
        files += [os.path.join(dirpath, f) for f in filenames if f.endswith(".py")]
    return root, sorted(files)


def suite_stdlib(args, R):
    """Python's own library must parse: every .py of the interpreter's stdlib
    (stdlib_files()) through --syntax-only, one check per 100 files."""
    root, files = stdlib_files()
    for i in range(0, len(files), 100):
        chunk = files[i:i + 100]
        rc, out, err = run([args.pyxc, "--syntax-only", "--max-errors", "5"] + chunk, timeout=120)
        R.check("stdlib", f"{rel(chunk[0]) if chunk[0].startswith(ROOT) else chunk[0]} .. ({len(chunk)} files)",
                rc == 0 and err == "", f"exit {rc}\n{err[-3000:]}")


SYMTABLE_MAX_STDLIB = 1500    # about 20 s on 2 cores; an even sample beyond that


def symtable_first_error(path, err):
    """'line:col: message' of pyxc's first error, or None."""
    m = re.search(re.escape(path) + r":(\d+):(\d+): error: (.*)", err)
    return m and (int(m.group(1)), int(m.group(2)), m.group(3))


def symtable_compare(path, want, rc, out, err):
    """None when pyxc's dump (or refusal) agrees with CPython's, else why not."""
    if rc not in (0, 1) or "internal compiler error" in err or "Sanitizer" in err or "runtime error" in err:
        return f"pyxc crashed: exit {rc}\n{err[-2000:]}"
    if want.startswith("parse-error "):
        return None if rc == 1 else f"CPython's parser refuses it ({want}), pyxc does not"
    m = re.match(r"error (\d+):(\d+): (.*)", want)
    if m:
        got = symtable_first_error(path, err)
        if rc != 1 or got is None:
            return f"CPython refuses it ({want}), pyxc does not (exit {rc})"
        if (got[0], got[2]) != (int(m.group(1)), m.group(3)):
            return f"CPython: {m.group(1)}: {m.group(3)}\npyxc:    {got[0]}: {got[2]}"
        return None
    if rc != 0:
        return f"pyxc refuses what CPython accepts: exit {rc}\n{err[-2000:]}"
    if out.rstrip("\n") != want.rstrip("\n"):
        import difflib
        return "".join(difflib.unified_diff(want.rstrip("\n").splitlines(True), out.rstrip("\n").splitlines(True),
                                            "cpython", "pyxc", n=2))[:4000]
    return None


def cpython_symtables(files):
    """{path: dump} from one run of tests/symtable/cpython_symtable.py."""
    script = os.path.join(ROOT, "tests/symtable/cpython_symtable.py")
    rc, out, err = run([sys.executable, script, "-m"] + files, timeout=300)
    dumps, cur = {}, None
    for line in out.splitlines(True):
        m = re.match(r"==> (.*) <==\n$", line)
        if m:
            cur = m.group(1)
            dumps[cur] = ""
        elif cur is not None:
            dumps[cur] += line
    missing = [f for f in files if f not in dumps]
    return dumps, (f"cpython_symtable.py: exit {rc}\n{err[-2000:]}" if missing else None)


def suite_symtable(args, R):
    """The scopes pyxc decides are CPython's: every file's dump must equal what
    CPython 3.11's symtable module says about it, and a file CPython refuses
    must be refused by pyxc too."""
    if sys.version_info[:2] != (3, 11):
        R.skip("symtable", "all", f"the reference is CPython 3.11, this is {sys.version.split()[0]}")
        return
    known, used = known_failures(), set()
    stdroot, stdlib = stdlib_files()
    if len(stdlib) > SYMTABLE_MAX_STDLIB:
        step = len(stdlib) / SYMTABLE_MAX_STDLIB
        stdlib = [stdlib[int(i * step)] for i in range(SYMTABLE_MAX_STDLIB)]
    traps = sorted(f for f in glob.glob(os.path.join(ROOT, "tests/symtable/*.py"))
                   if not f.endswith("cpython_symtable.py"))
    ours = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/**/*.py"), recursive=True)) + traps
    errors = sorted(glob.glob(os.path.join(ROOT, "tests/symtable/errors/*.py")))
    files = ours + stdlib + errors
    dumps, problem = cpython_symtables(files)
    if problem:
        R.fail("symtable", "cpython_symtable.py", problem)
        return
    results = parallel(lambda f: run([args.pyxc, "--dump-symtable", f], timeout=60), files)
    by_file = dict(zip(files, results))
    stdlib_ok = 0
    for path in ours + stdlib:
        key = (rel(path) if path in ours else "stdlib/" + os.path.relpath(path, stdroot)) + "::symtable"
        why = symtable_compare(path, dumps[path], *by_file[path])
        check_known(R, "symtable", key, why is None, why, known, used)
        stdlib_ok += path in stdlib and why is None
    for path in errors:
        rc, out, err = by_file[path]
        with open(path, encoding="utf-8") as f:
            expected = [(l, c, msg) for k, l, c, msg in (m.groups() for m in map(EXPECT.match, f.read().splitlines())
                                                          if m) if k == "ERROR"]
        got = re.findall(re.escape(path) + r":(\d+):(\d+): error: (.*)", err)
        problems = []
        if not expected:
            problems.append("no '# ERROR line:col: message' lines in the test")
        if rc != 1 or got != expected:
            problems.append(f"exit {rc}; expected:\n" + "\n".join(f"  {l}:{c}: {m}" for l, c, m in expected)
                            + "\ngot:\n" + "\n".join(f"  {l}:{c}: {m}" for l, c, m in got))
        if got and not re.search(r"error: .*\n    .*\n    \s*\^", err):
            problems.append("diagnostic lacks the source line and caret:\n" + err)
        m = re.match(r"error (\d+):\d+: (.*)", dumps[path])
        if not m:
            problems.append(f"CPython does not refuse it: {dumps[path][:200]}")
        elif expected and (m.group(1), m.group(2)) != (expected[0][0], expected[0][2]):
            problems.append(f"CPython says {m.group(1)}: {m.group(2)}")
        R.check("symtable", rel(path), not problems, "\n".join(problems))
    print(f"  symtable: {stdlib_ok}/{len(stdlib)} standard library files agree with CPython")
    for key in sorted(known):
        if key.endswith("::symtable") and key not in used:
            R.fail("symtable", key, "listed in tests/known_failures.txt but no such test ran")


def suite_runtime(args, R):
    """The runtime's own tests (tests/runtime): conversions, argument parsing,
    tracebacks, against the running CPython; with the debug build also leaks."""
    pythons = ["python3"] + (["/usr/bin/python3.11-dbg"] if os.path.exists("/usr/bin/python3.11-dbg") else [])
    for py in pythons:
        rc, out, err = run(["sh", os.path.join(ROOT, "tests/runtime/run.sh"), py], timeout=600)
        m = re.search(r"runtime: (\d+) passed, (\d+) failed", out + err)
        name = f"runtime ({py})"
        if not m:
            R.fail("runtime", name, (out + err)[-3000:] or f"exit {rc}")
            continue
        for _ in range(int(m.group(1))):
            R.ok("runtime", name)
        if int(m.group(2)) or rc != 0:
            R.fail("runtime", name, (out + err)[-3000:])


# ---- known failures ---------------------------------------------------------

def known_failures():
    """{key: reason} from tests/known_failures.txt; key is 'path' or 'path::name'."""
    known = {}
    try:
        with open(os.path.join(ROOT, "tests/known_failures.txt"), encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    key, _, reason = line.partition(": ")
                    known[key.strip()] = reason.strip()
    except FileNotFoundError:
        pass
    return known


def check_known(R, suite, key, ok, why, known, used):
    """Record one check, turning a listed failure into an expected one."""
    if key in known:
        used.add(key)
        if ok:
            R.fail(suite, key, f"listed in tests/known_failures.txt ({known[key]}) but passes now: "
                               "remove the line")
        else:
            R.ok(suite, key + " (expected failure)")
    else:
        R.check(suite, key, ok, why)


def check_stale_known(R, suite, prefix, known, used):
    """Entries under prefix that no test of the suite reported are stale."""
    for key in sorted(known):
        if key.startswith(prefix) and key not in used:
            R.fail(suite, key, "listed in tests/known_failures.txt but no such test ran")


def build_module(pyxc, src, outdir, python=None):
    env = dict(os.environ, PYXC_CFLAGS="-Wall -Wextra -Werror")
    cmd = [pyxc, "-o", outdir] + (["--python", python] if python else []) + [src]
    return run(cmd, timeout=120, env=env)


def parallel(fn, items, workers=None):
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=workers or max(2, os.cpu_count() or 2)) as ex:
        return list(ex.map(fn, items))


# ---- typed ----------------------------------------------------------------------

BUILD_LINE = re.compile(r"#\s*build:\s*(.*)$", re.M)


def typed_one(args, test_py):
    """Build the modules of one typed test and run it: (build problems, rc, out, err, report)."""
    import json
    with tempfile.TemporaryDirectory() as tmp:
        with open(test_py, encoding="utf-8") as f:
            extra = [p for m in BUILD_LINE.findall(f.read()) for p in m.split()]
        srcs = [os.path.join(ROOT, p) for p in extra]
        own = test_py[:-len("_test.py")] + ".pyx"
        if os.path.exists(own):
            srcs.append(own)
        for src in srcs:
            rc, out, err = build_module(args.pyxc, src, tmp)
            if rc != 0:
                return f"building {rel(src)}: exit {rc}\n{err[-3000:]}", None, "", "", None
        report = os.path.join(tmp, "report.json")
        env = dict(os.environ, PYTHONPATH=tmp, PYXC_CHECK_REPORT=report)
        rc, out, err = run([sys.executable, test_py], timeout=120, cwd=tmp, env=env)
        try:
            with open(report) as f:
                rep = json.load(f)
        except (OSError, ValueError):
            rep = None
        return None, rc, out, err, rep


def suite_typed(args, R):
    known, used = known_failures(), set()
    tests = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/typed/*_test.py")))
    for test_py, res in zip(tests, parallel(lambda t: typed_one(args, t), tests)):
        key = rel(test_py)
        problem, rc, out, err, rep = res
        if problem or rep is None or out:
            why = problem or f"exit {rc}, no report\n{out}{err}"
            if not problem and out:
                why = f"the test printed to stdout:\n{out}{err}"
            subkeys = [k for k in known if k.startswith(key + "::")]
            if subkeys and key not in known:
                for k in subkeys:     # the listed test functions cannot have run
                    check_known(R, "typed", k, False, why, known, used)
                R.fail("typed", key, why)
            else:
                check_known(R, "typed", key, False, why, known, used)
            continue
        results = [(n, True, "") for n in rep["passed"]] + list(
            (n, False, tb) for n, tb in rep["failed"].items())
        if key in known:   # the whole file is listed
            check_known(R, "typed", key, all(ok for _, ok, _ in results) and rc == 0,
                        err, known, used)
            continue
        for name, ok, tb in results:
            check_known(R, "typed", f"{key}::{name}", ok, tb, known, used)
        if rc != 0 and all(ok for _, ok, _ in results):
            R.fail("typed", key, f"exit {rc}\n{err}")
    check_stale_known(R, "typed", "tests/e2e/typed/", known, used)


# ---- run (differential) -----------------------------------------------------------

def last_error_line(err):
    lines = [l for l in err.strip().splitlines() if l.strip()]
    return lines[-1] if lines else ""


def run_one(args, src):
    name = os.path.splitext(os.path.basename(src))[0]
    # import the module (its main() too, if it has one); the first line of
    # stderr says which file was imported, so that the interpreted run can
    # never pick up the compiled module by mistake
    code = (f"import sys\nimport {name}\nsys.stderr.write('imported ' + {name}.__file__ + '\\n')\n"
            f"if hasattr({name}, 'main'):\n    {name}.main()\n")
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as empty:
        rc, out, err = build_module(args.pyxc, src, tmp)
        if rc != 0:
            return f"build failed: exit {rc}\n{err[-3000:]}"
        env = dict(os.environ, PYTHONPATH=os.path.dirname(src), PYTHONDONTWRITEBYTECODE="1")
        want = run([sys.executable, "-c", code], timeout=60, cwd=empty, env=env)
        env = dict(os.environ, PYTHONPATH=tmp)
        got = run([sys.executable, "-c", code], timeout=60, cwd=empty, env=env)
    problems = []
    for label, res, ext in (("CPython", want, ".py"), ("compiled", got, ".so")):
        first = res[2].splitlines()[0] if res[2] else ""
        if first.startswith("imported ") and not first.endswith(ext):
            problems.append(f"the {label} run imported {first[9:]}")
    want = (want[0], want[1], "\n".join(l for l in want[2].splitlines() if not l.startswith("imported ")))
    got = (got[0], got[1], "\n".join(l for l in got[2].splitlines() if not l.startswith("imported ")))
    if (want[0] == 0) != (got[0] == 0):
        problems.append(f"exit status: CPython {want[0]}, compiled {got[0]}")
    if want[1] != got[1]:
        import difflib
        problems.append("stdout differs:\n" + "".join(difflib.unified_diff(
            want[1].splitlines(True), got[1].splitlines(True), "cpython", "compiled", n=2))[:3000])
    if want[0] != 0 and last_error_line(want[2]) != last_error_line(got[2]):
        problems.append(f"exception: CPython {last_error_line(want[2])!r}, "
                        f"compiled {last_error_line(got[2])!r}")
    if want[0] == 0 and got[2]:
        problems.append("stderr from the compiled module:\n" + got[2][-2000:])
    if want[0] != 0 and "Traceback" not in got[2]:
        problems.append("no traceback from the compiled module:\n" + got[2][-2000:])
    return "\n".join(problems) or None


def suite_run(args, R):
    known, used = known_failures(), set()
    srcs = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/run/*.py")))
    for src, problem in zip(srcs, parallel(lambda s: run_one(args, s), srcs)):
        check_known(R, "run", rel(src), problem is None, problem, known, used)
    check_stale_known(R, "run", "tests/e2e/run/", known, used)


# ---- leaks ----------------------------------------------------------------------

DBG_PYTHON = "/usr/bin/python3.11-dbg"


def leaks_one(args, src):
    import json
    name = os.path.splitext(os.path.basename(src))[0]
    with tempfile.TemporaryDirectory() as tmp:
        rc, out, err = build_module(args.pyxc, src, tmp, python=DBG_PYTHON)
        if rc != 0:
            return f"build failed: exit {rc}\n{err[-3000:]}", None
        report = os.path.join(tmp, "report.json")
        driver = os.path.join(ROOT, "tests/e2e/leaks/driver.py")
        env = dict(os.environ, PYTHONPATH=tmp)
        rc, out, err = run([DBG_PYTHON, driver, name, report], timeout=300, cwd=tmp, env=env)
        try:
            with open(report) as f:
                return None, (rc, out, err, json.load(f))
        except (OSError, ValueError):
            return f"driver failed: exit {rc}\n{out}{err[-3000:]}", None


def suite_leaks(args, R):
    if not os.path.exists(DBG_PYTHON):
        print("leaks: skipped (no python3.11-dbg)")
        return
    known, used = known_failures(), set()
    srcs = sorted(glob.glob(os.path.join(ROOT, "tests/e2e/leaks/*.pyx")))
    for src, (problem, res) in zip(srcs, parallel(lambda s: leaks_one(args, s), srcs)):
        key = rel(src)
        if problem:
            check_known(R, "leaks", key, False, problem, known, used)
            continue
        rc, out, err, rep = res
        for call in rep["calls"]:
            ok = call["delta"] == 0 and not call["error"]
            why = call["error"] or f"refcount delta {call['delta']} over {rep['rounds']} calls"
            check_known(R, "leaks", f"{key}::{call['name']}", ok, why, known, used)
        if rc not in (0, 1):
            R.fail("leaks", key, f"driver exit {rc}\n{err[-2000:]}")
    check_stale_known(R, "leaks", "tests/e2e/leaks/", known, used)


# ---- cpython: CPython's own tests against compiled standard-library modules ------------

CPYTHON = "/usr/bin/python3"          # Debian's 3.11: its library is the source, its tests the judge
CPYTHON_LIB = "/usr/lib/python3.11"
CPYTHON_QUICK_LINES = 500   # make test's share of the suite: small modules build and test in minutes


def source_lines(path):
    with open(path, "rb") as f:
        return f.read().count(b"\n")


def cpython_compile(args, mod, outdir):
    """(status, detail): 'built', 'unsupported' (pyxc names what it cannot compile yet) or 'error'."""
    src = os.path.join(CPYTHON_LIB, mod + ".py")
    rc, out, err = run([args.pyxc, "-q", "--python", CPYTHON, "-o", outdir, src], timeout=300)
    if rc == 0:
        return "built", ""
    errors = [l for l in err.splitlines() if ": error: " in l]
    if rc == 1 and errors and all("not supported yet" in l for l in errors):
        return "unsupported", errors[0]
    return "error", f"exit {rc}\n{err[-2000:]}"


def cpython_test(mod, outdir):
    """None when CPython's test_<mod> passes with the compiled module, else why not."""
    env = dict(os.environ, PYTHONPATH=outdir, PYTHONDONTWRITEBYTECODE="1")
    rc, out, err = run([CPYTHON, "-c", f"import {mod}; print({mod}.__file__)"], timeout=60, env=env, cwd=outdir)
    if rc != 0:
        return f"import failed: exit {rc}\n{err[-2000:]}"
    if not out.strip().endswith(".so"):
        return "skip: imported before PYTHONPATH applies (" + out.strip() + ")"
    rc, out, err = run([CPYTHON, "-m", "test", f"test_{mod}"], timeout=600, env=env, cwd=outdir)
    if rc == 0 and "Tests result: SUCCESS" in out + err:
        return None
    tail = "\n".join((out + err).strip().splitlines()[-25:])
    # the judge is what the interpreted module passes here (a chroot without ptys or network...)
    plain = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    plain.pop("PYTHONPATH", None)
    with tempfile.TemporaryDirectory() as empty:
        rc2, out2, err2 = run([CPYTHON, "-m", "test", f"test_{mod}"], timeout=600, env=plain, cwd=empty)
    if not (rc2 == 0 and "Tests result: SUCCESS" in out2 + err2):
        return "skip: test_" + mod + " fails interpreted too on this machine"
    return f"exit {rc}\n{tail}"


def suite_cpython(args, R):
    """Every module of Debian's Python 3.11 library that has a test in
    Lib/test (Debian's libpython3.11-testsuite) and that pyxc compiles is
    built, and CPython's own test of it must pass against the compiled
    module.  What pyxc cannot compile yet is counted, not failed."""
    if not os.path.exists(os.path.join(CPYTHON_LIB, "test", "test_base64.py")) or not os.path.exists(CPYTHON):
        R.skip("cpython", "all", "libpython3.11-testsuite not installed")
        return
    mods = sorted(f[:-3] for f in os.listdir(CPYTHON_LIB)
                  if f.endswith(".py") and (os.path.exists(os.path.join(CPYTHON_LIB, "test", "test_" + f))
                                            or os.path.isdir(os.path.join(CPYTHON_LIB, "test", "test_" + f[:-3]))))
    total = len(mods)
    if not args.cpython_all:   # make test: the modules of at most CPYTHON_QUICK_LINES lines (make test-cpython: all)
        mods = [m for m in mods if source_lines(os.path.join(CPYTHON_LIB, m + ".py")) <= CPYTHON_QUICK_LINES]
    known, used = known_failures(), set()
    with tempfile.TemporaryDirectory() as tmp:
        built = []
        unsupported = 0
        for mod, (status, detail) in zip(mods, parallel(lambda m: cpython_compile(args, m, tmp), mods)):
            if status == "unsupported":
                unsupported += 1
            elif status == "error":
                check_known(R, "cpython", f"cpython/{mod}", False, "pyxc refused it: " + detail, known, used)
            else:
                built.append(mod)
        passed = 0
        for mod, problem in zip(built, parallel(lambda m: cpython_test(m, tmp), built)):
            if problem and problem.startswith("skip: "):
                R.skip("cpython", f"cpython/{mod}", problem[6:])
                used.add(f"cpython/{mod}")   # a listed module that cannot be judged here is not stale
                continue
            passed += problem is None
            check_known(R, "cpython", f"cpython/{mod}", problem is None, problem, known, used)
    print(f"  cpython: {len(mods)} of the {total} library modules with tests "
          f"({'all' if args.cpython_all else f'those of at most {CPYTHON_QUICK_LINES} lines; make test-cpython runs all'}); "
          f"{unsupported} use what pyxc cannot compile yet; "
          f"{len(built)} compiled; {passed} pass CPython's tests", flush=True)
    check_stale_known(R, "cpython", "cpython/", known if args.cpython_all else {k: v for k, v in known.items()
                      if k.split("/", 1)[-1] in mods}, used)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from workflow import suite_integration, suite_workflow  # noqa: E402

SUITES = {
    "unit": suite_unit, "corpus": suite_corpus, "pycorpus": suite_pycorpus, "cython": suite_cython,
    "cli": suite_cli, "syntax": suite_syntax,
    "errors": suite_errors, "ast": suite_ast, "emit": suite_emit, "scaling": suite_scaling, "stdlib": suite_stdlib,
    "depth": suite_depth, "symtable": suite_symtable, "fuzz": suite_fuzz, "runtime": suite_runtime,
    "typed": suite_typed, "run": suite_run, "leaks": suite_leaks, "cpython": suite_cpython,
    "workflow": suite_workflow, "integration": suite_integration,
}
# 'make check': the fast subset
QUICK = ("unit", "corpus", "pycorpus", "cython", "cli", "syntax", "errors", "ast", "emit", "typed", "run", "workflow")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pyxc", default=os.path.join(ROOT, "build/pyxc"))
    ap.add_argument("--fuzz-pyxc", help="compiler binary for the fuzz suite (an ASan build)")
    ap.add_argument("--unit", default="", help="space-separated cmocka binaries")
    ap.add_argument("--corpus", help="corpus_check binary")
    ap.add_argument("--only", action="append", help="run only these suites")
    ap.add_argument("--quick", action="store_true", help="the fast subset ('make check'): " + " ".join(QUICK))
    ap.add_argument("--fuzz-seconds", type=float, default=30)
    ap.add_argument("--fuzz-seed", type=int, default=int(os.environ.get("PYXC_FUZZ_SEED", "1")))
    ap.add_argument("--update", action="store_true", help="rewrite .ast and golden .c files")
    ap.add_argument("--cpython-all", action="store_true",
                    help="cpython suite: every library module with a test, not only the small ones")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.pyxc = os.path.abspath(args.pyxc)
    R = Results(args.verbose)
    if args.quick and not args.only:
        args.only = list(QUICK)
    for name, fn in SUITES.items():
        if args.only and name not in args.only:
            continue
        if name == "unit" and not args.unit:
            continue
        if name in ("corpus", "pycorpus") and not args.corpus:
            continue
        before = (R.passed, R.failed)
        start = time.time()
        print(f"{name}: running...", flush=True)
        if name == "fuzz" and args.fuzz_pyxc:
            saved, args.pyxc = args.pyxc, os.path.abspath(args.fuzz_pyxc)
            fn(args, R)
            args.pyxc = saved
        else:
            fn(args, R)
        print(f"{name}: {R.passed - before[0]} passed, {R.failed - before[1]} failed "
              f"({time.time() - start:.1f}s)", flush=True)
    print(f"{R.passed} passed, {R.failed} failed" + (f", {R.skipped} skipped" if R.skipped else ""))
    return 1 if R.failed else 0


if __name__ == "__main__":
    sys.exit(main())
