# locals(), vars() and dir() without arguments, exec() and eval() with
# their code alone, in compiled functions and at module level.
import contextlib

G = 1


def params(a, b=2, *args, c, **kw):
    x = a + b
    print(sorted(locals().items()))
    print(list(locals()))
    y = 3
    print(list(vars()), dir())


def before_and_after():
    print(locals())
    for i in range(3):
        t = i * 2.5
    print(locals())
    del t
    print(locals())


def same_dict():
    a = 1
    d = locals()
    d["a"] = 100
    d["new"] = 5
    print(a, d is locals(), locals())


def with_cells(n):
    k = n + 1
    m = 0

    def inner():
        return k + n
    print(sorted(locals()), inner())

    def uses_free():
        print("free:", locals())
        return k
    return uses_free


def in_handler():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print(sorted(locals()))
    print(sorted(locals()))


def exec_eval(v):
    w = v * 2
    print(eval("v + w"))
    print(eval("G"))
    exec("z = v + w + G")
    print(sorted(locals()))
    exec("global G2; G2 = w")
    print(eval("locals()['z']"))
    print(eval("v * G", None), eval("w", None, None))   # None namespaces mean the same


def lambda_locals():
    f = lambda a, b=3: sorted(locals().items())
    return f(1)


def unbound_cells():
    print(locals())

    def g():
        return late
    print(sorted(locals()))
    late = 1
    print(sorted(locals()), g())


def nonlocal_view():
    x = 1

    def inner():
        nonlocal x
        x += 1
        return locals()
    return inner(), x


def order_of_names(p, q):
    for i in range(2):
        pass
    with contextlib.nullcontext(5) as fh:
        first = fh
    s = 0
    s += 1
    (a, b), c = (1, 2), 3
    return list(locals())


def default_reads_locals():
    a = 1

    def g(d=locals()):   # evaluated here, in this function's frame
        return sorted(d)
    h = lambda e=vars(): sorted(e)
    return g(), h()


def main():
    print(default_reads_locals())
    unbound_cells()
    print(nonlocal_view())
    print(order_of_names(1, 2))
    params(1, c=4, d=5)
    params(1, 2, 3, c=4)
    before_and_after()
    same_dict()
    f = with_cells(5)
    print(f())
    in_handler()
    exec_eval(7)
    print(G2)
    print(lambda_locals())


print(locals() is globals(), vars() is globals())
print([n for n in dir() if not n.startswith("__")])
exec("H = G + 41")
print(eval("H"))
