"""functools and itertools used on compiled functions: lru_cache, partial, reduce, wraps, chain, groupby."""
import functools
import itertools
import operator


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def power(base, exp=2):
    return base ** exp


def main():
    print(fib(80), fib.cache_info().hits > 0)
    cube = functools.partial(power, exp=3)
    print(cube(3), functools.reduce(operator.mul, range(1, 10)), functools.reduce(lambda a, b: a + b, "abc", "x"))
    print(list(itertools.chain([1], (2, 3))), list(itertools.islice(itertools.count(5, 2), 4)))
    groups = [(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")]
    print(groups, list(itertools.accumulate([1, 2, 3, 4])), list(itertools.product("ab", repeat=2)))
    print(sorted(["b", "A", "c"], key=str.lower), sorted([3, 1, 2], reverse=True),
          sorted([(1, "b"), (0, "z"), (1, "a")], key=operator.itemgetter(0)))
    print(list(map(power, [1, 2, 3])), list(filter(None, [0, 1, "", "x"])), list(zip("ab", range(3))))
    print(functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
    print(power.__name__, cube.func is power, fib.__wrapped__.__name__)


main()
