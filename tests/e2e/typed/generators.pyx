# Generators in typed code: C locals and C range-loop counters live in the
# generator's frame across yields.
from libc.math cimport sqrt


def crange(int n):
    cdef int i
    for i in range(n):
        yield i


def squares(long n):
    cdef long i
    cdef double acc = 0.0
    for i in range(1, n + 1):
        acc += sqrt(<double>(i * i))
        yield acc


def typed_send():
    cdef long total = 0
    cdef object v
    while True:
        v = yield total
        if v is None:
            return total
        total += <long>v


def nested_c_loops(int n, int m):
    cdef int i, j
    for i in range(n):
        for j in range(m):
            if (i + j) % 2:
                yield i * 100 + j


def step_loop(int start, int stop, int step):
    cdef int k
    for k in range(start, stop, step):
        yield k


def c_array_gen():
    cdef int arr[4]
    cdef int i
    for i in range(4):
        arr[i] = i * i
    for i in range(4):
        yield arr[i]


def typed_delegate(int n):
    cdef object got
    got = yield from crange(n)
    yield got


def overflow_in_gen(int n):
    cdef int x = 2147483647
    yield x
    x = n
    yield x


def float_loop(double x):
    cdef double y = x
    while y < 100.0:
        yield y
        y = y * 2.5
