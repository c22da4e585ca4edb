"""A JSON-like tree walk: nested dicts and lists built and folded recursively (plain Python)."""


def build(depth, seed):
    if depth == 0:
        if seed % 3 == 0:
            return "leaf%d" % (seed % 17)
        if seed % 3 == 1:
            return seed % 101
        return (seed % 13) * 0.5
    node = {"id": seed, "name": "n%d" % seed, "children": []}
    for k in range(4):
        node["children"].append(build(depth - 1, seed * 4 + k + 1))
    if seed % 2:
        node["meta"] = {"tags": ["a", "b", str(seed % 5)], "weight": seed % 7}
    return node


def walk(obj):
    """(number of nodes, sum of numbers, total length of strings)"""
    if isinstance(obj, dict):
        nodes, num, text = 1, 0, 0
        for key, value in obj.items():
            text += len(key)
            n2, s2, t2 = walk(value)
            nodes += n2
            num += s2
            text += t2
        return nodes, num, text
    if isinstance(obj, list):
        nodes, num, text = 1, 0, 0
        for item in obj:
            n2, s2, t2 = walk(item)
            nodes += n2
            num += s2
            text += t2
        return nodes, num, text
    if isinstance(obj, str):
        return 1, 0, len(obj)
    return 1, obj, 0


def run(n):
    nodes = num = text = 0
    for i in range(n):
        tree = build(5, i)
        a, b, c = walk(tree)
        nodes += a
        num += b
        text += c
    return nodes * 1000000000 + int(num * 2) * 1000 + text % 1000


BENCH_N = 120
CHECK_N = 2
CHECK_RESULT = 6822446039617
