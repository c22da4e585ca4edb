# Lambdas inside comprehensions: each comprehension is a scope of its own
# (Python 3.11), so a lambda sees the comprehension's variable in a cell
# new for each run of it.


def lambdas_in_listcomp():
    fs = [lambda: x for x in range(3)]
    gs = {k: (lambda: k * 2) for k in "ab"}
    hs = {lambda y=y: y for y in (1,)}
    return [f() for f in fs], {k: g() for k, g in gs.items()}, [h() for h in hs]


def each_run_its_own_cell():
    batches = []
    for n in (2, 4):
        batches.append([lambda: v for v in range(n)])
    return [[f() for f in b] for b in batches]


def comprehension_reads_cell():
    base = 10
    add = lambda v: v + base
    base = 20
    return [add(i) + base for i in range(3)], add(0)


def nested_comprehensions():
    grid = [[lambda: (r, c) for c in range(2)] for r in range(2)]
    return [[f() for f in row] for row in grid]


def closure_uses_comprehension():
    scale = 3

    def scaled(xs):
        return [x * scale for x in xs if x % 2]
    return scaled([1, 2, 3, 4, 5])


def walrus_in_closure():
    def last(xs):
        found = None
        [found := x for x in xs if x > 1]
        return found
    return last([0, 3, 1, 5, 1])


module_level = [lambda: m for m in range(4)]
module_pairs = [(lambda a=a: a)() for a in "xy"]


def main():
    print(lambdas_in_listcomp())
    print(each_run_its_own_cell())
    print(comprehension_reads_cell(), nested_comprehensions())
    print(closure_uses_comprehension(), walrus_in_closure())
    print([f() for f in module_level], module_pairs, module_level[0].__qualname__)
    print([f.__closure__[0].cell_contents for f in module_level[:1]], module_level[0].__code__.co_freevars)
