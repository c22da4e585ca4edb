# Imported while a profiler runs (profiling_test.py): profiled from the
# first call, though no profiler was installed after the import.
# cython: profile=True


def late(x):
    return x * 2
