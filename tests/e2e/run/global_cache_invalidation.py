"""Reads of globals and builtins see every change: rebinding, deleting,
shadowing a builtin by a global and through the builtins module (pyx_rt_get_global_cached).
(len() and the like are computed in C, as Cython does: assumed not shadowed at run time.)"""
import builtins
import types

counter = 1


def read_counter():
    return counter


def use_ascii(x):
    return ascii(x)


def use_range(n):
    return list(range(n))


def module_attrs():
    m = types.ModuleType("m1")
    m2 = types.ModuleType("m2")
    m.f = lambda: "first"
    m2.f = lambda: "other module"
    out = []
    for step in range(4):
        out.append(m.f())
        out.append(m2.f())
        if step == 1:
            m.f = lambda: "rebound"
    del m.f
    try:
        m.f()
    except AttributeError as e:
        out.append(str(e))
    m.__getattr__ = lambda name: "from __getattr__ " + name
    out.append(m.f)
    m.x = 1
    out.append(m.x)
    m.__dict__["x"] = 2
    out.append(m.x)
    out.append(m.__name__)
    out.append(builtins.len("abc"))
    print(out)


def main():
    print(read_counter())
    global counter
    counter = 2
    print(read_counter())
    globals()["counter"] = 3
    print(read_counter())
    del counter
    try:
        read_counter()
    except NameError as e:
        print("NameError:", e)
    counter = 4
    print(read_counter())

    print(use_ascii("abc"))
    globals()["ascii"] = lambda x: -1
    print(use_ascii("abc"))
    del globals()["ascii"]
    print(use_ascii("abc"))

    old = builtins.range
    builtins.range = lambda n: [n] * 2
    try:
        print(use_range(3))
    finally:
        builtins.range = old
    print(use_range(3))
    saved = builtins.ascii
    del builtins.ascii
    try:
        use_ascii("x")
    except NameError as e:
        print("NameError:", e)
    finally:
        builtins.ascii = saved
    print(use_ascii("xy"))


main()
module_attrs()
