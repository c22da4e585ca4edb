# classes: exceptions raised inside class bodies and methods, and tracebacks
import traceback


def frames(exc):
    return [f.name.split(".")[-1] for f in traceback.extract_tb(exc.__traceback__)]


try:
    class Bad:
        x = 1
        y = undefined_name
except NameError as e:
    print("NameError", e, frames(e)[-1])


def make():
    class Inner:
        raise ValueError("in body")


try:
    make()
except ValueError as e:
    print("ValueError", e, frames(e)[-2:])


class Method:
    def fail(self, x):
        return 10 // x


try:
    Method().fail(0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e, frames(e)[-1])


class Handled:
    try:
        int("x")
    except ValueError as err:
        caught = str(err)
    ok = "after"


print(Handled.caught, Handled.ok, hasattr(Handled, "err"))


class Retry:
    attempts = []
    for i in range(3):
        try:
            if i < 2:
                raise KeyError(i)
            attempts.append("ok")
        except KeyError as k:
            attempts.append("retry %s" % k)
        finally:
            attempts.append("finally")


print(Retry.attempts)


def deleted():
    class D:
        a = 1
        del a
        try:
            del a
        except NameError as e:
            msg = str(e)
    return D.msg


print(deleted())
try:
    class E:
        raise TypeError("class body failed")
except TypeError as e:
    print(type(e).__name__, e)


class Final:
    def boom(self):
        raise RuntimeError("from a compiled method")


Final().boom()
