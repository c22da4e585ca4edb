"""A finally block run for an exception handles it: sys.exc_info() shows it and new exceptions take it as __context__."""

def f():
    try:
        raise KeyError("a")
    finally:
        raise ValueError("b")

def g():
    try:
        f()
    except ValueError as e:
        print(repr(e), repr(e.__context__))

def h():
    try:
        try:
            1 / 0
        finally:
            x = {}["k"]
    except KeyError as e:
        print(repr(e), repr(e.__context__))
g()
h()


import sys


def exc_info_in_finally():
    try:
        try:
            raise IndexError("seen")
        finally:
            print("in finally:", repr(sys.exc_info()[1]))
    except IndexError:
        pass
    try:
        pass
    finally:
        print("no exception:", sys.exc_info())
    print("after:", sys.exc_info())


def caught_inside_finally():
    try:
        try:
            raise OSError("outer")
        finally:
            try:
                raise KeyError("inner")
            except KeyError as e:
                print("inner context:", repr(e.__context__))
    except OSError as e:
        print("outer survives:", repr(e), repr(e.__context__))


def return_in_finally_drops():
    try:
        raise ValueError("dropped")
    finally:
        return sys.exc_info()[0].__name__


exc_info_in_finally()
caught_inside_finally()
print(return_in_finally_drops(), sys.exc_info())
print(1 / 2, 3 // 2)
try:
    print(7 / 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(7.0 / 0)
except ZeroDivisionError as e:
    print(e)
