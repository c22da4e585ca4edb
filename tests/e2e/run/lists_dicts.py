def main():
    xs = [5, 3, 8, 1]
    xs.append(7)
    xs.sort()
    print(xs, xs[0], xs[-1], xs[1:3], len(xs), sum(xs))
    xs[2] = 100
    xs += [0]
    print(xs, xs.index(100), xs.count(0), sorted(xs, reverse=True))
    d = {"a": 1, "b": 2}
    d["c"] = 3
    d["a"] += 10
    print(d, list(d.keys()), list(d.values()), d.get("z", -1), "b" in d)
    t = (1, 2, 3)
    print(t, t[1], t + (4,), len(t), tuple(xs)[:2])
    s = {3, 1, 2}
    s.add(5)
    print(sorted(s), 2 in s, len(s))
    nested = [[1, 2], [3, [4, 5]]]
    print(nested[1][1][0], nested)
