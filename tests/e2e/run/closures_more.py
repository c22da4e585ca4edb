# More corners: nonlocal parameters, cells assigned by every kind of
# binding, comprehensions inside comprehensions, deep nesting.


def nonlocal_param(x):
    def inc(by=1):
        nonlocal x
        x += by
        return x
    x = x * 10
    return inc


def bindings_into_cells(items):
    import os.path as osp
    out = []
    for k, v in items:
        out.append(lambda: (k, v))
    with open(__file__) as fh:
        first = lambda: fh.closed
    try:
        raise ValueError("v")
    except ValueError as err:
        msg = str(err)
    seen = lambda: (osp.basename("a/b"), msg, first())
    return [f() for f in out], seen()


def nested_comprehension_cells():
    grid = [[lambda: (i, j) for j in range(2)] for i in range(2)]
    flat = [lambda: (i, j) for i in range(2) for j in range(2)]
    return [[f() for f in row] for row in grid], [f() for f in flat]


def deep_nesting(v):
    def l1():
        def l2():
            def l3():
                def l4():
                    def l5():
                        return v
                    return l5
                return l4
            return l3
        return l2
    f = l1()()()()
    return f(), f.__qualname__, f.__code__.co_freevars, l1.__code__.co_freevars


def mutate_containers():
    acc = []
    table = {"n": 0}

    def add(x):
        acc.append(x)
        table["n"] += 1
        acc[0] += 100
        return len(acc)
    add(1)
    add(2)
    return acc, table


def delete_and_rebind():
    x = 1
    get = lambda: x
    out = [get()]
    for i in range(3):
        del x
        x = i * 2
        out.append(get())
    return out


def star_capture(*args, **kwargs):
    return lambda: (args, sorted(kwargs))


def def_in_function_loop():
    made = []
    for i in range(3):
        def rec(n, i=i):
            return i if n == 0 else rec(n - 1)
        made.append(rec)
    return [f(2) for f in made]


def conditional_binding(flag):
    if flag:
        value = "set"

    def get():
        return value
    try:
        return get()
    except NameError as e:
        return str(e)


def main():
    inc = nonlocal_param(1)
    print(inc(), inc(5), inc.__closure__[0].cell_contents)
    print(bindings_into_cells([("a", 1), ("b", 2)]))
    print(nested_comprehension_cells(), deep_nesting("deep"), mutate_containers())
    print(delete_and_rebind(), star_capture(1, 2, z=3)(), def_in_function_loop())
    print(conditional_binding(True), conditional_binding(False))
