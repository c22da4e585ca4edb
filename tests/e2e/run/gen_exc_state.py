# exception state: a handler that ends inside a generator leaves no exception behind it
import sys


def g2():
    try:
        raise KeyError("own")
    except KeyError:
        pass
    yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])
    raise RuntimeError("late")


gen = g2()
try:
    raise ValueError("caller")
except ValueError:
    print(next(gen))
print(next(gen))
try:
    next(gen)
except RuntimeError as e:
    print("context:", repr(e.__context__))


def plain():
    try:
        raise KeyError("k")
    except KeyError:
        pass
    return repr(sys.exc_info()[1])


try:
    raise ValueError("outer")
except ValueError:
    print(plain())
print(plain())
