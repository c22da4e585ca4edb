# asynchronous generator expressions
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return 2 * x


async def amain():
    g = (v * 10 async for v in ticker(4) if v % 2)
    print(type(g).__name__, g.__name__)
    print([x async for x in g])
    h = (await double(x) for x in range(3))
    print([x async for x in h])
    k = (a + b async for a in ticker(3) for b in range(a))
    print([x async for x in k])
    try:
        items = [1, 2]
        (x async for x in items)
    except TypeError as e:
        print("TypeError:", e)
    return "done"


print(asyncio.run(amain()))
