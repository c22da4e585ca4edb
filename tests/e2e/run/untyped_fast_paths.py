"""Operators, comparisons and subscripts on objects in untyped code: the
runtime's fast paths for floats and small ints must give CPython's values,
types and errors at every edge (digit boundaries, signs, zero, NaN, bool,
subclasses, negative and out-of-range indexes)."""
import hashlib
import math

EDGES = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -(2**30) + 1, -(2**30), 2**31, 2**62, -(2**63),
         True, False, 0.0, -0.0, 2.5, -2.5, 1e308, float("inf"), float("-inf"), float("nan")]


MyInt = type("MyInt", (int,), {"__add__": lambda self, other: "MyInt.add"})
MyFloat = type("MyFloat", (float,), {"__lt__": lambda self, other: "MyFloat.lt"})


def show(f, a, b):
    try:
        r = f(a, b)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    if isinstance(r, float) and math.isnan(r):
        return "nan float"
    return "%r %s" % (r, type(r).__name__)


def arith():
    ops = [lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b,
           lambda a, b: a // b, lambda a, b: a % b, lambda a, b: a & b, lambda a, b: a | b,
           lambda a, b: a ^ b]
    out = []
    for a in EDGES:
        for b in EDGES:
            for op in ops:
                out.append(show(op, a, b))
    print(len(out), hashlib.sha256("\n".join(out).encode()).hexdigest())
    for line in out[::97]:
        print(line)
    return out


def inplace():
    out = []
    for a in EDGES:
        for b in EDGES[:12]:
            x = a
            try:
                x += b
                x -= 3
                x *= b
                x //= 7
                x %= 5
                x &= 6
                x |= 1
                x ^= 12
                x /= 2
            except Exception as e:
                x = type(e).__name__
            out.append(repr(x))
    print(out[::13], hashlib.sha256(repr(out).encode()).hexdigest())
    items = [1, 2]
    items += [3]
    items *= 2
    print(items)


def compare():
    out = []
    for a in EDGES:
        for b in EDGES:
            out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
            if a < b:
                out.append("lt")
            if a == b:
                out.append("eq")
            if not (a != b):
                out.append("not ne")
    print(len(out), len([x for x in out if x == "eq"]), out[::61], hashlib.sha256(repr(out).encode()).hexdigest())
    big = 2**53 + 1
    print(big == float(big), big > float(big), float(big) < big, 2**30 == 2.0**30)
    print(MyInt(3) + 4, MyFloat(1.5) < 2, 1 < MyFloat(2.5))
    nan = float("nan")
    print(nan == nan, nan != nan, [nan == nan], nan is nan)


def reuse():
    """Results written into float temporaries: never into a float someone holds."""
    x = 1.5
    y = (x + 1.0) * 2.0 - x / 3.0
    lst = [x * 1.0, 2.5]
    z = lst[0] + 1.0
    w = (lst[1] * 2.0) + lst[1]
    d = {"k": 0.5}
    v = d["k"] * 4.0 / (d["k"] + 0.5)
    q = (x * 2.0) / (x - 1.5) if x != 1.5 else (x * 2.0) / (x + 0.0)
    try:
        (x * 2.0) / (x - x)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    acc = 0.0
    for i in range(5):
        acc = acc * 1.5 + i
    print(x, y, lst, z, w, d, v, q, acc)


def subscripts():
    lst = [10, 20, 30]
    tup = (1, 2, 3)
    for i in (0, 2, -1, -3, True):
        print(lst[i], tup[i])
    for bad in (3, -4, 2**40, 1.0, "x"):
        for seq in (lst, tup):
            try:
                print(seq[bad])
            except Exception as e:
                print(type(e).__name__, e)
    lst[-1] = 99
    lst[0] += 1
    print(lst)
    try:
        lst[5] = 1
    except IndexError as e:
        print("IndexError", e)
    d = {1: "a", 1.0: "b", True: "c"}
    print(d[1], len(d))
    s = "hello"
    print(s[1], s[-1])


arith()
inplace()
compare()
subscripts()
reuse()
