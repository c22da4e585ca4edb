"""Comprehension variables do not leak; nested comprehensions; conditions; the first iterable."""


def main():
    x = "kept"
    squares = [x * x for x in range(5)]
    print(squares, x)
    matrix = [[i * j for j in range(3)] for i in range(3)]
    print(matrix, [v for row in matrix for v in row if v % 2 == 0])
    pairs = {(a, b) for a in range(3) for b in range(a)}
    print(sorted(pairs))
    inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
    print(inv)
    n = 3
    print([[n for n in range(n)] for _ in range(2)], n)
    words = ["apple", "bob", "kayak", "zed"]
    print([w.upper() if w == w[::-1] else w for w in words if len(w) > 2])
    print([(i, c) for i, c in enumerate("ab", start=1)], dict(zip("abc", range(3))))
    funcs = [lambda: i for i in range(3)]
    print([f() for f in funcs])
    try:
        print([y for y in undefined_name])
    except NameError as e:
        print("NameError", e)


main()
