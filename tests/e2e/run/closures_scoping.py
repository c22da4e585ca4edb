# Python's scoping rules for closures: cells, late binding, nonlocal, del,
# unbound cells, recursion through the enclosing scope, three levels deep.


def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    gs = [lambda: j for j in range(3)]
    return [f() for f in fs], [g() for g in gs]


def default_capture():
    return [f() for f in [lambda i=i: i for i in range(3)]]


def counter(start=0):
    count = start

    def inc(by=1):
        nonlocal count
        count += by
        return count

    def get():
        return count
    return inc, get


def three_levels(a):
    b = a * 2

    def level2(c):
        d = c + 1

        def level3(e):
            nonlocal d
            d += e
            return a + b + c + d + e
        return level3
    return level2


def outlives_frame():
    data = [1, 2]

    def push(v):
        data.append(v)
        return data
    return push


def recursion():
    def fib(n):
        return n if n < 2 else fib(n - 1) + fib(n - 2)
    even = lambda n: n == 0 or odd(n - 1)
    odd = lambda n: n != 0 and even(n - 1)
    return fib(15), even(10), odd(7), even(7)


def parameter_cell(p, q=5):
    def show():
        return p, q
    p = p + 1
    return show


def rebind_after():
    x = 1
    f = lambda: x
    x = 2
    return f()


def delete_cell():
    v = "here"

    def read():
        return v
    first = read()
    del v
    try:
        read()
    except NameError as e:
        second = type(e).__name__ + ": " + str(e)
    try:
        print(v)
    except UnboundLocalError as e:
        third = type(e).__name__ + ": " + str(e)
    v = "again"
    return first, second, third, read()


def nonlocal_delete():
    z = 1

    def drop():
        nonlocal z
        del z
    drop()
    try:
        drop()
    except NameError as e:
        return type(e).__name__ + ": " + str(e)


def unbound_free():
    def early():
        return later

    try:
        early()
    except NameError as e:
        msg = type(e).__name__ + ": " + str(e)
    later = 1
    return msg, early()


def shadowing():
    x = "outer"

    def inner():
        x = "inner"
        return x

    def reads():
        return x
    return inner(), reads(), x


g_value = "global"


def global_and_free():
    g_value = "local"

    def uses_global():
        global g_value
        return g_value

    def uses_local():
        return g_value

    def sets_global():
        global g_value
        g_value = "changed"
    sets_global()
    return uses_global(), uses_local()


def loop_closures():
    out = []
    for n in range(3):
        def show(n=n):
            return n * 10
        out.append(show)
    total = 0
    for k in range(5):
        total += k
    return [f() for f in out], total


def except_target_cell():
    try:
        raise KeyError("k")
    except KeyError as err:
        get = lambda: err
        first = repr(get())
    try:
        get()
    except NameError as e:
        return first, str(e)


def main():
    print(late_binding(), default_capture())
    inc, get = counter(10)
    print(inc(), inc(5), get(), inc.__closure__[0].cell_contents, get.__code__.co_freevars)
    print(three_levels(1)(2)(3), three_levels(1)(2).__qualname__)
    push = outlives_frame()
    print(push(3), push(4))
    print(recursion())
    s = parameter_cell(1)
    print(s(), [c.cell_contents for c in s.__closure__])
    print(rebind_after(), delete_cell(), nonlocal_delete(), unbound_free())
    print(shadowing(), global_and_free(), g_value, loop_closures(), except_target_cell())
