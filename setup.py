# setup.py - 'pip install . --no-build-isolation' (or 'python3 setup.py install')
# installs the pyxc Python package (integration/python/pyxc) together with the
# compiler binary and the runtime sources it links, so that 'pyxc.build.pyxcize',
# 'pyxc.importer' and 'python -m pyxc' work without 'make install'.
# The compiler is built with 'make' (see 'make deps' for what it needs).
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

ROOT = os.path.dirname(os.path.abspath(__file__))


def version():
    with open(os.path.join(ROOT, "compiler", "version.h")) as f:
        for line in f:
            if "PYX_VERSION" in line and '"' in line:
                return line.split('"')[1]
    return "0"


class BuildWithCompiler(build_py):
    """Builds build/pyxc with make, then bundles it and the runtime sources
    into the package (pyxc/_bin/pyxc, pyxc/_runtime/)."""

    def run(self):
        super().run()
        subprocess.check_call(["make", "-C", ROOT, "--no-print-directory", "build/pyxc"])
        pkg = os.path.join(self.build_lib, "pyxc")
        os.makedirs(os.path.join(pkg, "_bin"), exist_ok=True)
        shutil.copy2(os.path.join(ROOT, "build", "pyxc"), os.path.join(pkg, "_bin", "pyxc"))
        rt = os.path.join(pkg, "_runtime")
        os.makedirs(rt, exist_ok=True)
        for name in os.listdir(os.path.join(ROOT, "runtime")):
            if name.endswith((".c", ".h")):
                shutil.copy2(os.path.join(ROOT, "runtime", name), rt)


class BinaryDistribution(Distribution):
    """The package carries a compiled program: its wheel is platform-specific."""

    def has_ext_modules(self):
        return True


setup(
    name="pyxc",
    version=version(),
    description="pyxc: compile Cython-style annotated Python to CPython extension modules",
    packages=["pyxc"],
    package_dir={"": "integration/python"},
    cmdclass={"build_py": BuildWithCompiler},
    distclass=BinaryDistribution,
    entry_points={"console_scripts": ["pyxc = pyxc.__main__:main"]},
    options={"build": {"build_base": "build/setuptools"},
             "egg_info": {"egg_base": "build/setuptools"}},
    zip_safe=False,
)
