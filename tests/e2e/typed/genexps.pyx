# Generator expressions in typed code: C values of the enclosing function
# captured (boxed in cells), C loops in the generator's own function.
def scaled_sum(list values, double k):
    return sum(v * k for v in values)


def c_range_genexp(int n):
    cdef int m = 3
    return list(i * m for i in range(n) if i % 2)


def inner_c_loop(int n):
    return list(sum(j for j in range(i)) for i in range(n))



def any_big(list xs, long limit):
    return any(x > limit for x in xs)
