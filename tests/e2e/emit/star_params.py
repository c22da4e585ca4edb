# *args and **kwargs parameters: binding, defaults and keyword-only around
# them, the messages for bad calls.
def collect(a, *args, b=2, **kwargs):
    return a, args, b, sorted(kwargs.items())


def only_star(*args):
    return len(args), args


def only_kw(**kw):
    return kw


def main():
    print(collect(1), collect(1, 2, 3, b=4, c=5, d=6), collect(a=9, z=0))
    print(only_star(), only_star(1, "x"), only_kw(), only_kw(x=1))
    try:
        collect()
    except TypeError as e:
        print(e)
    try:
        only_kw(1)
    except TypeError as e:
        print(e)
    try:
        collect(1, a=2)
    except TypeError as e:
        print(e)

