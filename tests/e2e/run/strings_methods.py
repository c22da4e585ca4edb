"""str, bytes and formatting methods through compiled calls."""


def main():
    s = "  Hello, World  "
    print(s.strip(), s.lower(), s.upper().split(","), s.replace("l", "L", 2))
    print("-".join(["a", "b", "c"]), "a,b,,c".split(","), "a b  c".split(), "x".center(5, "*"))
    print("abc".startswith(("x", "a")), "abc".endswith("bc"), "abcabc".find("c", 3), "abc".index("b"))
    print("%s=%d %.2f %r %x %o %e %%" % ("k", 42, 3.14159, "q", 255, 8, 12345.678))
    print("{0}-{1}-{0}".format("a", "b"), "{name}!".format(name="n"), format(1234567.891, ",.2f"))
    print(f"{'nested'!r:>12}|{3.5:08.3f}|{255:#x}|{'x' * 3}")
    b = b"bytes\x00\xff"
    print(b, b.hex(), len(b), b[1], b[1:3], bytes([65, 66]), bytearray(b"ab") + b"c")
    print("ß".upper(), "İ".lower(), "ǅ".title(), "straße".casefold(), "a\tb".expandtabs(4))
    print(str(1.0), str(1e100), repr(0.1 + 0.2), str(-0.0), int("  42  "), int("0x1f", 16), int("1_000"))
    print(sorted("banana"), "banana".count("an"), "a".join("xyz"), "abc"[::-1], "abcdef"[1:5:2])
    print(ord("€"), chr(8364), "€".encode("utf-8"), b"\xe2\x82\xac".decode(), ascii("é"))


main()
