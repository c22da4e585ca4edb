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
