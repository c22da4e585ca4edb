# for-range in every form (C loops), for over iterables, while/else,
# break/continue, loop else.

def r1(long n):
    out = []
    for i in range(n):
        out.append(i)
    return out

def r2(long a, long b):
    cdef long i
    out = []
    for i in range(a, b):
        out.append(i)
    return out

def r3(long a, long b, long s):
    cdef long i
    out = []
    for i in range(a, b, s):     # L:r3
        out.append(i)
    return out

def r3_const_neg():
    cdef int i
    out = []
    for i in range(10, -3, -3):
        out.append(i)
    return out

def r3_untyped(a, b, s):
    out = []
    for i in range(a, b, s):
        out.append(i)
    return out

def r_zero_step_const():
    out = []
    for i in range(0, 5, 0):     # L:zero_const
        out.append(i)
    return out

def r_empty():
    n = []
    for i in range(0):
        n.append(i)
    for i in range(5, 5):
        n.append(i)
    for i in range(5, 0):
        n.append(i)
    for i in range(0, 5, -1):
        n.append(i)
    return len(n)

def r_sum(long n):
    cdef long long total = 0
    cdef long i
    for i in range(n):
        total += i * i
    return total

def r_body_modifies_var(int n):
    cdef int i
    out = []
    for i in range(n):
        out.append(i)
        i = i + 10
    return out

def r_bounds_evaluated_once(list calls):
    cdef int i
    n = 0
    for i in range(len(calls), len(calls) + 3):
        calls.append(i)
        n += 1
    return n

def r_var_after_loop(int n):
    cdef int i = -1
    for i in range(n):
        pass
    return i

def r_big_bounds(long long a, long long b):
    cdef long long i
    cnt = 0
    for i in range(a, b):
        cnt += 1
    return cnt, i

def r_unsigned(unsigned int n):
    cdef unsigned int i
    out = []
    for i in range(n):
        out.append(i)
    return out

def r_obj_range(x):
    out = []
    for i in range(x):
        out.append(i)
    return out

def break_else(int n, int stop):
    cdef int i
    log = []
    for i in range(n):
        if i == stop:
            break
        log.append(i)
    else:
        log.append("else")
    return log

def continue_loop(int n):
    cdef int i
    log = []
    for i in range(n):
        if i % 2:
            continue
        if i > 100:
            break
        log.append(i)
    else:
        log.append("else")
    return log

def while_else(int n, int stop):
    cdef int i = 0
    log = []
    while i < n:
        i += 1
        if i == stop:
            break
        if i == 2:
            continue
        log.append(i)
    else:
        log.append("else")
    return log

def iterate(obj):
    out = []
    for x in obj:
        out.append(x)
    else:
        out.append(None)
    return out

def iterate_break(obj, stop):
    for x in obj:
        if x == stop:
            break
    else:
        return "not found"
    return "found %r" % (x,)

def nested(int n):
    cdef int i, j
    total = 0
    for i in range(n):
        for j in range(i):
            if j == 3:
                break
            total += j
        else:
            total += 100
    return total

def iterate_dict(dict d):
    keys = []
    for k in d:
        keys.append(k)
    return keys

def iterate_str(str s):
    n = 0
    for c in s:
        if c == "a":
            n += 1
    return n

def infinite_with_break():
    cdef int i = 0
    while True:
        i += 1
        if i > 50:
            break
    return i

def while_cond_object(list xs):
    n = 0
    while xs:
        xs.pop()
        n += 1
    return n
