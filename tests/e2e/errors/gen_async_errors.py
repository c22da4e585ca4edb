def f():
    await g()


lam = lambda: (await x)


async def agen():
    yield 1
    return 2


async def coro():
    yield from g()

# ERROR 2:5: 'await' outside async function
# ERROR 5:16: 'await' outside async function
# ERROR 10:5: 'return' with value in async generator
# ERROR 14:5: 'yield from' inside async function
