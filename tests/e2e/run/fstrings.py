# f-strings: conversions, format specs with nested fields, self-documenting
# '=', C-typed values, escapes of braces.
def main():
    x = 3.14159
    name = "pyxc"
    w = 10
    items = [1, 2]
    print(f"{name!r:>{w}}|{x:.2f}|{x=}|{items}|{{literal}}|{name!s}{name!a}")
    print(f"{'nested ' + f'{w:03d}'}", f"{w:x} {w:#o} {-w:+}", f"")
    total = 0
    for i in range(3):
        total += i
        print(f"i={i} total={total:>4}")
    print(f"{x!r:^20}", f"{'é'!a}")
