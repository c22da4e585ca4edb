# In a .py file 'sizeof' is an ordinary name, not Cython's operator.
import sys


def measure(sizeof, x):
    return sizeof(x)


def local_alias():
    sizeof = sys.getsizeof
    return sizeof([]) == sys.getsizeof([]), sizeof(int) == sys.getsizeof(int)


print(measure(len, "four"))
print(measure(abs, -3))
print(local_alias())
try:
    sizeof(1)
except NameError as e:
    print("NameError:", e)
