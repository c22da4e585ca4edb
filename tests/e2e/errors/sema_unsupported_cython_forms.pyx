cdef class C:
    property x:
        def __get__(self):
            return 1

cdef extern from "v.h":
    cppclass V:
        V() except +
    int f "c_f"(int)
    int __stdcall g(int)

IF 1:
    a = 1

cdef double complex z
cdef (int, double) t
cdef long big = 1LL

# ERROR 2:5: not supported yet: property blocks ('property name:')
# ERROR 7:5: not supported yet: C++ classes (cppclass)
# ERROR 9:5: not supported yet: C names in strings ('int f "c_f"(int x)')
# ERROR 10:5: not supported yet: calling conventions ('__stdcall')
# ERROR 12:1: not supported yet: compile-time IF/ELIF/ELSE
# ERROR 15:6: not supported yet: complex C types ('double complex')
# ERROR 16:6: not supported yet: C tuples ('(int, double)')
# ERROR 17:17: not supported yet: C integer literal suffixes ('1U', '1LL')
