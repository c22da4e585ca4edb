# List, set and dict comprehensions: nested clauses, conditions, scoping
# (the loop variable does not leak), C loops over range(), errors inside.
SQUARES = [i * i for i in range(6)]
x = "outer"
LEAK = [x for x in "ab"]


def pairs(n):
    return [(i, j) for i in range(n) for j in range(i) if (i + j) % 2]


def inverted(d):
    return {v: k for k, v in d.items() if v is not None}


def unique_lengths(words):
    return {len(w) for w in words}


def nested(rows):
    return [[c * 2 for c in row] for row in rows if row]


def idx(n):
    return [k for k in range(0, n, 3)]


def failing(items):
    return [10 // v for v in items]


def main():
    print(SQUARES, LEAK, x)
    print(pairs(4), inverted({"a": 1, "b": None, "c": 3}), sorted(unique_lengths(["a", "bb", "cc", "ddd"])))
    print(nested([[1, 2], [], [3]]), idx(10))
    try:
        failing([1, 0])
    except ZeroDivisionError as e:
        print("caught", e)
    failing([5, 0])
