# cython: embedsignature=True
# The embedsignature directive: the docstring starts with the signature in
# Cython 3's format (C types of typed parameters, defaults and annotations
# as Cython's expression writer writes them, the original docstring after
# a blank line, cleaned as inspect.cleandoc cleans it).
cimport cython

ctypedef int MyInt

FLAG = 4

def plain(a, b, c):
    pass

def with_doc(a, b=1, *args, c, d=42, **kwds):
    """
    Existing string
        indented
    """

cpdef double typed(int n, double x=1, bint flag=True, unsigned short s=3, long long L=-1):
    return x

cpdef MyInt my_int(MyInt i):
    return i

def builtins(list l, str s='spam', object o=None):
    pass

def exprs(a=u'spam', b=b'bar', c=2+2, d=(FLAG + 1) * 2, e=FLAG | 1, f=-3, g=[1, (2, 3)], h={'k': None}):
    pass

def annotated(a: int, b: float = 1.0, *args: tuple, **kwargs: dict) -> (None, True):
    pass

def posonly(a, b=1, /, c=5, *, d):
    pass

cpdef void nothing():
    pass

@cython.embedsignature(False)
def off(a):
    "Not signed."

with cython.embedsignature.format("python"):
    cpdef double py_format(int n, double x=1.0, bint b=False, list l=None, y: str = 'y'):
        "Python format."
        return x

@cython.embedsignature.format("clinic")
def clinic(a, b=1):
    "Clinic format: nothing embedded for a function with a real signature."
