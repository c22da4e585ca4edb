def f(y):
    a = [(yield x) for x in y]
    b = {(yield) for x in y}
    c = {x: (yield) for x in y}
    d = ((yield x) for x in y)
    e = [x for x in (yield)]

# ERROR 2:11: 'yield' inside list comprehension
# ERROR 3:11: 'yield' inside set comprehension
# ERROR 4:14: 'yield' inside dict comprehension
# ERROR 5:11: 'yield' inside generator expression
