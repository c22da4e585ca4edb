def f(path):
    async with open(path) as fh:
        pass
    try:
        pass
    except* ValueError:
        pass

def g(x):
    match x:
        case 1:
            pass
    del x, f(x)

# ERROR 2:5: not supported yet: async with
# ERROR 4:5: not supported yet: except* (exception groups)
# ERROR 10:5: not supported yet: match statements
# ERROR 13:12: cannot delete function call
