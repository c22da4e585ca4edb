def gen(items):
    return {(yield item) for item in items}
# ERROR 2:14: 'yield' inside set comprehension
