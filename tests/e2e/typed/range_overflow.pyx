# Known failure: a C range() loop near the end of the type's range runs on
# after the last value: the counter overflows and wraps instead of stopping
# (Python gives [MAX-5, MAX-1]).  Cython's constant-step loop has the same
# problem; the loop breaks after 10 rounds so that the test cannot hang.

def near_max(long a, long b):
    cdef long i
    out = []
    for i in range(a, b, 4):
        out.append(i)
        if len(out) > 10:
            break
    return out

def near_min(long a, long b):
    cdef long i
    out = []
    for i in range(a, b, -4):
        out.append(i)
        if len(out) > 10:
            break
    return out
