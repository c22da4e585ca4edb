"""Recursive algorithms over Python data: memoised paths, permutations, tree depth, Ackermann."""


def paths(r, c, memo):
    if r == 0 or c == 0:
        return 1
    key = (r, c)
    if key not in memo:
        memo[key] = paths(r - 1, c, memo) + paths(r, c - 1, memo)
    return memo[key]


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out


def depth(tree):
    if not isinstance(tree, list):
        return 0
    return 1 + max([depth(t) for t in tree], default=0)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def flatten(x, out):
    for item in x:
        if isinstance(item, (list, tuple)):
            flatten(item, out)
        else:
            out.append(item)
    return out


def main():
    print(paths(16, 16, {}), len(permutations(list("abcde"))), permutations([1, 2, 3])[:3])
    print(depth([1, [2, [3, [4]], []], 5]), ackermann(2, 3), flatten([1, (2, [3, [4, (5,)]]), 6], []))


main()
