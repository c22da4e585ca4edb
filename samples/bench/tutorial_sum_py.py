"""tutorial_sum_py.py - the seed tutorial loop in plain Python: sum of range(n)."""

BENCH_N = 20000000
CHECK_N = 1000000
CHECK_RESULT = 499999500000


def run(n):
    result = 0
    for i in range(n):
        result += i
    return result
