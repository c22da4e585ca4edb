"""primes_py.py - sieve of Eratosthenes in plain Python: count primes below n."""

BENCH_N = 4000000
CHECK_N = 100000
CHECK_RESULT = 9592


def run(n):
    if n < 3:
        return 0
    sieve = [True] * n
    sieve[0] = False
    sieve[1] = False
    i = 2
    while i * i < n:
        if sieve[i]:
            j = i * i
            while j < n:
                sieve[j] = False
                j += i
        i += 1
    count = 0
    for i in range(n):
        if sieve[i]:
            count += 1
    return count
