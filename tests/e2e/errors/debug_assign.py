# '__debug__' is a constant: CPython's compiler refuses to bind or delete
# it, wherever the binding is (each position checked against CPython 3.11).
__debug__ = 1
del x, __debug__
for __debug__ in x:
    pass
with a as __debug__:
    pass
f(1, __debug__=1)
import a as __debug__
x.__debug__ = 1
__debug__ += 1
y = (__debug__ := 1)
a, (b, __debug__) = x
z = [1 for __debug__ in x]


@d
def g(a, *, __debug__):
    pass


def __debug__():
    pass


h = lambda __debug__: 1
try:
    pass
except E as __debug__:
    pass
match x:
    case [1, *__debug__]:
        pass
    case {1: 2, **__debug__}:
        pass
    case C(a, __debug__=1):
        pass
del x.__debug__          # allowed: only stores to the attribute are refused

# ERROR 3:1: cannot assign to __debug__
# ERROR 4:8: cannot delete __debug__
# ERROR 5:5: cannot assign to __debug__
# ERROR 7:11: cannot assign to __debug__
# ERROR 9:1: cannot assign to __debug__
# ERROR 10:1: cannot assign to __debug__
# ERROR 11:1: cannot assign to __debug__
# ERROR 12:1: cannot assign to __debug__
# ERROR 13:6: cannot assign to __debug__
# ERROR 14:8: cannot assign to __debug__
# ERROR 15:12: cannot assign to __debug__
# ERROR 19:1: cannot assign to __debug__
# ERROR 23:1: cannot assign to __debug__
# ERROR 27:5: cannot assign to __debug__
# ERROR 30:1: cannot assign to __debug__
# ERROR 33:14: cannot assign to __debug__
# ERROR 35:14: cannot assign to __debug__
# ERROR 37:25: cannot assign to __debug__
