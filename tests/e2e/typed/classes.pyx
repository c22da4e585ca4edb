# Plain Python classes in a .pyx beside typed code: methods with C-typed
# parameters convert their arguments as module-level defs do, C-typed
# locals in methods stay C, cdef functions are called from methods and from
# the class body in C, annotations are stored as strings (Cython 3).
cdef int SCALE = 3


cdef int triple(int v):
    return v * SCALE


class Acc:
    """an accumulator"""
    start: int = 10
    base = triple(2)          # a cdef function, called from the class body

    def __init__(self, int n=0):
        self.total = n

    def add(self, int k, double w=1.0):
        cdef int i
        cdef double s = 0
        for i in range(k):
            s += w
        self.total += <int>s
        return self.total

    def tripled(self):
        return triple(self.total)

    def mean(self, double x, double y):
        cdef double m = (x + y) / 2
        return m

    @staticmethod
    def clamp(long v, long lo=0, long hi=100):
        return lo if v < lo else hi if v > hi else v


class Sub(Acc):
    def add(self, int k, double w=1.0):
        return super().add(k, w) * 2
