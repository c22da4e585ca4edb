# Deep recursion raises RecursionError, even when the limit is far above
# what the C stack holds; it never crashes.
import sys


def down(n):
    return down(n + 1) + 1


def mutual_a(n):
    return mutual_b(n + 1)


def mutual_b(n):
    return mutual_a(n + 1)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


sys.setrecursionlimit(1000000)
for fn in (down, mutual_a):
    try:
        fn(0)
    except RecursionError as e:
        print(fn.__name__, "RecursionError")
print(depth(5000))
