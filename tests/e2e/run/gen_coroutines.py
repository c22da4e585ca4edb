# coroutines: async def, await, asyncio, the coroutine protocol and its errors
import asyncio
import inspect
import collections.abc


async def add(a, b):
    await asyncio.sleep(0)
    return a + b


async def amain():
    x = await add(1, 2)
    y = await asyncio.gather(add(3, 4), add(5, 6))
    t = asyncio.ensure_future(add(10, 20))
    z = await t
    try:
        await fails()
    except ValueError as e:
        print("caught", e)
    return x, y, z


async def fails():
    await asyncio.sleep(0)
    raise ValueError("bad")


print(asyncio.run(amain()))
c = add(1, 2)
print(type(c).__name__, isinstance(c, collections.abc.Coroutine), inspect.iscoroutinefunction(add), asyncio.iscoroutine(c))
print(c.__name__, c.__qualname__)
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


async def bad_await():
    await 5


try:
    asyncio.run(bad_await())
except TypeError as e:
    print("TypeError:", e)


async def raises_stop():
    raise StopIteration


try:
    asyncio.run(raises_stop())
except RuntimeError as e:
    print("RuntimeError:", e)
import warnings
import gc
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        next(add(1, 2))
    except TypeError as e:
        print("TypeError:", e)
    gc.collect()
print([str(x.message) for x in w], [x.category.__name__ for x in w])
c = add(1, 2)
c.close()
del c
print("closed unstarted: no warning")

