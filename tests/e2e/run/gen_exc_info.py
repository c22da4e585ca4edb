# sys.exc_info() inside generators: their own handled exception, the caller's
import sys


def show():
    print("in generator:", repr(sys.exc_info()[1]))
    yield 1
    print("resumed:", repr(sys.exc_info()[1]))
    yield 2


g = show()
next(g)
try:
    raise ValueError("caller's")
except ValueError:
    next(g)
print("outside:", sys.exc_info())


def handles():
    try:
        raise KeyError("own")
    except KeyError:
        yield repr(sys.exc_info()[1])
        yield repr(sys.exc_info()[1])
    yield repr(sys.exc_info()[1])


g = handles()
print(next(g))
print("caller sees:", sys.exc_info())
try:
    raise IndexError("caller")
except IndexError:
    print(next(g))
    print("caller still sees:", repr(sys.exc_info()[1]))
print(next(g))


def reraise():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
        raise


g = reraise()
next(g)
try:
    next(g)
except ValueError as e:
    print("re-raised", e)


def context_from_caller():
    yield 1
    raise RuntimeError("in gen")


g = context_from_caller()
next(g)
try:
    try:
        raise KeyError("outer")
    except KeyError:
        next(g)
except RuntimeError as e:
    print("context:", repr(e.__context__))
