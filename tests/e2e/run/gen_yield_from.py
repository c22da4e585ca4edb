# yield from: delegation of next/send/throw/close, return values, iterables
def inner():
    got = []
    try:
        while True:
            x = yield len(got)
            if x == "stop":
                return got
            got.append(x)
    except KeyError as e:
        print("inner handled", repr(e))
        yield "after KeyError"
        return "from except"
    finally:
        print("inner finally")


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "outer done"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("stop"))
print(list(g))

g = outer()
next(g)
print(g.throw(KeyError("k")))
print(next(g))
print(list(g))

g = outer()
next(g)
g.send(1)
print("closing")
g.close()
print("closed")


def iterables():
    yield from [1, 2]
    yield from (3, 4)
    yield from "ab"
    yield from range(5, 7)
    yield from {8: None}
    r = yield from iter([9])
    print("list iterator returns", r)


print(list(iterables()))


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1], (), "xy", chain([2], [3]))))


def deep(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from deep(n - 1)
    return r + 1


g = deep(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)

# throw into a delegate that is a plain iterator: raised in the delegator
def over_list():
    try:
        yield from [1, 2, 3]
    except ValueError as e:
        print("delegator caught", e)
        yield "recovered"


g = over_list()
print(next(g))
print(g.throw(ValueError("v")))
try:
    yield_from_int = list((lambda: (yield from 5))())
except TypeError as e:
    print("TypeError:", e)


def sends_to_list():
    yield from [1, 2]


g = sends_to_list()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError:", e)


def gi_yieldfrom():
    yield from inner()


g = gi_yieldfrom()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__)
g.close()
print(g.gi_yieldfrom)
