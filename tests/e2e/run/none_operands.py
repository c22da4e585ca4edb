"""Operators and subscripts on a constant None: the fast paths must build warning-free and raise TypeError."""


def f(a):
    x = None
    try:
        print(x + 1.5, None < 2.0)
    except TypeError as e:
        print(e)
    try:
        print((None) * a, None & 3, None[0], (None)[1])
    except TypeError as e:
        print(e)
f(2.0)
