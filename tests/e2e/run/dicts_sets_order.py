"""Insertion order, views, set algebra and comprehension scoping of dicts and sets."""


def main():
    d = {}
    for k in ["b", "a", "c", "a"]:
        d[k] = d.get(k, 0) + 1
    print(d, list(d), list(d.values()), list(d.items()))
    del d["b"]
    d["b"] = 9
    print(d, sorted(d.keys() & {"a", "z"}), sorted(d.keys() - {"a"}))
    d2 = {**d, "a": 100, **{"z": 0}}
    print(d2, d | {"q": 1}, {k: v for k, v in sorted(d2.items(), key=lambda kv: kv[1])})
    s = {3, 1, 2}
    print(sorted(s), s | {4}, s & {1, 5}, s - {1}, s ^ {1, 9}, {x % 2 for x in range(5)})
    print(sorted({1.0, 1, True}), {1: "a", 1.0: "b"}, {(1, 2): "t"}[(1, 2)])
    fs = frozenset([1, 2])
    print(fs, fs | {3}, hash(fs) == hash(frozenset([2, 1])))
    counts = {}
    for w in "the quick the lazy the end".split():
        counts.setdefault(w, []).append(len(w))
    print(counts, min(counts, key=lambda k: len(counts[k])), max(counts.values()))
    x = "outer"
    r = [x for x in "ab"]
    print(r, x)


main()
