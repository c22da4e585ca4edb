"""Import .pyx modules directly, compiling them on first import (like pyximport).

    import pyxc.importer
    pyxc.importer.install()
    import my_module          # finds my_module.pyx on sys.path and compiles it

Built modules are cached per Python ABI under
${PYXC_CACHE_DIR:-~/.cache/pyxc}/import/<soabi>/, keyed by the source's path,
and rebuilt when the source or a file it includes or cimports changes
(compared by content).  A module that does not compile raises ImportError
whose message is pyxc's diagnostics (also in its .diagnostics attribute).
"""
import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import sysconfig
import tempfile

from . import run
from .build import dependencies

__all__ = ["install", "uninstall", "PyxcFinder"]


def _cache_root():
    base = os.environ.get("PYXC_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "pyxc")
    abi = sysconfig.get_config_var("SOABI") or sys.implementation.cache_tag
    return os.path.join(base, "import", abi)


def _digest(paths):
    h = hashlib.sha256()
    for p in paths:
        h.update(p.encode() + b"\0")
        try:
            with open(p, "rb") as f:
                h.update(f.read())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


class PyxcFinder(importlib.abc.MetaPathFinder):
    """Finds NAME.pyx on the search path and returns a spec whose loader is
    the compiled extension module."""

    def __init__(self, build_dir=None, quiet=True):
        self.build_dir = build_dir
        self.quiet = quiet

    def find_spec(self, fullname, path=None, target=None):
        last = fullname.rpartition(".")[2]
        for entry in (path if path is not None else sys.path):
            entry = entry or os.getcwd()
            if not isinstance(entry, str) or not os.path.isdir(entry):
                continue
            src = os.path.join(entry, last + ".pyx")
            if os.path.isfile(src):
                so = self.build(fullname, src)
                loader = importlib.machinery.ExtensionFileLoader(fullname, so)
                spec = importlib.util.spec_from_file_location(fullname, so, loader=loader)
                return spec
        return None

    def build(self, fullname, src):
        src = os.path.abspath(src)
        root = self.build_dir or _cache_root()
        key = hashlib.sha256(src.encode()).hexdigest()[:16]
        out_dir = os.path.join(root, key)
        so = os.path.join(out_dir, fullname.rpartition(".")[2] + sysconfig.get_config_var("EXT_SUFFIX"))
        stamp = so + ".json"
        deps = dependencies(src)
        digest = _digest(deps)
        try:
            with open(stamp) as f:
                if json.load(f).get("digest") == digest and os.path.exists(so):
                    return so
        except (OSError, ValueError):
            pass
        os.makedirs(out_dir, exist_ok=True)
        # built beside the final name, then renamed: a racing import sees
        # the old module or the new one, never half of one
        fd, tmp = tempfile.mkstemp(prefix=".build-", suffix=os.path.basename(so), dir=out_dir)
        os.close(fd)
        os.unlink(tmp)
        tmp_dir = tmp + ".d"
        os.makedirs(tmp_dir)
        try:
            p = run(["-o", tmp_dir, src])
            if p.returncode != 0:
                err = ImportError(f"pyxc could not compile {src}:\n{p.stderr.rstrip()}", name=fullname,
                                  path=src)
                err.diagnostics = p.stderr
                raise err
            if p.stderr and not self.quiet:
                sys.stderr.write(p.stderr)
            built = os.path.join(tmp_dir, os.path.basename(so))
            os.replace(built, so)
            with open(stamp + ".tmp", "w") as f:
                json.dump({"source": src, "digest": digest, "deps": deps}, f)
            os.replace(stamp + ".tmp", stamp)
        finally:
            for name in os.listdir(tmp_dir):
                os.unlink(os.path.join(tmp_dir, name))
            os.rmdir(tmp_dir)
        return so


_installed = None


def install(build_dir=None, quiet=True):
    """Puts the .pyx finder first on sys.meta_path; returns it.  build_dir
    replaces the per-ABI cache directory."""
    global _installed
    uninstall()
    _installed = PyxcFinder(build_dir=build_dir, quiet=quiet)
    sys.meta_path.insert(0, _installed)
    return _installed


def uninstall():
    global _installed
    if _installed in sys.meta_path:
        sys.meta_path.remove(_installed)
    _installed = None
