# break and continue out of finally blocks, with blocks and except handlers:
# the cleanup runs on the way, in every combination CPython allows.
log = []




def finally_break(n):
    for i in range(n):
        try:
            if i == 2:
                break
            log.append(("body", i))
        finally:
            log.append(("fin", i))
    return i


def finally_continue(n):
    total = 0
    for i in range(n):
        try:
            if i % 2:
                continue
            total += i
        finally:
            total += 100
    return total


def nested_finally():
    out = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    continue
                if i == 2:
                    break
                out.append("a%d" % i)
            finally:
                out.append("inner%d" % i)
        finally:
            out.append("outer%d" % i)
    return out


def break_in_finally_drops_exception():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "dropped", i


def continue_in_finally_drops_exception():
    n = 0
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            n += 1
            continue
    return n


def break_cancels_return():
    for i in range(3):
        try:
            return "returned"
        finally:
            break
    return "after loop"


def handler_break():
    import sys
    for i in range(5):
        try:
            raise ValueError(i)
        except ValueError as e:
            if i == 3:
                break
            continue
    return i, sys.exc_info()[0]


def handler_name_unbound():
    for i in range(2):
        try:
            raise ValueError(i)
        except ValueError as err:
            break
    try:
        return err
    except NameError as e:
        return "NameError: " + str(e)




def with_break():
    import contextlib
    out = []
    stack = contextlib.ExitStack()
    for i in range(4):
        with contextlib.ExitStack() as st:
            st.callback(out.append, "exit%d" % i)
            if i == 1:
                continue
            if i == 2:
                break
            out.append("body%d" % i)
    return out


def while_else(n):
    i = 0
    while i < n:
        try:
            i += 1
            if i == 3:
                break
        finally:
            pass
    else:
        return "no break", i
    return "break", i


def loop_in_finally():
    out = []
    try:
        pass
    finally:
        for j in range(5):
            if j == 2:
                break
            out.append(j)
    return out


print(finally_break(5), log)
print(finally_continue(5))
print(nested_finally())
print(break_in_finally_drops_exception())
print(continue_in_finally_drops_exception())
print(break_cancels_return())
print(handler_break())
print(handler_name_unbound())
print(with_break())
print(while_else(5), while_else(2))
print(loop_in_finally())
