"""Numeric conversions, rounding and formatting."""
import math


def main():
    print(round(2.675, 2), round(-0.5), round(1.5), round(12345, -2), round(7.0))
    print(int(3.99), int(-3.99), math.floor(-2.5), math.ceil(-2.5), math.trunc(2.7))
    print(divmod(17, 5), divmod(-17, 5), divmod(17.5, -5), pow(3, 4, 5), pow(2, -1, 7))
    print(abs(-7), abs(-2.5), abs(3 + 4j), complex(1, 2) * 1j, (1 + 2j).conjugate())
    print(0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), float("inf") > 1e308, math.nan != math.nan)
    print(format(0.000012345, ".3g"), format(123456789, "_"), format(-42, "+05d"), format(3.5, "%"))
    print(bin(10), oct(64), hex(-255), int("101", 2), int("z", 36), (1024).bit_length())
    print(2 ** 64, -(2 ** 63) - 1, 10 ** 30 // 7, 10 ** 30 % 7, (10 ** 30).to_bytes(13, "big")[:3])
    print(1 / 3, 2 / 3 * 3, 1e16 + 1, 7 // 2.0, -7 // 2.0, 7 % -3, -7 % 3, 7.5 % -2)
    print(sum([0.1] * 10), math.fsum([0.1] * 10), max(1, 2.0), min([3, 1.5, 2]), sum(range(101)))
    print(float.fromhex("0x1.8p1"), (0.5).hex(), (2.5).as_integer_ratio(), int(1e20), float(2 ** 60))


main()
