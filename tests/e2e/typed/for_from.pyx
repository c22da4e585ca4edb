# Cython's legacy for-from loops compile as the range loops they mean.

def up(int n):
    cdef int i
    cdef long total = 0
    for i from 0 <= i < n:
        total += i
    return total


def up_by(int a, int b, int step):
    cdef int i
    out = []
    for i from a <= i < b by step:
        out.append(i)
    return out


def up_inclusive(int a, int b):
    out = []
    for i from a < i <= b:
        out.append(i)
    return out


def down(int n):
    cdef int k
    out = []
    for k from n > k >= 0:
        out.append(k)
    return out


def down_by(int a, int b, int step):
    out = []
    for k from a >= k > b by step:
        out.append(k)
    return out


def short_form(int n):
    out = []
    for 0 <= j < n:
        out.append(j)
    else:
        out.append(-1)
    return out


def in_comprehension(int n):
    return [i * i for i from 0 <= i < n]
