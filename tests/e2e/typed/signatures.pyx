# Signatures of compiled functions as Cython 3 shows them: typed parameters
# keep their name (no annotation), defaults are Python objects, annotations
# are stored as strings.

LIMIT = 10

def typed(int n, double x=1, bint flag=True, list l=None, str s="spam"):
    return n

cpdef double cp(long long a, unsigned short b=3):
    "A cpdef function."
    return a

def annotated(a: int, b: "quoted" = 2, *args: tuple[int, ...], k: 1 + 2 * 3 = LIMIT, **kw: dict) -> list[str]:
    return [a]

def kinds(a, b=LIMIT * 2, /, c=(1, 2.5), *, d, e=None):
    return a, b, c, d, e
