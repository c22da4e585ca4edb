# A closure: the captured variable lives in a cell, the loop variable that
# no closure uses stays a C integer, and the lambda keeps its default.

def running_total(int n):
    total = 0
    cdef long i
    for i in range(n):
        total += i

    def add(k, scale=2):
        nonlocal total
        total += k * scale
        return total
    return add, (lambda m=n: m + total)
