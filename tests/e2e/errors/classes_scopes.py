# Class scopes: CPython's symtable errors in class bodies.
class A:
    nonlocal y


def f():
    class B:
        nonlocal __class__


class C:
    global g
    g: int = 1

# ERROR 13:5: annotated name 'g' can't be global
# ERROR 3:5: no binding for nonlocal 'y' found
# ERROR 8:9: no binding for nonlocal '__class__' found
