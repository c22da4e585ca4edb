def check(x):
    assert x > 0, "x must be positive, got %d" % x
    return x


def main():
    print(check(3))
    check(-2)
