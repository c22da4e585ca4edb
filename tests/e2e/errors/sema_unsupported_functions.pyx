def gen():
    yield 1

def outer():
    def inner():
        yield 2
    return inner

# ERROR 2:5: not supported yet: generators (yield)
# ERROR 6:9: not supported yet: generators (yield)
