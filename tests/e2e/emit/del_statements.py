# del: locals (then unbound), globals (then NameError), elements, slices,
# attributes, tuples of targets.
import types

G = 1


def locals_and_items():
    x = [0, 1, 2, 3, 4, 5]
    d = {"a": 1, "b": 2}
    del x[0], d["a"]
    del x[1:3]
    ns = types.SimpleNamespace(p=1, q=2)
    del ns.p
    y = 5
    del y
    try:
        print(y)
    except UnboundLocalError as e:
        print("unbound:", e)
    try:
        del d["zz"]
    except KeyError as e:
        print("keyerror:", e)
    return x, d, vars(ns)


def drop_global():
    global G
    del G
    try:
        del G
    except NameError as e:
        print("name:", e)


def main():
    print(locals_and_items())
    drop_global()
    print("G" in globals())
