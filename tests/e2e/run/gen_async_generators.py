# async generators: async for, asend, athrow, aclose, finalization through asyncio
import asyncio
import collections.abc
import inspect

log = []


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append("ticker finally")


async def echo():
    got = None
    while True:
        got = yield got
        if got == "stop":
            return


async def amain():
    out = [v async for v in ticker(4)]
    async for v in ticker(10):
        if v == 2:
            break
    e = echo()
    print(await e.asend(None), await e.asend(1), await e.asend(2))
    try:
        await e.asend("stop")
    except StopAsyncIteration:
        print("StopAsyncIteration")
    t = ticker(5)
    print(await t.__anext__(), await anext(t))
    await t.aclose()
    print(log)
    t = ticker(5)
    await t.__anext__()
    try:
        await t.athrow(ValueError("thrown"))
    except ValueError as err:
        print("ValueError:", err)
    g = ticker(3)
    print(type(g).__name__, isinstance(g, collections.abc.AsyncGenerator), inspect.isasyncgenfunction(ticker))
    print(g.__name__, g.__qualname__, g.ag_running)
    await g.aclose()
    return out


print(asyncio.run(amain()))
print(log)
