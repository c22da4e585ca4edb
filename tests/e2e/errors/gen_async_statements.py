def f(x):
    async for i in x:
        pass
    async with x:
        pass


async def g(x):
    return [(await y) async for y in x]

# ERROR 2:5: 'async for' outside async function
# ERROR 4:5: 'async with' outside async function
# ERROR 9:23: not supported yet: async comprehensions
