# A def statement rebinds its name each time it runs, as in Python.


def f(x=1):
    "first"
    return ("first", x)


def call_f():
    return f()


print(f(), call_f(), f.__doc__, f.__name__)
first = f


def f(x=2, *, y=3):
    "second"
    return ("second", x, y)


print(f(), call_f(), f.__doc__, f.__name__)
print(first(), first is f)

if f() == ("second", 2, 3):
    def f():
        return "third"

print(f(), call_f())
f = 4
try:
    call_f()
except TypeError as e:
    print("TypeError:", e)


# 'global f' in a function rebinds a def (pydoc.py's pager)
def pager(text):
    return "first " + text


def other_pager(text):
    return "second " + text


def install():
    global pager
    pager = other_pager


print(pager("x"))
install()
print(pager("y"))
