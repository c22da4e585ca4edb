"""Implicit (__context__) and explicit (__cause__) chaining, suppression, and the messages."""
import traceback


def implicit():
    try:
        {}["missing"]
    except KeyError:
        raise ValueError("while handling")


def explicit():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("converted") from e


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("no context") from None


def describe(f):
    try:
        f()
    except Exception as e:
        c = e.__context__
        print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", type(c).__name__ if c else None,
              "| suppress:", e.__suppress_context__)
        lines = traceback.format_exception(type(e), e, e.__traceback__)
        print(len([l for l in lines if "During handling" in l or "direct cause" in l]))


def reraise_in_except():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise e
    except KeyError as e:
        print("caught again", repr(e), e.__context__)


def except_var_deleted():
    e = "before"
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    try:
        print(e)
    except UnboundLocalError as err:
        print("UnboundLocalError", err)


def main():
    describe(implicit)
    describe(explicit)
    describe(suppressed)
    reraise_in_except()
    except_var_deleted()


main()
