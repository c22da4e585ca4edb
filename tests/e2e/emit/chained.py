def classify(x):
    return "in" if 0 <= x < 10 else "out"


def main():
    a = b = c = 5
    print(a, b, c, classify(-1), classify(5), classify(10))
    x = [1, 2]
    y = x
    y.append(3)
    print(x is y, x == [1, 2, 3], not x, x and "yes", [] or "empty", x is not None)
    print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, "a" != "b")
