# yield inside loops, try/except/finally and with blocks; break and continue
def nested(n):
    for i in range(n):
        for j in range(i):
            if j == 2:
                continue
            if i == 5:
                break
            yield (i, j)
    else:
        yield "else"


print(list(nested(7)))


def while_else(items):
    it = iter(items)
    while True:
        try:
            v = next(it)
        except StopIteration:
            break
        try:
            yield v * 2
        finally:
            print("finally", v)


print(list(while_else([1, 2, 3])))


def try_except(values):
    for v in values:
        try:
            yield 10 // v
        except ZeroDivisionError as e:
            yield "div: " + str(e)
        else:
            yield "else"
        finally:
            yield "finally"


print(list(try_except([1, 0, 5])))


def return_in_finally():
    try:
        yield 1
        return "from try"
    finally:
        yield "in finally"


g = return_in_finally()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)


def break_from_finally():
    for i in range(3):
        try:
            yield i
        finally:
            if i == 1:
                break
    yield "after loop"


print(list(break_from_finally()))


def loop_over_dict(d):
    for k, v in d.items():
        yield f"{k}={v}"


print(list(loop_over_dict({"a": 1, "b": 2})))


def unpack():
    a, b = yield
    yield a + b
    first, *rest = yield
    yield rest


g = unpack()
next(g)
print(g.send((1, 2)))
next(g)
print(g.send([1, 2, 3]))
