def gen():
    yield 1

def outer():
    def inner():
        return 1
    return inner

# ERROR 2:5: not supported yet: generators (yield)
# ERROR 5:5: not supported yet: nested functions and closures
