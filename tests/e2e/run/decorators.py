# Decorators on def functions: evaluated top to bottom before the defaults,
# applied bottom-up; whatever they return is what the name binds.
import functools


def trace(tag):
    print("evaluate decorator", tag)

    return functools.partial(wrap, tag)


def wrap(tag, fn):
    print("apply", tag, "to", fn.__name__)
    return functools.update_wrapper(functools.partial(call_logged, tag, fn), fn)


def call_logged(tag, fn, *args, **kwargs):
    print("call", tag, args, kwargs)
    return fn(*args, **kwargs)


def default_value():
    print("evaluate default")
    return 10


@trace("outer")
@trace("inner")
def add(a, b=default_value()):
    "adds"
    return a + b


print(add(1), add(1, b=2), add.__name__, add.__doc__, add.__wrapped__.__name__)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits > 0)


@staticmethod
def static_thing():
    return "static"


print(type(static_thing).__name__)


def replace_with_number(fn):
    return 42


@replace_with_number
def gone():
    pass


print(gone)


def failing(fn):
    raise ValueError("decorator failed for " + fn.__name__)


try:
    @failing
    def broken():
        pass
except ValueError as e:
    print("ValueError:", e)
try:
    broken
except NameError as e:
    print("NameError:", e)
