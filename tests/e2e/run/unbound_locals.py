# UnboundLocalError exactly where CPython raises it, and nowhere else.
def empty_range():
    for i in range(0):
        pass
    return i


def empty_list():
    for x in []:
        pass
    return x


def maybe(flag):
    if flag:
        y = 1
    return y


def deleted():
    z = 1
    del z
    return z


def handler_name():
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
    return e


def assigned_in_try(fail):
    try:
        if fail:
            raise KeyError("k")
        w = 5
    except KeyError:
        pass
    return w


def while_break(n):
    while n > 0:
        q = n
        n -= 1
        if n == 2:
            break
    return q


def float_maybe(flag):
    if flag:
        f = 1.5
    return f


def range_used_after(n):
    for k in range(n):
        pass
    return k


def always_bound(n):
    total = 0
    for j in range(n):
        total += j
    r = total
    try:
        r = r * 2
    finally:
        r = r + 1
    return r


def main():
    try:
        print('empty_range()', empty_range())
    except UnboundLocalError as exc:
        print('empty_range()', 'UnboundLocalError:', exc)
    try:
        print('empty_list()', empty_list())
    except UnboundLocalError as exc:
        print('empty_list()', 'UnboundLocalError:', exc)
    try:
        print('maybe(True)', maybe(True))
    except UnboundLocalError as exc:
        print('maybe(True)', 'UnboundLocalError:', exc)
    try:
        print('maybe(False)', maybe(False))
    except UnboundLocalError as exc:
        print('maybe(False)', 'UnboundLocalError:', exc)
    try:
        print('deleted()', deleted())
    except UnboundLocalError as exc:
        print('deleted()', 'UnboundLocalError:', exc)
    try:
        print('handler_name()', handler_name())
    except UnboundLocalError as exc:
        print('handler_name()', 'UnboundLocalError:', exc)
    try:
        print('assigned_in_try(False)', assigned_in_try(False))
    except UnboundLocalError as exc:
        print('assigned_in_try(False)', 'UnboundLocalError:', exc)
    try:
        print('assigned_in_try(True)', assigned_in_try(True))
    except UnboundLocalError as exc:
        print('assigned_in_try(True)', 'UnboundLocalError:', exc)
    try:
        print('while_break(5)', while_break(5))
    except UnboundLocalError as exc:
        print('while_break(5)', 'UnboundLocalError:', exc)
    try:
        print('while_break(0)', while_break(0))
    except UnboundLocalError as exc:
        print('while_break(0)', 'UnboundLocalError:', exc)
    try:
        print('float_maybe(True)', float_maybe(True))
    except UnboundLocalError as exc:
        print('float_maybe(True)', 'UnboundLocalError:', exc)
    try:
        print('float_maybe(False)', float_maybe(False))
    except UnboundLocalError as exc:
        print('float_maybe(False)', 'UnboundLocalError:', exc)
    try:
        print('range_used_after(3)', range_used_after(3))
    except UnboundLocalError as exc:
        print('range_used_after(3)', 'UnboundLocalError:', exc)
    try:
        print('range_used_after(0)', range_used_after(0))
    except UnboundLocalError as exc:
        print('range_used_after(0)', 'UnboundLocalError:', exc)
    try:
        print('always_bound(4)', always_bound(4))
    except UnboundLocalError as exc:
        print('always_bound(4)', 'UnboundLocalError:', exc)


main()
