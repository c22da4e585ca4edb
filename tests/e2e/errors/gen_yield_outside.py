x = yield 1


def f(a=(yield)):
    pass


y = [1, (yield from f())]

# ERROR 1:5: 'yield' outside function
# ERROR 4:10: 'yield' outside function
# ERROR 8:10: 'yield' outside function
