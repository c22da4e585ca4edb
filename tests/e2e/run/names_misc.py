# Small constructs: a[*b] (PEP 646), __builtins__, __debug__ and assert
# (compiled code follows the running interpreter's -O), del of globals,
# locals, cells and nonlocals in every position, global declarations.
keys = type("Keys", (), {"__getitem__": lambda self, k: k})()   # no classes yet
b = [1, 2]
print(keys[*b], keys[0, *b], keys[*b, 3])
print(type(__builtins__).__name__, "len" in __builtins__, __debug__)
G = 5
H = 6
if G:
    del H
try:
    print(H)
except NameError as e:
    print(e)
try:
    del H
except NameError as e:
    print("module del:", e)


def del_global():
    global G
    del G
    try:
        del G
    except NameError as e:
        print(e)
    try:
        G
    except NameError as e:
        print("read:", e)
    G = 10


def del_locals(n):
    y = 1
    del y
    try:
        del y
    except NameError as e:
        print(type(e).__name__, e)
    for i in range(n):
        del i
    try:
        print(i)
    except UnboundLocalError as e:
        print("loop var:", e)
    a, c = 1, 2
    del (a, [c])
    try:
        pass
    finally:
        d = 4
        del d
    try:
        1 / 0
    except ZeroDivisionError as e:
        del e
    return sorted(locals())


def del_cells():
    x = 1

    def read():
        return x
    del x
    try:
        read()
    except NameError as e:
        print("cell:", e)

    def outer():
        z = 2

        def inner():
            nonlocal z
            del z
        inner()
        try:
            return z
        except NameError as e:
            return f"nonlocal: {e}"
    return outer()


def asserts(v):
    assert v, f"falsy {v!r}"
    if __debug__:
        return "debug on"
    return "debug off"


def main():
    del_global()
    print(G)
    print(del_locals(3))
    print(del_cells())
    print(asserts(1))
    try:
        asserts(0)
    except AssertionError as e:
        print("assert:", e)
