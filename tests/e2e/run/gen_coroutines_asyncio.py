# coroutines under asyncio: tasks, cancellation, finally, timeouts, closures
import asyncio
import types

log = []


async def worker(name, delay):
    try:
        for i in range(3):
            await asyncio.sleep(delay)
            log.append((name, i))
        return name
    finally:
        log.append((name, "finally"))


async def cancelled():
    t = asyncio.ensure_future(worker("slow", 10))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled; task state:", t.cancelled())


async def catches_cancel():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("caught cancel")
        raise


async def timeouts():
    try:
        await asyncio.wait_for(catches_cancel(), 0.01)
    except asyncio.TimeoutError:
        print("timed out")


def make_counter():
    count = 0

    async def bump(by):
        nonlocal count
        await asyncio.sleep(0)
        count += by
        return count
    return bump


@types.coroutine
def legacy():
    got = yield
    return got


async def uses_legacy():
    return await legacy()


async def being_awaited():
    inner = worker("dup", 0)
    t = asyncio.ensure_future(inner)
    await asyncio.sleep(0)
    try:
        await inner
    except RuntimeError as e:
        print("RuntimeError:", e)
    await t


async def amain():
    results = await asyncio.gather(worker("a", 0), worker("b", 0))
    print(results)
    await cancelled()
    await timeouts()
    bump = make_counter()
    print(await bump(2), await bump(3))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, "from future")
    print(await fut)
    total = 0
    for i in range(3):
        total += await bump(i)
    print("total", total)
    print([await bump(1) for _ in range(2)])
    await being_awaited()
    try:
        await asyncio.gather(worker("x", 0), raiser())
    except KeyError as e:
        print("KeyError from gather:", e)
    return "main done"


async def raiser():
    await asyncio.sleep(0)
    raise KeyError("k")


print(asyncio.run(amain()))
print(sorted(map(str, log)))
c = uses_legacy()
c.send(None)
try:
    c.send("sent through")
except StopIteration as e:
    print("legacy returned", e.value)
