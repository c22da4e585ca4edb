"""fib_py.py - naive doubly recursive Fibonacci in plain Python."""

BENCH_N = 32
CHECK_N = 20
CHECK_RESULT = 6765


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def run(n):
    return fib(n)
