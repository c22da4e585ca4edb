"""Arguments, keywords, subscripts and displays are evaluated left to right."""


def t(tag, value=None):
    print("eval", tag)
    return tag if value is None else value


def f(*args, **kwargs):
    return args, sorted(kwargs.items())


def main():
    print(f(t("a"), t("b"), x=t("c"), y=t("d")))
    print({t("k1"): t("v1"), t("k2"): t("v2")})
    print([t("l1"), t("l2")], (t("t1"), t("t2")))
    d = {}
    d[t("key")] = t("value")
    print(d)
    print(t("left", 1) + t("right", 2) * t("mul", 3))
    print(t("obj", [10, 20, 30])[t("idx", 1)])
    print(t("a", 1) < t("b", 2) < t("c", 0) < t("never", 5))
    print(t("x", 0) or t("y", "") or t("z", "z"))
    print(t("p", 1) and t("q", 2) and t("r", 0) and t("s", 9))
    print(f(*[t("s1")], *(t("s2"),), **{t("kk"): t("vv")}))


main()
