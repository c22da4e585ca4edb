# Comprehensions have scopes of their own; their first iterable does not.
data = [[1, 2], [3, 4]]

flat = [x for row in data for x in row]
squares = {x: x * x for x in range(10) if x % 2}
unique = {abs(x) for x in flat}
gen = (x for x in flat if x > 1)
nested = [[y for y in row] for row in data]
outer_in_inner = [[row for y in row] for row in data]

# walrus at module level binds a global
total = [last := x for x in flat]
runs = [[inner := y for y in row] for row in data]


def walrus_in_function(items):
    if any((hit := item) > 2 for item in items):
        return hit
    [[deep := i + j for i in items] for j in items]
    return deep


def walrus_global(items):
    global found
    [found := item for item in items]


def comprehension_closure(n):
    return [lambda: i + n for i in range(n)]


def generators():
    g = (y for y in range(3))
    h = ((a, b) for a in g for b in range(a))
    return list(h)


async def async_comprehensions(aiter):
    values = [v async for v in aiter]
    awaited = [await v for v in values]
    lazy = (v async for v in aiter)
    return values, awaited, lazy


def iter_var_used_in_condition(items):
    return [x for x in items if x for y in x if y]


def listcomp():
    # a name equal to a comprehension's scope name counts as a namespace
    listcomp = [q for q in range(2)]
    return listcomp
