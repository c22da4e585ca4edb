# tracebacks through generator frames
import traceback


def fails(n):
    yield n
    yield 1 // (n - n)


def delegates():
    yield from fails(3)


def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name.rsplit(".", 1)[-1])
        tb = tb.tb_next
    return out


try:
    list(delegates())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
    print(names(e.__traceback__)[-2:])

g = fails(1)
next(g)
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("thrown:", names(e.__traceback__)[-1:])


def lines():
    yield 1
    raise ValueError("line")


try:
    for _ in lines():
        pass
except ValueError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print("line", tb.tb_lineno, tb.tb_frame.f_code.co_name.rsplit(".", 1)[-1])
