# Plain Python numbers must behave as CPython's, wherever pyxc keeps them in C.
def powers():
    y = 3
    x = 10.0
    print(y ** 0x3, y ** 1_0, 2 ** 0b11, 7 ** 0o2)
    try:
        print(x ** 400)
    except OverflowError as e:
        print("OverflowError", e)
    print((-8.0) ** (1 / 3))
    try:
        print(0.0 ** -1)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(2.0 ** 5000)
    except OverflowError as e:
        print("OverflowError", e)
    print(2 ** -1, 2 ** 64, 10 ** 30)


def folding():
    print(-(-9223372036854775807 - 1))
    print(abs(-2**63), abs(-5), abs(-2.5))
    print(True + (2**63 - 1), True + True, True ^ False, True & True, False | False)
    print(9007199254740993 == 9007199254740992.0, 9007199254740992 == 9007199254740992.0)
    print(2**53 + 1 > 2.0**53, 1 < 1.5, 3 >= 3.0)
    big = 123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
    print(big, big % 1000)
    print(1 // 3, -7 // 2, -7 % 3, 7 % -3, 1 << 62, -1 >> 3)


def conditional(c):
    a = 1.5 if c else 0
    b = 2**53 + 1 if c else 0.5
    d = c and 2.5
    e = 0 or c
    print(a, b, d, e, type(a).__name__, type(d).__name__)


def methods():
    x = 256
    print((3).bit_length(), x.to_bytes(2, "big"), (2.5).is_integer(), (255).to_bytes(1, "little"))
    f = 1.5
    print(f.as_integer_ratio(), f.hex())


def divisions():
    for a, b in [(1.0, 0.0), (1, 0), (5.5, 2.0), (-7.5, 2.0)]:
        try:
            print(a, "/", b, "=", a / b)
        except ZeroDivisionError as e:
            print(a, "/", b, "ZeroDivisionError", e)
        try:
            print(a, "//", b, "=", a // b)
        except ZeroDivisionError as e:
            print(a, "//", b, "ZeroDivisionError", e)
        try:
            print(a, "%", b, "=", a % b)
        except ZeroDivisionError as e:
            print(a, "%", b, "ZeroDivisionError", e)
    x = 1.0
    try:
        print(x / 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(x // 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(x % 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)


def runtime_errors():
    try:
        raise 1
    except TypeError as e:
        print("TypeError", e)
    try:
        with 5:
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


powers()
folding()
conditional(True)
conditional(False)
methods()
divisions()
runtime_errors()


# operators CPython refuses only when they run: TypeError then, not a build error
def refused_at_run_time():
    out = []
    for case in ("matmul", "float_and", "float_shift"):
        try:
            if case == "matmul":
                3 @ 4
            elif case == "float_and":
                1.5 & 2
            else:
                2.0 << 1
        except TypeError as e:
            out.append(str(e))
    return out


print(refused_at_run_time())
