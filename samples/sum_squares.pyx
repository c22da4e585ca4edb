# sum_squares.pyx - the tutorial's loop on work that depends on its input:
# the sum of i*i % m for i < n.  No formula gives it, so gcc has to run the
# loop, and 'make demo' times this instead of cythonized_function(), whose
# constant-bound sum gcc computes in closed form at compile time.

def sum_mod(long long n, long long m):
    cdef long long result = 0
    cdef long long i
    for i in range(n):
        result += i * i % m
    return result
