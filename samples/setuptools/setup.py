# A user project built with setuptools and pyxc: 'python3 setup.py build_ext
# --inplace' or 'pip install . --no-build-isolation'.  The only pyxc-specific
# line is the import: pyxcize takes what Cython's cythonize takes.
from setuptools import setup
from pyxc.build import pyxcize

setup(
    name="tutorial",
    version="1.0",
    packages=["tutorial"],
    ext_modules=pyxcize("tutorial/*.pyx"),
    # the type stubs pyxcize writes next to each module, and the PEP 561 marker
    package_data={"tutorial": ["*.pyi", "py.typed"]},
    zip_safe=False,
)
