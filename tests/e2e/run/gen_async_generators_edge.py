# async generators driven by hand and their errors
import asyncio


def drive(aw):
    try:
        while True:
            aw.send(None)
    except StopIteration as e:
        return e.value


async def gen():
    yield 1
    yield 2


async def raises_stop_async():
    yield 1
    raise StopAsyncIteration


async def raises_stop():
    yield 1
    raise StopIteration


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def handles():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            yield "handled " + str(e)


g = gen()
print(drive(g.__anext__()), drive(g.asend(None)))
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("exhausted")
aw = gen().__anext__()
print(drive(aw))
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (raises_stop_async, raises_stop):
    g = bad()
    drive(g.__anext__())
    try:
        drive(g.__anext__())
    except RuntimeError as e:
        print("RuntimeError:", e)
g = ignores_exit()
drive(g.__anext__())
try:
    drive(g.aclose())
except RuntimeError as e:
    print("RuntimeError:", e)
g = handles()
print(drive(g.__anext__()))
print(drive(g.athrow(KeyError("k"))))
print(drive(g.__anext__()))
try:
    drive(g.athrow(ValueError, ValueError("v")))
except ValueError as e:
    print("ValueError:", e)
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("finished after athrow")
print(drive(gen().aclose()))
g = gen()
a1 = g.__anext__()
a1.send(None) if False else None
print(repr(drive(gen().asend(None))))


async def amain():
    g = handles()
    first = g.__anext__()
    second = g.__anext__()
    print(await first)
    print(await second)
    await g.aclose()
    return "ok"


print(asyncio.run(amain()))
