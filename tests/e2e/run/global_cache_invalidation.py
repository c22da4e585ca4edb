"""Reads of globals and builtins see every change: rebinding, deleting,
shadowing a builtin by a global and through the builtins module (pyx_rt_get_global_cached).
(len() and the like are computed in C, as Cython does: assumed not shadowed at run time.)"""
import builtins

counter = 1


def read_counter():
    return counter


def use_ascii(x):
    return ascii(x)


def use_range(n):
    return list(range(n))


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
