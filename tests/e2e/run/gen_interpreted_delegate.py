# yield from a generator that CPython runs (made with exec): send, throw, close
ns = {}
exec('''
def pyg(log):
    try:
        got = yield "first"
        log.append(("got", got))
        try:
            yield "second"
        except KeyError as e:
            log.append(("caught", str(e)))
            yield "after KeyError"
        return "py result"
    finally:
        log.append("py finally")
''', ns)


def delegator(log):
    r = yield from ns["pyg"](log)
    log.append(("returned", r))
    yield "delegator done"


log = []
g = delegator(log)
print(next(g), g.send("hello"), g.throw(KeyError("k")), next(g))
print(log)
log = []
g = delegator(log)
next(g)
g.close()
print(log, g.gi_yieldfrom)
log = []
g = delegator(log)
next(g)
g.send(1)
try:
    g.throw(ValueError("not caught"))
except ValueError as e:
    print("ValueError:", e, log)


def compiled_inner():
    x = yield 1
    return x * 2


exec('''
def pyouter(inner):
    r = yield from inner
    yield ("inner returned", r)
''', ns)
g = ns["pyouter"](compiled_inner())
print(next(g), g.send(21))
