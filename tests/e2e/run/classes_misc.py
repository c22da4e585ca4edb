# classes: redefinition, builtin names shadowed in a class body, class-level del,
# classes as values, type() and isinstance with compiled classes
class Shadows:
    list = list((1, 2))
    len = len(list)
    str = "shadowed"
    upper = str.upper()


print(Shadows.list, Shadows.len, Shadows.upper, list("ab"))


class Version1:
    v = 1


first = Version1


class Version1:
    v = 2


print(first.v, Version1.v, first is Version1)


class Temporary:
    a = 1
    b = 2
    del a
    c = b * 10


print(hasattr(Temporary, "a"), Temporary.c)

Dyn = type("Dyn", (Version1,), {"w": 3})
print(Dyn.v, Dyn.w, issubclass(Dyn, Version1), type(Version1).__name__, type(Version1()).__name__)

classes = [type(name, (), {}) for name in ("X", "Y")]


class FromList(*classes):
    pass


print([c.__name__ for c in FromList.__mro__])


def factory(base):
    class Made(base):
        pass
    return Made


print(factory(dict)(a=1), factory(int)(7) + 1, factory(Exception)("e").args)


class Empty:
    ...


e = Empty()
e.__class__ = Version1
print(e.v, isinstance(e, Version1))


class Conditional:
    import sys
    if sys.version_info >= (3, 0):
        def m(self):
            return "py3"
    else:
        def m(self):
            return "py2"
    del sys


print(Conditional().m(), hasattr(Conditional, "sys"))
x = 10


class UsesGlobal:
    x = x * 2
    y = x + 1


print(UsesGlobal.x, UsesGlobal.y, x)
