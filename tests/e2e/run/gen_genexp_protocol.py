# generator expressions are generators: send, throw, close, attributes
import collections.abc
import inspect

g = (i for i in range(3))
print(type(g).__name__, isinstance(g, collections.abc.Generator))
print(g.__name__, g.__qualname__, g.gi_running)
print(next(g))
print(g.send(None))
print(g.send("ignored"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

g = (i for i in range(3))
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
next(g)
try:
    g.throw(ValueError("into genexp"))
except ValueError as e:
    print("ValueError:", e)
print(list(g))

g = (i for i in range(3))
next(g)
g.close()
print(list(g))


def gen():
    yield 1
    raise StopIteration


try:
    list(x for x in gen())
except RuntimeError as e:
    print("RuntimeError:", e)

g = (1 // x for x in [1, 0])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g))


def outer():
    return (y for y in ())


print(outer().__qualname__)
print(inspect.isgeneratorfunction(outer))

reentrant = None
g = (next(reentrant) for _ in range(1))
reentrant = g
try:
    next(g)
except ValueError as e:
    print("ValueError:", e)

print(dict((k, len(k)) for k in ["a", "bb"]))
print(sorted(set(c for c in "hello")))
print(sorted(w.lower() for w in "B a C".split()))
print(min((abs(v), v) for v in [-3, 2, -1]))
print(" ".join(f"{i}:{c}" for i, c in enumerate("xyz")))
