"""The messages of common run-time errors, compiled as interpreted."""


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, str(e))
    else:
        print(label, "ok", repr(r))


def main():
    d = {"a": 1}
    lst = [1, 2, 3]
    attempt("key", lambda: d["b"])
    attempt("key tuple", lambda: d[(1, 2)])
    attempt("index", lambda: lst[10])
    attempt("index neg", lambda: lst[-10])
    attempt("attr", lambda: lst.nope)
    attempt("attr none", lambda: None.x)
    attempt("call", lambda: 5())
    attempt("add", lambda: 1 + "a")
    attempt("radd", lambda: "a" + 1)
    attempt("mul", lambda: [1] * 1.5)
    attempt("sub", lambda: {1} - [1])
    attempt("int", lambda: int("12x"))
    attempt("float", lambda: float("nope"))
    attempt("unpack few", lambda: [a for a, b in [(1,)]])
    attempt("hash", lambda: {[1]: 2})
    attempt("iter", lambda: [x for x in 5])
    attempt("len", lambda: len(5))
    attempt("cmp", lambda: 1 < "a")
    attempt("div", lambda: 1 // 0)
    attempt("mod", lambda: 1.0 % 0)
    attempt("pow", lambda: 0 ** -1)
    attempt("shift", lambda: 1 << -1)
    attempt("str idx", lambda: "abc"[5])
    attempt("tuple assign", lambda: (1, 2).__setitem__(0, 1))
    attempt("dict pop", lambda: {}.pop("x"))
    attempt("list remove", lambda: [].remove(1))
    attempt("bad arg", lambda: sorted([1], foo=1))
    attempt("chr", lambda: chr(-1))
    attempt("overflow", lambda: 10.0 ** 400)


main()
