# my_module_fixed.pyx - the tutorial loop with a C type wide enough for the
# sum of range(10**6) (499999500000 needs more than 32 bits).

def cythonized_function():
    cdef long long result = 0
    cdef long long i
    for i in range(10**6):
        result += i
    return result
