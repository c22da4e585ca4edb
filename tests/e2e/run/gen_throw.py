# throw(): both signatures, into handlers, before start, after the end
def handler():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("handled", repr(e))
            yield "handled"


g = handler()
print(next(g))
print(g.throw(ValueError("one")))
print(next(g))
print(g.throw(ValueError, "two"))
print(next(g))
print(g.throw(ValueError, ValueError("three"), None))
print(next(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("finished after unhandled throw")
try:
    g.throw(IndexError("after"))
except IndexError as e:
    print("raised in caller", e)

g = handler()
try:
    g.throw(ValueError("before start"))
except ValueError as e:
    print("before start:", e)
print(list(g))

g = handler()
next(g)
try:
    g.throw(ValueError("x"), "separate")
except TypeError as e:
    print("TypeError:", e)
try:
    g.throw(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g.throw(ValueError, None, 5)
except TypeError as e:
    print("TypeError:", e)


def context():
    try:
        yield 1
    except ZeroDivisionError:
        raise RuntimeError("wrapped")


g = context()
next(g)
try:
    g.throw(ZeroDivisionError("z"))
except RuntimeError as e:
    print(repr(e), repr(e.__context__))


def throw_returns():
    try:
        yield 1
    except ValueError:
        return "ret"


g = throw_returns()
next(g)
try:
    g.throw(ValueError)
except StopIteration as e:
    print("StopIteration from throw", e.value)
