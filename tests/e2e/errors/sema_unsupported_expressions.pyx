def f():
    g = lambda x: x + 1
    xs = [i for i in range(3)]
    ys = list(i for i in range(3))
    s = f"{xs}"
    t = [j async for j in xs]
    return g, ys, s, t

# ERROR 6:9: asynchronous comprehension outside of an asynchronous function
