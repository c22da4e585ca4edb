# cython: profile=True, linetrace=True
# Profiled and line-traced functions called under sys.setprofile,
# sys.settrace and cProfile, returning and raising, under python3.11-dbg:
# every reported call releases its frame (the code objects are made once).
import sys
import cProfile
cimport cython


cdef int check(int x) except -1:
    if x < 0:
        raise ValueError("negative %d" % x)
    return x


cdef long quiet(long x) noexcept:
    return x * 2


@cython.profile(False)
def hidden(x):
    return x


def work(x):
    cdef int i
    total = []
    for i in range(3):
        total.append(check(x) + quiet(i))
    try:
        total.append(1 // (x - 1))
    except ZeroDivisionError:
        total.append(0)
    return total + [hidden(x)]


def fails(x):
    items = [x, x]
    check(-x - 1)
    return items


def _profiler(frame, event, arg):
    pass


def _tracer(frame, event, arg):
    return _tracer


def _raising_profiler(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "check":
        raise KeyError("from the profiler")


def under_setprofile(x):
    sys.setprofile(_profiler)
    try:
        return work(x)
    finally:
        sys.setprofile(None)


def raising_under_setprofile(x):
    sys.setprofile(_profiler)
    try:
        return fails(x)
    finally:
        sys.setprofile(None)


def under_settrace(x):
    sys.settrace(_tracer)
    try:
        return work(x)
    finally:
        sys.settrace(None)


def raising_under_settrace(x):
    sys.settrace(_tracer)
    try:
        return fails(x)
    finally:
        sys.settrace(None)


def under_cprofile(x):
    p = cProfile.Profile()
    p.enable()
    try:
        work(x)
        return fails(x)
    finally:
        p.disable()


def profiler_raises(x):
    sys.setprofile(_raising_profiler)
    try:
        return work(x)
    finally:
        sys.setprofile(None)


LEAK_CALLS = [
    ("under_setprofile", (3,), None),
    ("under_setprofile", (1,), None),
    ("raising_under_setprofile", (2,), ValueError),
    ("under_settrace", (3,), None),
    ("raising_under_settrace", (2,), ValueError),
    ("under_cprofile", (4,), ValueError),
    ("profiler_raises", (3,), KeyError),
    ("work", (5,), None),
    ("fails", (5,), ValueError),
]
