# Class bodies: CPython's compile-time errors for statements that need a
# function or a loop, and what a plain class cannot hold.
class A:
    return 1


for x in range(3):
    class B:
        break


class C:
    yield 1


class D:
    x = await y


class E:
    cdef int n


cdef class F:
    pass


class G:
    def m(self):
        return 1
    continue

# ERROR 4:5: 'return' outside function
# ERROR 9:9: 'break' outside loop
# ERROR 13:5: 'yield' outside function
# ERROR 17:9: 'await' outside function
# ERROR 21:5: cdef statement not allowed here
# ERROR 24:1: not supported yet: cdef classes (extension types)
# ERROR 31:5: 'continue' not properly in loop
