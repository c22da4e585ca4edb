class A:
    def f(self)
        pass

x = )

cdef class B
    pass

# ERROR 2:16: expected ':' after 'def f(self)'
# ERROR 5:5: unmatched ')'
# ERROR 7:13: expected ':' after 'cdef class B'
