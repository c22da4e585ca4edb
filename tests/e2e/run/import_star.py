# 'from m import *': __all__ when the module has one, else its public
# names; a builtin it shadows is shadowed in compiled code too.
import os
import sys
from os import *
from stat import *
from os.path import *


def shadowed():
    return open is os.open, len("abc")


def uses_star_names():
    return S_ISDIR(0o040755), join("a", "b"), basename("/x/y")


def module_getattr_works():
    return sys.modules[__name__].dynamic_name


def __getattr__(name):
    return "computed " + name


print(shadowed())
print(uses_star_names())
print(module_getattr_works())
print(sorted([k for k in globals() if k in ("S_ISDIR", "join", "_wrap_close", "getcwd")]))
for i in range(3):
    pass
print(i, abs(-2), max(1, 5))
