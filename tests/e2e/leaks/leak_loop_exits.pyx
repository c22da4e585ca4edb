# Refcounts through break and continue out of finally, with and except, and
# return out of for loops (tests/e2e/leaks/driver.py).
import contextlib


def finally_exits(items):
    out = []
    for x in items:
        try:
            if x is None:
                break
            if x == 0:
                continue
            out.append([x])
        finally:
            out.append("f")
    return out


def drop_exception(items):
    for x in items:
        try:
            raise ValueError([x])
        finally:
            if x:
                break
            continue
    return items


def cancel_return(items):
    for x in items:
        try:
            return [x]
        finally:
            break
    return None


def handler_exits(items):
    n = 0
    for x in items:
        try:
            raise KeyError([x])
        except KeyError as e:
            if x:
                break
            n += 1
            continue
    return n


def with_exits(items):
    out = []
    for x in items:
        with contextlib.ExitStack() as st:
            st.callback(out.append, [x])
            if x:
                break
            continue
    return out


def raising_after(items):
    for x in items:
        try:
            if x:
                break
        finally:
            [x][1]
    return x


def return_from_for(items):
    for x in items:
        for y in x:
            if y:
                return [y]
    else:
        return None


LEAK_CALLS = [
    ("finally_exits", ([1, 0, 2, None, 3],), None),
    ("drop_exception", ([0, 0, 1],), None),
    ("cancel_return", ([5],), None),
    ("handler_exits", ([0, 0, "x"],), None),
    ("with_exits", ([0, 1],), None),
    ("raising_after", ([1],), IndexError),
    ("return_from_for", ([[0], [0, [1]]],), None),
    ("return_from_for", ([[0]],), None),
]
