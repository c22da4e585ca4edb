x = 1


def f():
    nonlocal x
    x = 2
# ERROR 5:5: no binding for nonlocal 'x' found
