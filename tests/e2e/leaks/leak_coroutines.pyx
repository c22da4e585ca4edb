# Refcounts through coroutines (tests/e2e/leaks/driver.py), driven by hand
# (send/throw/close, no event loop): await chains, async with and async
# for (managers and iterators made with type()), errors thrown in, and
# coroutines dropped unstarted or suspended.
import types
import warnings


@types.coroutine
def pause(value):
    got = yield value
    return got


async def leaf(x):
    y = await pause(x)
    return [x, y]


async def chain(n):
    total = []
    for i in range(n):
        total.append(await leaf(i))
    return total


def drive(coro):
    try:
        v = coro.send(None)
        while True:
            v = coro.send(v)
    except StopIteration as e:
        return e.value


async def aenter(self):
    await pause(1)
    return self


async def aexit(self, *exc):
    await pause(2)
    return False


Manager = type("Manager", (), {"__aenter__": aenter, "__aexit__": aexit})


def it_init(self, n):
    self.i = 0
    self.n = n


async def anext_(self):
    await pause(3)
    if self.i >= self.n:
        raise StopAsyncIteration
    self.i += 1
    return [self.i]


Counter = type("Counter", (), {"__init__": it_init, "__aiter__": lambda self: self, "__anext__": anext_})


async def statements(n):
    out = []
    async with Manager() as m:
        async for v in Counter(n):
            out.append(v)
    try:
        async with Manager():
            raise KeyError("k")
    except KeyError:
        pass
    async for v in Counter(n):
        if v[0] > 1:
            return out
    return out


def run_chain(n):
    return drive(chain(n)), drive(statements(3))


def thrown():
    c = chain(3)
    c.send(None)
    try:
        c.throw(ValueError("v"))
    except ValueError:
        pass
    c2 = statements(2)
    c2.send(None)
    c2.close()


def dropped():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = chain(2)
        del c
    c = chain(2)
    c.send(None)
    del c


def not_awaitable():
    async def bad():
        await 5
    drive(bad())


async def agen(n):
    try:
        for i in range(n):
            got = yield [i]
            await pause(got)
    finally:
        await pause("cleanup")


def async_generators():
    g = agen(3)
    out = [drive(g.__anext__()), drive(g.asend("x"))]
    try:
        drive(g.athrow(KeyError("k")))
    except KeyError:
        pass
    g2 = agen(5)
    drive(g2.__anext__())
    drive(g2.aclose())
    g3 = agen(5)
    drive(g3.__anext__())
    del g3
    agx = (v async for v in agen(3) if v)
    out.append(drive(agx.__anext__()))
    return out


LEAK_CALLS = [
    ("async_generators", (), None),
    ("run_chain", (4,), None),
    ("thrown", (), None),
    ("dropped", (), None),
    ("not_awaitable", (), TypeError),
]
