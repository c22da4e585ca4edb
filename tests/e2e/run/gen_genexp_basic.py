# generator expressions: the common uses, scoping of the first iterable, late binding
print(sum(x * x for x in range(10)))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, 0]))
print("".join(str(i) for i in range(5)))
print(tuple(c.upper() for c in "abc" if c != "b"))
def f(v, k):
    return list(x + k for x in v for y in range(2) if y)
print(f([1, 2], 10))
g = (x for x in [1, 2])
print(g.__name__, g.__qualname__)
def q():
    return (x for x in [1])
print(q().__qualname__)
try:
    (x for x in undefined_name)
except NameError as e:
    print(e)
try:
    (x for x in 5)
except TypeError as e:
    print(e)
def late():
    n = 1
    g = (x * n for x in range(3))
    n = 10
    return list(g)
print(late())
it = iter([1, 2, 3])
g = (x for x in it)
print(next(g), list(it), list(g))
print(sorted((y, x) for x, y in {"a": 2, "b": 1}.items()))
print(list(x for x in (y for y in range(4)) if x % 2))
print(max(len(w) for w in "hello big world".split()))
