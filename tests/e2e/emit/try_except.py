# try/except/else/finally: matching, tuples, bare except, 'as' names (and
# their deletion), re-raise, chaining, handlers inside loops, returns from
# handlers, sys.exc_info(), bad except clauses.
import sys


def describe(e):
    return (type(e).__name__, str(e), type(e.__cause__).__name__, type(e.__context__).__name__)


def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError as e:
        return "zde: " + str(e)
    except (TypeError, ValueError):
        return "bad operand"


def nested(x):
    out = []
    try:
        try:
            out.append(10 // x)
        except KeyError:
            out.append("key")
        else:
            out.append("else")
        finally:
            out.append("finally")
    except ZeroDivisionError as e:
        out.append(type(e).__name__)
        out.append(sys.exc_info()[0].__name__)
    out.append(sys.exc_info()[0] is None)
    return out


def reraise(x):
    try:
        return 10 // x
    except ZeroDivisionError:
        raise


def chain():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e


def context():
    try:
        [][1]
    except IndexError:
        raise RuntimeError("during")


def name_deleted():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    return err


def loop(items):
    total = 0
    for it in items:
        try:
            total += int(it)
        except ValueError:
            total -= 1
        finally:
            total += 100
    return total


def bare(x):
    try:
        return 1 // x
    except:
        return "caught"


def not_a_class():
    try:
        1 // 0
    except "s":
        pass


def return_in_handler(log):
    try:
        1 // 0
    except ZeroDivisionError:
        return "from handler"
    finally:
        log.append("cleanup")


def unmatched():
    try:
        int("x")
    except KeyError:
        return "wrong"


def main():
    print(safe_div(1, 0), safe_div(1, "x"), safe_div(1, 2))
    print(nested(0), nested(1))
    print(loop(["1", "x", "3", "y"]))
    print(bare(0), bare(1))
    log = []
    print(return_in_handler(log), log)
    for f in (reraise, chain, context, name_deleted, not_a_class, unmatched):
        try:
            f(0) if f is reraise else f()
        except Exception as e:
            print(f.__name__, describe(e))
    print(sys.exc_info())
    reraise(0)
