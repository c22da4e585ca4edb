def f(x):
    async for i in x:
        pass
    async with x:
        pass
    return [await y for y in x], {y async for y in x}

# ERROR 2:5: 'async for' outside async function
# ERROR 4:5: 'async with' outside async function
# ERROR 6:12: asynchronous comprehension outside of an asynchronous function
# ERROR 6:34: asynchronous comprehension outside of an asynchronous function
