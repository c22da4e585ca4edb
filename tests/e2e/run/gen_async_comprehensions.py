# asynchronous comprehensions inline in coroutines; await inside comprehensions
import asyncio


async def anext_(self):
    await asyncio.sleep(0)
    if self.i >= self.n:
        raise StopAsyncIteration
    self.i += 1
    return self.i


def it_init(self, n):
    self.i = 0
    self.n = n


Ticker = type("Ticker", (), {"__init__": it_init, "__aiter__": lambda self: self, "__anext__": anext_})


async def double(x):
    await asyncio.sleep(0)
    return x * 2


async def amain():
    a = [v async for v in Ticker(3)]
    b = {v % 2 async for v in Ticker(5)}
    c = {v: await double(v) async for v in Ticker(3) if v != 2}
    d = [await double(x) for x in range(3)]
    e = [(x, y) async for x in Ticker(2) for y in range(x)]
    f = [[y async for y in Ticker(x)] for x in range(3)]
    return a, sorted(b), c, d, e, f


print(asyncio.run(amain()))
