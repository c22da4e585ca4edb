def main():
    xs = [0.1, -2.5, 3.0, 1e300, -1e-300, 7.25]
    for a in xs:
        for b in xs:
            print(a + b, a - b, a * b, a / b, a // b, a % b)
    x = 1.5
    x = x * 2.0
    x = x - 0.25
    print(x, round(x, 1), int(x), float("inf") > 1e308, -0.0, abs(-0.0))
    print(1 / 3, 2 ** 0.5, 10 ** -2, 0.1 + 0.2 == 0.3)
