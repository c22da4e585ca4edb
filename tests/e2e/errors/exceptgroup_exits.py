# 'break', 'continue' and 'return' out of an except* block: CPython's
# compile-time error, even with no loop; a loop inside the block is its own.
def f(xs):
    for x in xs:
        try:
            x()
        except* ValueError:
            break
        except* TypeError:
            for y in xs:
                if y:
                    continue
                break
            continue
    try:
        pass
    except* KeyError:
        while True:
            return 1
    return 0


try:
    pass
except* OSError:
    break
else:
    pass


def g():
    try:
        pass
    except* OSError:
        def inner():
            return 2
        try:
            pass
        finally:
            return inner

# ERROR 8:13: 'break', 'continue' and 'return' cannot appear in an except* block
# ERROR 14:13: 'break', 'continue' and 'return' cannot appear in an except* block
# ERROR 19:13: 'break', 'continue' and 'return' cannot appear in an except* block
# ERROR 26:5: 'break', 'continue' and 'return' cannot appear in an except* block
# ERROR 40:13: 'break', 'continue' and 'return' cannot appear in an except* block
