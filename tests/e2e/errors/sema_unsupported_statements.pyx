def f(path):
    async with open(path) as fh:
        pass
    try:
        pass
    except* ValueError:
        pass

def g(x):
    while x:
        pass
    del x, f(x)

# ERROR 2:5: not supported yet: async with
# ERROR 4:5: not supported yet: except* (exception groups)
# ERROR 12:12: cannot delete function call
