"""Assignment evaluates the value before the targets, targets left to right."""


def t(tag, value):
    print("eval", tag)
    return value




def main():
    a = [0, 0, 0]
    i = 0
    i, a[i] = 1, 5
    print(i, a)
    x = y = t("value", [1])
    print(x is y)
    a[t("i1", 0)], a[t("i2", 1)] = t("v", (7, 8))
    print(a)
    d = {}
    d[t("k", "key")] = d.get("key", 0) + t("n", 1)
    print(d)
    s = [1, 2, 3]
    s[t("lo", 0):t("hi", 2)] = t("rhs", [9])
    print(s)
    first, *rest = t("it", "abc")
    print(first, rest)


main()
