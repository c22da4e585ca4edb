# what a generator shows: names, gi_running, gi_frame, gi_code, inspect, abc
import collections.abc
import inspect
import weakref


def simple(a, b=2):
    yield a
    yield b


g = simple(1)
print(g.__name__, g.__qualname__)
print(isinstance(g, collections.abc.Generator), isinstance(g, collections.abc.Iterator))
print(inspect.isgeneratorfunction(simple), inspect.isgeneratorfunction(len))
print(simple.__code__.co_flags & inspect.CO_GENERATOR != 0)
print(g.gi_code.co_name, g.gi_running, g.gi_yieldfrom)
print(repr(g).startswith("<generator object simple at 0x"))
g.__name__ = "renamed"
print(g.__name__)
try:
    g.__qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
r = weakref.ref(g)
print(r() is g)
print(list(inspect.signature(simple).parameters))


def nested():
    def inner():
        yield 1
    return inner()


print(nested().__qualname__)


def running():
    yield g2.gi_running


g2 = running()
print(next(g2), g2.gi_running)


def reenter():
    yield next(g3)


g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print("ValueError:", e)


def reenter_send():
    yield g4.send(None)


g4 = reenter_send()
try:
    next(g4)
except ValueError as e:
    print("ValueError:", e)


def self_close():
    yield g5.close()


g5 = self_close()
try:
    next(g5)
except ValueError as e:
    print("ValueError:", e)
