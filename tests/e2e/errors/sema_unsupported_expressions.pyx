def f():
    g = lambda x: x + 1
    xs = [i for i in range(3)]
    ys = list(i for i in range(3))
    s = f"{xs}"
    return g, ys, s

# ERROR 2:9: not supported yet: lambda
# ERROR 3:10: not supported yet: comprehensions and generator expressions
# ERROR 4:14: not supported yet: comprehensions and generator expressions
# ERROR 5:9: not supported yet: f-strings
