def f(a, b, *, c):
    return a + b + c


def main():
    print(f(1, 2, c=3))
    print(f(1, c=3))
