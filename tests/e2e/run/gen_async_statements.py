# async with and async for in coroutines (managers and iterators made with type())
import asyncio

log = []


async def aenter(self):
    await asyncio.sleep(0)
    log.append("enter " + self.name)
    return self.name.upper()


async def aexit(self, typ, exc, tb):
    await asyncio.sleep(0)
    log.append("exit %s %s" % (self.name, typ.__name__ if typ else None))
    return self.suppress


def init(self, name, suppress=False):
    self.name = name
    self.suppress = suppress


Manager = type("Manager", (), {"__init__": init, "__aenter__": aenter, "__aexit__": aexit})


def it_init(self, n):
    self.i = 0
    self.n = n


async def anext_(self):
    await asyncio.sleep(0)
    if self.i >= self.n:
        raise StopAsyncIteration
    self.i += 1
    return self.i


Ticker = type("Ticker", (), {"__init__": it_init, "__aiter__": lambda self: self, "__anext__": anext_})


async def with_blocks():
    async with Manager("a") as v:
        log.append("body " + v)
    try:
        async with Manager("b") as v:
            raise KeyError("inside")
    except KeyError as e:
        log.append("propagated " + repr(e))
    async with Manager("c", True):
        raise ValueError("suppressed")
    async with Manager("d") as d, Manager("e") as e:
        log.append(d + e)
    for i in range(2):
        async with Manager("loop%d" % i):
            if i == 0:
                continue
            break
    return await returns_inside()


async def returns_inside():
    async with Manager("r"):
        return "returned"


async def for_loops():
    total = 0
    async for v in Ticker(4):
        total += v
    out = []
    async for v in Ticker(10):
        if v == 2:
            continue
        if v > 4:
            break
        out.append(v)
    else:
        out.append("no else after break")
    async for v in Ticker(1):
        out.append(v)
    else:
        out.append("else")
    return total, out, await first_over(Ticker(9), 3)


async def first_over(it, k):
    async for v in it:
        if v > k:
            return v
    return None


async def errors():
    try:
        async with 5:
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)
    Bad = type("Bad", (), {"__aenter__": lambda self: 1, "__aexit__": lambda self, *a: 1})
    try:
        async with Bad():
            pass
    except TypeError as e:
        print("TypeError:", e)


print(asyncio.run(with_blocks()))
print(log)
print(asyncio.run(for_loops()))
asyncio.run(errors())
