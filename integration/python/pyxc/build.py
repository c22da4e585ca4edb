"""pyxcize(): setuptools Extensions from .pyx files, as Cython's cythonize() gives.

    from setuptools import setup
    from pyxc.build import pyxcize

    setup(ext_modules=pyxcize("my_module.pyx"))

Each .pyx becomes a .c file next to it (or under build_dir) through
`pyxc --emit-c`, only when the .c is older than the source or anything it
includes or cimports; the Extension compiles that C file and links pyxc's
runtime library (built once per Python ABI) with setuptools' own compiler.
'# distutils:' lines in the source (libraries, include_dirs, library_dirs,
extra_compile_args, extra_link_args, sources, define_macros) become
Extension options, as with Cython.  A module pyxc rejects raises
pyxc.CompileError carrying the diagnostics.
"""
import glob
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor

from . import CompileError, run, runtime_dir

__all__ = ["pyxcize", "CompileError"]

_LIST_KEYS = ("libraries", "library_dirs", "include_dirs", "extra_compile_args",
              "extra_link_args", "sources", "define_macros", "depends", "extra_objects")
# what pyxc's C needs from the C compiler: wrapping C integer arithmetic, as
# Cython's C; object pointers alias
_C_FLAGS = ["-fwrapv", "-fno-strict-aliasing"]
# directives pyxc has no use for: language_level (pyxc reads Python 3 only)


def _directive_flags(directives):
    """compiler_directives as pyxc's -X flag (Cython's value spelling)."""
    items = []
    for key, value in (directives or {}).items():
        if key == "language_level":
            continue
        text = value if isinstance(value, str) else repr(value)
        items.append(f"{key}={text}")
    return ["-X", ",".join(items)] if items else []


def _split(value):
    """'a, b c' -> ['a', 'b', 'c']; quotes keep an item whole."""
    return [a or b or c for a, b, c in re.findall(r"'([^']*)'|\"([^\"]*)\"|([^,\s]+)", value)]


def distutils_options(source):
    """The '# distutils: key = value' lines of the comment block that starts
    source, as Extension keyword arguments (lists)."""
    opts = {}
    with open(source, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s:
                continue
            if not s.startswith("#"):
                break
            m = re.match(r"#\s*distutils:\s*(\w+)\s*=(.*)$", s)
            if not m:
                continue
            key, value = m.group(1), m.group(2)
            if key == "language":
                if value.strip() != "c":
                    raise CompileError(source, f"{source}: '# distutils: language = "
                                               f"{value.strip()}': pyxc generates C only")
                continue
            if key not in _LIST_KEYS:
                raise CompileError(source, f"{source}: unknown '# distutils:' key '{key}'")
            items = _split(value)
            if key == "define_macros":
                items = [tuple(i.split("=", 1)) if "=" in i else (i, None) for i in items]
            elif key in ("include_dirs", "library_dirs", "sources", "depends"):
                base = os.path.dirname(source)
                items = [os.path.join(base, i) if not os.path.isabs(i) and
                         os.path.exists(os.path.join(base, i)) else i for i in items]
            opts.setdefault(key, []).extend(items)
    return opts


_INCLUDE = re.compile(r"^\s*include\s+['\"]([^'\"]+)['\"]", re.M)
_CIMPORT = re.compile(r"^\s*(?:from\s+(\.*[\w.]*)\s+cimport|cimport\s+([\w.]+))", re.M)


def dependencies(source, include_path=()):
    """source and every file it includes or cimports that exists (.pxi,
    .pxd of this project), recursively."""
    seen, todo = [], [os.path.abspath(source)]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.append(path)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError:
            continue
        base = os.path.dirname(path)
        dirs = [base] + [os.path.abspath(d) for d in include_path]
        for name in _INCLUDE.findall(text):
            for d in dirs:
                cand = os.path.join(d, name)
                if os.path.exists(cand):
                    todo.append(os.path.abspath(cand))
                    break
        for rel, plain in _CIMPORT.findall(text):
            mod = (rel or plain).lstrip(".")
            if not mod or mod.startswith(("libc", "libcpp", "cpython", "cython", "posix")):
                continue
            parts = mod.split(".")
            for d in dirs:
                cand = os.path.join(d, *parts) + ".pxd"
                if os.path.exists(cand):
                    todo.append(os.path.abspath(cand))
                    break
    return seen


def _module_name(path):
    """'pkg/sub/mod.pyx' -> 'pkg.sub.mod', following __init__.py files up."""
    path = os.path.abspath(path)
    d, name = os.path.split(path)
    parts = [os.path.splitext(name)[0]]
    while any(os.path.exists(os.path.join(d, "__init__" + ext)) for ext in (".py", ".pyx", ".pxd")):
        d, pkg = os.path.split(d)
        parts.insert(0, pkg)
    return ".".join(parts)


def _expand(module_list, exclude):
    """[(Extension or None, name or None, pyx path)] for strings (globs) and
    Extensions whose sources hold .pyx files."""
    from setuptools import Extension
    if isinstance(module_list, (str, Extension)):
        module_list = [module_list]
    excluded = set()
    for pat in exclude or ():
        excluded.update(os.path.abspath(p) for p in glob.glob(pat, recursive=True))
    out = []
    for item in module_list:
        if isinstance(item, str):
            paths = sorted(glob.glob(item, recursive=True))
            if not paths:
                raise ValueError(f"pyxcize: '{item}' matches no file")
            for p in paths:
                if os.path.abspath(p) not in excluded:
                    out.append((None, None, p))
        elif isinstance(item, Extension):
            pyx = [s for s in item.sources if s.endswith((".pyx", ".py"))]
            if len(pyx) != 1:
                raise ValueError(f"pyxcize: Extension {item.name!r} needs exactly one .pyx source")
            out.append((item, item.name, pyx[0]))
        else:
            raise TypeError(f"pyxcize: expected a glob pattern or an Extension, got {item!r}")
    return out


def _needs_build(pyx, c_file, deps, force):
    if force or not os.path.exists(c_file):
        return "it is new" if not os.path.exists(c_file) else "forced"
    c_time = os.path.getmtime(c_file)
    for d in deps:
        if os.path.exists(d) and os.path.getmtime(d) > c_time:
            return "it changed" if d == os.path.abspath(pyx) else f"{os.path.relpath(d)} changed"
    return None


def pyxcize(module_list, nthreads=0, force=False, quiet=False, compiler_directives=None,
            build_dir=None, annotate=False, include_path=None, exclude=None, stubs=True,
            language_level=None, **ext_options):
    """setuptools Extensions for module_list: glob patterns ('src/**/*.pyx'),
    Extension objects with one .pyx source, or a list of both.

    nthreads      run that many pyxc processes at once
    force         regenerate every C file, changed or not
    quiet         print nothing about what is compiled
    build_dir     write the C files there (mirroring the source tree)
    annotate      also write NAME.html (pyxc -a) next to each C file
    include_path  more directories for include/cimport dependency lookup
    exclude       glob patterns of sources to leave out
    stubs         write NAME.pyi next to each source (and py.typed in packages)
    compiler_directives, language_level
                  Cython's per-run directives (pyxc -X): each module's own
                  '# cython:' header and decorators still change them; a
                  changed directive alone does not regenerate C (force=True
                  does), as with cythonize
    ext_options   Extension keyword arguments for the modules made from globs
    """
    from setuptools import Extension
    del language_level
    xflags = _directive_flags(compiler_directives)
    jobs = []
    for ext, name, pyx in _expand(module_list, exclude):
        name = name or _module_name(pyx)
        base = os.path.splitext(pyx)[0]
        if build_dir:
            base = os.path.join(build_dir, os.path.relpath(os.path.abspath(base)))
        c_file = base + ".c"
        jobs.append((ext, name, pyx, c_file))

    def generate(job):
        ext, name, pyx, c_file = job
        deps = dependencies(pyx, include_path or ())
        why = _needs_build(pyx, c_file, deps, force)
        if why is None:
            return None
        os.makedirs(os.path.dirname(os.path.abspath(c_file)), exist_ok=True)
        msgs = []
        p = run(xflags + ["--emit-c", "-o", c_file, pyx])
        if p.returncode != 0:
            return CompileError(pyx, p.stderr)
        msgs.append(p.stderr)
        if stubs:
            p = run(xflags + ["--pyi", "--emit-c", "-o", os.path.splitext(pyx)[0] + ".pyi", pyx])
            if p.returncode != 0:
                return CompileError(pyx, p.stderr)
            pkg = os.path.dirname(os.path.abspath(pyx))
            if "." in name and not os.path.exists(os.path.join(pkg, "py.typed")):
                open(os.path.join(pkg, "py.typed"), "w").close()
        if annotate:
            p = run(xflags + ["-a", "-o", os.path.splitext(c_file)[0] + ".html", pyx])
            if p.returncode != 0:
                return CompileError(pyx, p.stderr)
        return f"Compiling {pyx} because {why}.", "".join(msgs)

    workers = max(1, int(nthreads or 1))
    if workers > 1:
        with ThreadPoolExecutor(max_workers=workers) as ex:
            results = list(ex.map(generate, jobs))
    else:
        results = [generate(j) for j in jobs]
    errors = [r for r in results if isinstance(r, CompileError)]
    done = [r for r in results if isinstance(r, tuple)]
    for i, (what, warnings) in enumerate(done):
        if not quiet:
            print(f"[{i + 1}/{len(done)}] {what}", flush=True)
        if warnings:
            sys.stderr.write(warnings)
    if errors:
        for e in errors:
            sys.stderr.write(e.diagnostics)
        raise errors[0]

    rt = runtime_dir()
    exts = []
    for ext, name, pyx, c_file in jobs:
        opts = distutils_options(pyx)
        if ext is None:
            kw = {k: list(v) if isinstance(v, (list, tuple)) else v for k, v in ext_options.items()}
            for k, v in opts.items():
                kw.setdefault(k, []).extend(v)
            sources = [c_file] + kw.pop("sources", [])
            ext = Extension(name, sources, **kw)
        else:
            ext.sources = [c_file if s == pyx else s for s in ext.sources] + opts.pop("sources", [])
            for k, v in opts.items():
                setattr(ext, k, list(getattr(ext, k, None) or []) + v)
        # headers of 'cdef extern from' blocks are found next to the source
        ext.include_dirs = list(ext.include_dirs or []) + [os.path.dirname(pyx) or ".", rt]
        ext.extra_objects = list(ext.extra_objects or []) + [os.path.join(rt, "libpyxrt.a")]
        ext.extra_compile_args = list(ext.extra_compile_args or []) + _C_FLAGS
        ext.depends = list(ext.depends or []) + [os.path.join(rt, "pyx_rt.h")]
        if "m" not in (ext.libraries or []):
            ext.libraries = list(ext.libraries or []) + ["m"]
        exts.append(ext)
    return exts
