# generators and closures: cells shared with the frame, nested generators
def counter_gen():
    count = 0

    def bump():
        nonlocal count
        count += 1
        return count

    while count < 3:
        yield bump()
    yield "count is %d" % count


print(list(counter_gen()))


def make_gen(prefix):
    def gen(n):
        for i in range(n):
            yield prefix + str(i)
    return gen


print(list(make_gen("p")(3)))


def shares_cell():
    x = 1
    get = lambda: x
    yield get()
    x = 2
    yield get()
    x = 3
    yield get()


print(list(shares_cell()))


def param_cell(a):
    f = lambda: a * 2
    yield f()
    a = 10
    yield f()


print(list(param_cell(4)))


def outer():
    total = 0

    def inner_gen():
        nonlocal total
        for i in range(4):
            total += i
            yield total
    return inner_gen, lambda: total


gen, get = outer()
g = gen()
print(next(g), get(), next(g), get())
print(list(g), get())

lam = lambda: (yield 1)
g = lam()
print(next(g))
try:
    g.send("sent")
except StopIteration as e:
    print("lambda returned", e.value)


def gen_of_gens():
    for k in range(3):
        def sub(k=k):
            yield k
            yield k * 10
        yield sub()


print([list(s) for s in gen_of_gens()])


def recursive(tree):
    if isinstance(tree, list):
        for t in tree:
            yield from recursive(t)
    else:
        yield tree


print(list(recursive([1, [2, [3, 4]], [[5]]])))
