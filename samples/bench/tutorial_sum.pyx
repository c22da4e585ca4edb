# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
# tutorial_sum.pyx - the seed tutorial loop (samples/my_module_fixed.pyx) with
# n as a parameter: the sum of range(n) in a C long long.
#
# Directives: there is no division here, so cdivision cannot change a result;
# boundscheck/wraparound have nothing to check (no indexing at all).

BENCH_N = 20000000
CHECK_N = 1000000
CHECK_RESULT = 499999500000


def run(int n):
    cdef long long result = 0
    cdef long long i
    for i in range(n):
        result += i
    return result
