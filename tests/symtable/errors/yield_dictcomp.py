def gen(items):
    return {item: (yield from item) for item in items}
# ERROR 2:20: 'yield' inside dict comprehension
