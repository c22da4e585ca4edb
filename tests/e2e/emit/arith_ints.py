def show(label, values):
    print(label, values)


def main():
    for a in (-7, -1, 0, 3, 10**20, -(10**20)):
        for b in (-3, 1, 7, 2**64):
            show("ops", (a, b, a + b, a - b, a * b, a // b, a % b, a / b))
            show("cmp", (a < b, a <= b, a == b, a != b, a > b, a >= b))
    show("pow", (2 ** 100, (-3) ** 3, 2 ** -1, pow(3, 4, 5)))
    show("bits", (5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -(2**70) >> 3))
    show("builtins", (abs(-5), min(3, 1, 2), max([4, 9, 2]), divmod(-7, 2), round(2.5), round(3.5)))
