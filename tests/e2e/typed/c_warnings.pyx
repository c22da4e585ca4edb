# Valid code whose generated C once had warnings (PYXC_CFLAGS=-Wall -Wextra
# -Werror): a range() loop variable the body never reads ("variable 'v_i' set
# but not used") and for/else or while/else without a break ("label
# 'pyx_L_break_1' defined but not used").

def count(int n):
    c = 0
    for i in range(n):
        c += 1
    return c

def loop_else(int n):
    cdef int i
    log = []
    for i in range(n):
        log.append(i)
    else:
        log.append("else")
    return log

def while_else(int n):
    while n > 0:
        n -= 1
    else:
        n = -1
    return n
