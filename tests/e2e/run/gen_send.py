# yield as an expression, send(), the just-started check, send after the end
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


g = echo()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    g.send("late")
except StopIteration as e:
    print("after end", e.args)

g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None))


def accumulate():
    total = 0
    while True:
        v = yield total
        total += v


acc = accumulate()
next(acc)
for i in range(1, 5):
    print(acc.send(i))


def expr_positions():
    a = (yield 1) + (yield 2)
    print("a =", a)
    b = [(yield "x"), (yield "y")]
    print("b =", b)
    c = {"k": (yield "dict")}
    print("c =", c)
    yield f"{(yield 'f')}!"


g = expr_positions()
print(next(g))
print(g.send(10))
print(g.send(20))
print(g.send("X"))
print(g.send("Y"))
print(g.send("D"))
print(g.send("F"))
