def gen(items):
    return list((yield item) for item in items)
# ERROR 2:18: 'yield' inside generator expression
