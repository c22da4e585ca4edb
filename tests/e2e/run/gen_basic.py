# generators: next, for loops, list(), return values, StopIteration.value
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1


def with_return(n):
    for i in range(n):
        yield i * 2
    return "finished"


def empty():
    return
    yield


def no_yield_reached(flag):
    if flag:
        yield "reached"


print(list(count(5)))
print(sum(count(10)))
for v in count(3):
    print("v", v)
g = with_return(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value, e.args)
print(list(empty()), list(no_yield_reached(False)), list(no_yield_reached(True)))
print(type(count(1)).__name__)
g = count(2)
print(iter(g) is g)
print(next(g, "d"), next(g, "d"), next(g, "d"), next(g, "d"))


def ret_tuple():
    yield 1
    return (1, 2)


g = ret_tuple()
next(g)
try:
    next(g)
except StopIteration as e:
    print("tuple value", e.value)


def ret_exc():
    yield 1
    return ValueError("v")


g = ret_exc()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print("exc value", repr(e.value))
