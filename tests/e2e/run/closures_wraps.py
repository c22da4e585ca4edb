# functools.wraps decorators written as nested functions: the most common
# use of closures in real code.
import functools


def logged(fn):
    calls = []

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append((args, tuple(sorted(kwargs.items()))))
        return fn(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


def retry(times, exc=ValueError):
    def decorator(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            last = None
            for attempt in range(times):
                try:
                    return fn(attempt, *args, **kwargs)
                except exc as e:
                    last = e
            raise RuntimeError(f"gave up after {times}") from last
        return wrapper
    return decorator


def memoize(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@logged
def add(a, b=1):
    "Add two numbers."
    return a + b


@retry(3)
def flaky(attempt, limit):
    if attempt < limit:
        raise ValueError(f"attempt {attempt}")
    return f"ok on {attempt}"


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def local_decorators():
    def twice(fn):
        @functools.wraps(fn)
        def inner(x):
            return fn(fn(x))
        return inner

    @twice
    def bump(x):
        "bump it"
        return x + 1
    return bump(0), bump.__name__, bump.__doc__, bump.__wrapped__(0), bump.__qualname__


def main():
    print(add(1), add(2, b=5), add.__name__, add.__doc__, add.__wrapped__.__name__, add.calls)
    print(add.__qualname__, add.__module__, add.__wrapped__.__qualname__)
    print(flaky(2), flaky.__name__)
    try:
        flaky(5)
    except RuntimeError as e:
        print("RuntimeError:", e, "from", repr(e.__cause__))
    print(fib(80), len(fib.cache), fib.__name__)
    print(local_decorators())
