# setup.py - the seed guide's build script for my_module.pyx, with Cython.
# pyxc's own equivalent is 'pyxc my_module.pyx' (or its setuptools helper).
from setuptools import setup
from Cython.Build import cythonize

setup(
    ext_modules = cythonize("my_module.pyx")
)
