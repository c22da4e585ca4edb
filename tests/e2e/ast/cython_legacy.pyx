# Legacy and rarer Cython forms (issue 11): what they lower to.

# for-from loops become the range loops they mean
for i from 0 <= i < n by 2:
    pass
for i in range(0, n, 2):
    pass
for i from a < i <= b:
    pass
for 0 <= j < 10:
    pass
for k from n > k >= 0:
    pass
for k from n >= k > 0 by 3:
    pass
squares = [i * i for i from 0 <= i < 5]

cdef class C:
    property x:
        "the x"
        def __get__(self):
            return self._x
        def __set__(self, value):
            self._x = value
        def __del__(self):
            self._x = None

DEF N = 3
IF N > 2:
    big = True
ELIF N > 1:
    big = None
ELSE:
    big = False

cdef x, y = 1
cdef extern int counter "c_counter"
cdef extern from "m.h":
    double c_e "M_E"
    int f "c_f"(int x) nogil
    ctypedef struct S "c_S":
        int a
    ctypedef class __builtin__.bool [object PyBoolObject]:
        pass
cdef public class P [object PObject, type PType]:
    pass
cdef unsigned long long big_one = 1ULL
cdef (int, double) pair
cdef double complex z
