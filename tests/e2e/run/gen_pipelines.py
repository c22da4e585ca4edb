# generators as iterators everywhere: builtins, unpacking, itertools, pipelines
import itertools


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squared(it):
    for v in it:
        yield v * v


print(list(squared(evens(numbers(10)))))
a, b, *rest = numbers(5)
print(a, b, rest)
print(*numbers(3), sep="-")
print(dict(zip(numbers(3), "abc")), list(enumerate(numbers(2), 1)))
print(sorted(numbers(4), reverse=True), max(numbers(4)), 3 in numbers(5), 9 in numbers(5))
print(list(itertools.islice(numbers(100), 2, 6)), list(itertools.chain(numbers(2), numbers(3))))
print(list(map(lambda x: -x, numbers(3))), sum(numbers(101)))
print(list(itertools.takewhile(lambda x: x < 3, numbers(10))))
g1, g2 = itertools.tee(numbers(3))
print(list(g1), list(g2))
print("".join(map(str, numbers(5))), set(numbers(3)) == {0, 1, 2})


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(itertools.islice(fib(), 15)))
for v in numbers(3):
    if v == 5:
        break
else:
    print("for-else over a generator")


def windowed(it, n):
    window = []
    for v in it:
        window.append(v)
        if len(window) == n:
            yield tuple(window)
            window.pop(0)


print(list(windowed(numbers(6), 3)))
