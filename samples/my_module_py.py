# my_module_py.py - the seed tutorial's function as plain Python, before any
# C types: what the profiler pointed at.


def cythonized_function():
    result = 0
    for i in range(10**6):
        result += i
    return result
