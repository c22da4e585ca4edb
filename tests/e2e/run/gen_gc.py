# suspended generators collected: finally and with run, GeneratorExit inside
import gc
import contextlib

log = []


def with_finally(tag):
    try:
        yield 1
        yield 2
    finally:
        log.append("finally " + tag)


g = with_finally("a")
next(g)
del g
print(log)


@contextlib.contextmanager
def cm(tag):
    try:
        yield
    finally:
        log.append("cm exit " + tag)


def with_block():
    with cm("b"):
        yield 1


g = with_block()
next(g)
g = None
print(log)


def cycle():
    me = yield
    try:
        yield "holding myself"
    finally:
        log.append("cycle finally")


g = cycle()
next(g)
g.send(g)
del g
gc.collect()
print(log)


def not_started():
    try:
        yield 1
    finally:
        log.append("never")


g = not_started()
del g
print(log)


def catch_exit():
    try:
        yield 1
    except GeneratorExit:
        log.append("GeneratorExit seen")
        raise


g = catch_exit()
next(g)
del g
print(log)
