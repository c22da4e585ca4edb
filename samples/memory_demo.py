# memory_demo.py - the seed guide's memory-profiling example.  It needs the
# memory_profiler package (pip install memory_profiler); without it the
# function still runs, undecorated.
try:
    from memory_profiler import profile
except ImportError:          # not installed: run without the report
    def profile(func):
        return func


@profile
def memory_intensive_function():
    # Memory-intensive operations here
    my_list = [0] * 10**6
    result = sum(my_list)
    return result


if __name__ == "__main__":
    print(memory_intensive_function())
