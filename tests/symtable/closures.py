# Closures: late binding, cells, and free names passing through scopes.

def late_binding():
    # every lambda sees the loop variable's last value: i is a cell
    fns = [lambda: i for i in range(3)]
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return fns, adders


def early_binding():
    # a default is evaluated where the lambda is: n is a parameter, i is local
    return [lambda n=i: n for i in range(3)]


def counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count

    return inc, peek


def three_levels():
    x = 1

    def middle():
        # middle never mentions x, but inner's x passes through it: FREE here
        def inner():
            return x
        return inner

    return middle


def nonlocal_chain():
    a = 0

    def level1():
        nonlocal a
        a = 1

        def level2():
            nonlocal a
            a = 2

            def level3():
                nonlocal a
                a += 1
                return a
            return level3
        return level2
    return level1


def shadowed():
    x = 1

    def g():
        x = 2          # a new local: g's x is LOCAL, the outer x stays LOCAL

        def h():
            return x   # g's x
        return h
    return g


def global_in_between():
    y = 1

    def g():
        global y       # breaks the chain: h sees the module's y

        def h():
            return y
        return h
    return g


def cell_and_param(p, *args, **kwargs):
    def use():
        return p, args, kwargs
    return use


def deleted_cell():
    v = 1

    def read():
        return v
    del v
    return read


def builtins_and_globals():
    print(len(late_binding()))
    return late_binding, early_binding


def top():
    # Lib/symtable.py takes any scope named 'top' for the module
    a = 1
    return a
