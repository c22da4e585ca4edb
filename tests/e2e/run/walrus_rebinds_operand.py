"""An operand read before a ':=' that rebinds it keeps the value it had (CPython's order)."""


def f0():
    x = [1]
    r = x.append((x := "abc").upper())
    print(x, r)
    g = len
    print(g((g := str)(5)))


def f():
    a = 10
    print(a + (a := 3), a)
    b = [1, 2]
    print(b[(b := [5, 6, 7]) and 0], b)
    d = {}
    d[(d := {"k": 1}) and "z"] = 2
    print(d)


def h():
    s = "ab"
    t = s + (s := "cd") + s
    print(t, s)
    n = 5
    print(n * (n := 2) - n, n)
    o = [3, 1, 2]
    print(o.index((o := [9, 3]) and 1), o)


f0()
f()
h()
