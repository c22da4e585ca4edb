# PEP 479: StopIteration inside a generator becomes RuntimeError
def explicit():
    yield 1
    raise StopIteration("inner")


g = explicit()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__), e.__context__ is e.__cause__)


def from_next():
    it = iter([])
    yield next(it)


try:
    list(from_next())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


def subclass():
    MyStop = type("MyStop", (StopIteration,), {})
    yield 0
    raise MyStop


try:
    list(subclass())
except RuntimeError as e:
    print("subclass:", e, type(e.__cause__).__name__)


def caught_inside():
    try:
        next(iter(()))
    except StopIteration:
        yield "caught inside"


print(list(caught_inside()))


def returns_value():
    yield 1
    return 42


def delegator():
    v = yield from returns_value()
    yield v


print(list(delegator()))
