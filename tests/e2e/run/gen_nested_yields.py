# nested yields: yield inside the value of a yield
def g():
    x = yield (yield 1)
    print("x", x)
    y = yield [(yield 2), (yield (yield 3))]
    print("y", y)
it = g()
print(next(it), it.send("a"), it.send("b"), it.send("c"), it.send("d"), it.send("e"))
try:
    it.send("f")
except StopIteration:
    print("done")
