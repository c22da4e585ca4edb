def f(*a, **k):
    return a, k

f(a=1, 2)
f(**k, 3)
f(a=1, **k, 4)
f(**k, *a)
f(a=1, *b)
f(**k, a=1)
class C(a=1, B):
    pass
print(x=1, sep="", x=2)

# ERROR 4:8: positional argument follows keyword argument
# ERROR 5:8: positional argument follows keyword argument unpacking
# ERROR 6:13: positional argument follows keyword argument unpacking
# ERROR 7:8: iterable argument unpacking follows keyword argument unpacking
# ERROR 10:14: positional argument follows keyword argument
# ERROR 12:20: keyword argument repeated: x
