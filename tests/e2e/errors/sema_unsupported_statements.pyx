def f(path):
    async with open(path) as fh:
        pass

def g(x):
    while x:
        pass
    del x, f(x)

# ERROR 2:5: 'async with' outside async function
# ERROR 8:12: cannot delete function call
