# Variable annotations as CPython 3.11 runs them: a value-less attribute
# or subscript target evaluates its parts; at module level the module has
# __annotations__, simple names are stored there, other targets' annotations
# are evaluated and dropped; in functions annotations are not evaluated.
import types

log = []


def note(what, value=None):
    log.append(what)
    return value


ns = types.SimpleNamespace()
d = {}

x: note("ann x", int)
y: note("ann y", str) = note("value y", 5)
note("obj", ns).attr: note("ann attr", float)
note("dict", d)[note("key", "k")]: note("ann item", bytes)
note("dict", d)[note("lo", 1):note("hi", 2), note("idx", 3)]: note("ann slice", list)
(z): note("ann z", dict)
note("obj", ns).set_attr: note("ann set", int) = note("value set", 7)
print(log)
print(__annotations__)
print(ns, d)
del log[:]


def in_function():
    q = types.SimpleNamespace()
    e = {}
    a: note("never", int)
    b: note("never", int) = note("value b", 1)
    note("fobj", q).w: note("never", int)
    note("fdict", e)[note("fkey", 0)]: note("never", int)
    note("fdict", e)[::note("fstep", 2)]: note("never", int)
    return b, q, e


def bad_target():
    n = None
    n.attr: int          # evaluates n only: no AttributeError
    missing_name.attr: int


def main():
    print(in_function(), log)
    try:
        bad_target()
    except NameError as e:
        print("NameError:", e)
    print(sorted(__annotations__))
    keys = type("Keys", (), {"__getitem__": lambda self, k: k})()   # no classes yet
    lo = 2
    print(keys[1, :2], keys[lo:, ::-1, 3:lo:], keys[:, ...], [0, 1, 2, 3][1:3])


class_free = 1
