# global and nonlocal corner cases: declarations in nested functions,
# globals created by functions, augmented assignment to globals and
# nonlocals, a global shadowing an enclosing local, comprehensions reading
# globals, global for-targets and with-targets, global defs and imports.
x = "module x"
counter = 0


def outer():
    x = "outer x"

    def inner():
        global x
        return x

    def inner_nl():
        nonlocal x
        x += "!"
        return x
    return inner(), inner_nl(), x


def make_global():
    global created, counter
    created = [i * 2 for i in range(3)]
    counter += 1
    return created


def global_targets():
    global gt, ga, gb, gf, gm
    for gt in range(3):
        pass
    ga, (gb, *rest) = 1, (2, 3, 4)
    with open(__file__ if False else "/dev/null") as gw:
        pass

    def gf():
        return "global def"
    import math as gm
    return gt, ga, gb, rest, gf(), gm.pi > 3


def comprehension_globals():
    return [x for _ in range(2)], {counter for _ in "ab"}


def nested_nonlocal():
    n = 0

    def a():
        def b():
            nonlocal n
            n += 1
            return n
        return b
    f = a()
    f()
    f()
    return n


def read_before_global_write():
    try:
        return later_global
    except NameError as e:
        return str(e)


def main():
    print(outer(), x)
    print(make_global(), created, counter)
    print(global_targets(), gt, ga, gb, gf(), gm.__name__)
    print(comprehension_globals())
    print(nested_nonlocal())
    print(read_before_global_write())
    global later_global
    later_global = 1
    print(read_before_global_write())
