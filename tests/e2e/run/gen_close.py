# close(), GeneratorExit, finally blocks, ignoring GeneratorExit
def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally")


log = []
g = with_finally(log)
print(next(g))
print(g.close(), log)
print(g.close(), log)
try:
    next(g)
except StopIteration:
    print("closed generator: StopIteration")

g = with_finally(log)
print(g.close(), log)   # never started: finally does not run


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise


g = catches_exit()
next(g)
g.close()


def ignores():
    try:
        yield 1
    except GeneratorExit:
        print("ignoring")
    yield 2


g = ignores()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)


def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return "value"


g = returns_on_exit()
next(g)
print("close returns", g.close())


def raises_other():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


g = raises_other()
next(g)
try:
    g.close()
except KeyError as e:
    print("KeyError", e)


import contextlib


@contextlib.contextmanager
def with_cm():
    print("enter")
    try:
        yield
    except BaseException as e:
        print("exit", type(e).__name__)
        raise
    else:
        print("exit", None)


def uses_with():
    with with_cm():
        yield "inside"
    yield "after"


g = uses_with()
print(next(g))
g.close()
print(list(uses_with()))
