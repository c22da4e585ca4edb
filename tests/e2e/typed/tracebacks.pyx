# Each compiled frame appears once in a traceback, at the line that failed,
# whatever try/except/finally the error passed through.

cdef int fail(int x) except -1:
    if x:
        raise ValueError("bad")  # L:raise_site
    return 0

def through_finally(int x):
    try:
        fail(x)  # L:finally_call
    finally:
        pass

def through_except(int x):
    try:
        fail(x)  # L:except_call
    except KeyError:
        pass

def reraised(int x):
    try:
        fail(x)  # L:reraise_call
    except ValueError:
        raise

def raised_in_handler(int x):
    try:
        fail(x)
    except ValueError:
        raise KeyError("k")  # L:handler_raise

def caught_frames(int x):
    try:
        fail(x)  # L:caught_call
    except ValueError as e:
        return e
