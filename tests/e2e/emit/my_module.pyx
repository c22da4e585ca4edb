# my_module.pyx - the Cython tutorial module from the seed guide
# ("Cython for Performance"), as written there.
#
# Note: 'result' is a C int, and the sum of range(10**6) (499999500000) does
# not fit in one.  Cython raises OverflowError when the Python int sum is
# converted back to 'int'; pyxc does the same.  my_module_fixed.pyx uses
# 'long long' and returns the right answer.

def cythonized_function():
    cdef int result = 0
    for i in range(10**6):
        result += i
    return result
