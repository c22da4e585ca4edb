# classes: zero-argument super() everywhere CPython allows it, and its errors
class A:
    def f(self):
        return "A"


class B(A):
    def f(self):
        def g(x):
            return super().f()

        def h():
            return super().f()

        out = [g(self)]
        try:
            out.append(h())
        except RuntimeError as e:
            out.append("RuntimeError: %s" % e)
        try:
            out.append([super().f() for _ in range(1)])
        except TypeError as e:
            out.append("TypeError: %s" % e)
        out.append((lambda s: super().f())(self))
        return out

    def deleted(self):
        del self
        return super()

    def star(*args):
        return super()

    def kwonly(*, a=1):
        return super()


for m in ("f", "deleted", "star", "kwonly"):
    try:
        print(m, getattr(B(), m)())
    except RuntimeError as e:
        print(m, "RuntimeError", e)


def plain(x):
    return super()


def plain0():
    return super()


for fn in (lambda: plain(1), plain0):
    try:
        fn()
    except RuntimeError as e:
        print("RuntimeError", e)

try:
    super()
except RuntimeError as e:
    print("module RuntimeError", e)


class InBody:
    try:
        super()
    except RuntimeError as e:
        print("body RuntimeError", e)


def shadowed():
    super = lambda: "shadowed super"
    return super()


print(shadowed())


class Early:
    def m(self):
        return __class__

    try:
        m(None)
    except NameError as e:
        print("NameError", e)


super()
