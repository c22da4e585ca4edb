def add(a, b=10, *, scale=1):
    return (a + b) * scale


def describe(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "big"


def apply(f, values):
    out = []
    for v in values:
        out.append(f(v))
    return out


def main():
    print(add(1), add(1, 2), add(1, scale=3), add(b=1, a=2))
    print(apply(describe, [-5, 0, 3, 50]))
    print(apply(len, ["a", "bb", ""]), apply(abs, [-1, 2]))
    print(describe.__name__, callable(add))
