# with: the library's context managers (files, suppress, nullcontext,
# ExitStack, locks), exceptions passed to __exit__ (suppressed or not),
# return from inside, several managers, objects that are not managers.
import contextlib
import os
import tempfile
import threading


def suppressing(log):
    with contextlib.suppress(ZeroDivisionError):
        log.append("before")
        log.append(1 // 0)
    log.append("continued")
    return log


def not_suppressing():
    with contextlib.suppress(KeyError):
        return 1 // 0


def nested(log):
    lock = threading.Lock()
    with contextlib.nullcontext("a") as x, lock:
        log.append(x + str(lock.locked()))
    log.append(lock.locked())
    return log


def returning(path):
    with open(path) as f:
        return f.readline().strip(), f


def exit_stack(log):
    with contextlib.ExitStack() as stack:
        stack.callback(log.append, "callback 1")
        stack.callback(log.append, "callback 2")
        log.append("body")
    return log


def not_a_manager():
    with int("42"):
        pass


def main():
    print(suppressing([]))
    try:
        not_suppressing()
    except ZeroDivisionError as e:
        print("propagated", e)
    print(nested([]))
    fd, path = tempfile.mkstemp()
    os.write(fd, b"first line\nsecond\n")
    os.close(fd)
    line, f = returning(path)
    print(line, f.closed)
    os.unlink(path)
    print(exit_stack([]))
    try:
        not_a_manager()
    except TypeError as e:
        print("TypeError", e)
