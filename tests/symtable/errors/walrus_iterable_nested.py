def f():
    return [v for v in [w for w in (data := range(3))]]
# ERROR 2:37: assignment expression cannot be used in a comprehension iterable expression
