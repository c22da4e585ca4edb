# match statements in typed code: captures into C variables are converted
# (with Cython's errors), C subjects and guards, a cdef function's match.

def typed_captures(v):
    cdef long n = -1
    cdef double d = 0.5
    cdef bint flag = False
    match v:
        case [n, d, flag]:
            return (n, d, flag)
        case {"n": n}:
            return n * 2
        case int(n):
            return (n, d)
        case float(d):
            return (n, d)
    return None


def typed_list_capture(v):
    cdef list rest
    match v:
        case [_, *rest]:
            return rest
    return None


def c_subject(int k):
    cdef int square = k * k
    match square:
        case 0 | 1:
            return "tiny"
        case 4 | 9 if k > 0:
            return "small, positive root"
        case int(s) if s > 100:
            return ("big", s)
    return "other"


cdef int classify(object v) except -1:
    match v:
        case []:
            return 0
        case [int(), *_]:
            return 1
        case {"k": _}:
            return 2
    return 3


def call_classify(v):
    return classify(v)


def capture_stays_object(v):
    x = 1.5
    y = x * 2
    match v:
        case [x]:
            pass
    return x, y
