# generator expressions: which names are read where and when
x = "module x"


def first_iterable_now():
    items = [1, 2, 3]
    g = (i * 2 for i in items)
    items = [10]          # the first iterable was taken already
    return list(g)


print(first_iterable_now())


def others_late():
    ys = [1, 2]
    g = (i + j for i in range(2) for j in ys)
    ys = [100, 200]       # read when the loop reaches it
    return list(g)


print(others_late())


def condition_late():
    limit = 1
    g = (i for i in range(5) if i > limit)
    limit = 3
    return list(g)


print(condition_late())


def unbound_later():
    g = (z for _ in range(1))
    try:
        list(g)
    except NameError as e:
        print("NameError:", e)
    z = 5
    return list(z for _ in range(2))


print(unbound_later())


def creation_errors():
    try:
        (i for i in undefined_thing)
    except NameError as e:
        print("at creation:", e)
    try:
        (i for i in 42)
    except TypeError as e:
        print("at creation:", e)
    g = (i for i in [1] for j in undefined_other)
    print("created fine")
    try:
        next(g)
    except NameError as e:
        print("at first next:", e)


creation_errors()
print(list(x for _ in range(1)))
print([list(k for _ in range(2)) for k in "ab"])
print(list((lambda: i)() for i in range(3)))
print([f() for f in list(lambda: i for i in range(3))])


def nested_genexps(n):
    return list(list(i * j for j in range(i)) for i in range(n))


print(nested_genexps(4))


def walrus():
    last = None
    total = sum((last := v) for v in [3, 4, 5])
    return total, last


print(walrus())


def shadowing():
    i = "outer i"
    g = list(i for i in range(2))
    return g, i


print(shadowing())


def genexp_in_generator(rows):
    for row in rows:
        yield sum(v for v in row if v > 0)


print(list(genexp_in_generator([[1, -2, 3], [], [-1, 5]])))
