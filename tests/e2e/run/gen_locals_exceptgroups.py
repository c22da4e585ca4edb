# generators with locals() and except* (features of the small-constructs branch)
def g(a):
    b = a + 1
    yield sorted(locals())
    c = 3
    yield sorted(locals().items())
print(list(g(1)))
def h():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        yield "value " + repr(e.exceptions)
    except* KeyError:
        yield "key"
print(list(h()))
print(list((lambda: (yield locals()))()))
