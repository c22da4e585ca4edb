# Refcounts through match statements: every pattern kind on its matching,
# non-matching and raising paths, failed OR alternatives, guards, captures
# into typed and untyped names (tests/e2e/leaks/driver.py).
import collections

_HELPERS = '''
import collections.abc

class BadEq:
    def __eq__(self, other):
        raise ValueError([other])

class BadSeq(collections.abc.Sequence):
    def __init__(self, fail):
        self.fail = fail
    def __len__(self):
        if self.fail == "len":
            raise KeyError(["len"])
        return 3
    def __getitem__(self, i):
        if self.fail == "item" and i == 2:
            raise IndexError(["item"])
        return [i]
    def __iter__(self):
        if self.fail == "iter":
            raise KeyError(["iter"])
        return iter([[] if self.fail == "item" else [0], [1], [2]])

class BadMap(collections.abc.Mapping):
    def __init__(self, fail):
        self.fail = fail
    def __len__(self):
        return 2
    def __iter__(self):
        return iter(["a", "b"])
    def __getitem__(self, k):
        if self.fail == "getitem":
            raise KeyError([k])
        return [k]
    def get(self, k, default=None):
        if self.fail == "get" and k == "b":
            raise LookupError([k])
        return [k]

class Attrs:
    __match_args__ = ("a", "b")
    def __init__(self, fail=None):
        self.a = [1]
        self.fail = fail
    def __getattr__(self, name):
        if self.fail == name:
            raise RuntimeError([name])
        raise AttributeError(name)
'''
_ns = {}
exec(_HELPERS, _ns)
BadEq = _ns["BadEq"]
BadSeq = _ns["BadSeq"]
BadMap = _ns["BadMap"]
Attrs = _ns["Attrs"]


def values(x):
    match x:
        case 1 | 2.5 | "s" | b"b" | None | True:
            return [x]
        case -3 | 1 + 2j:
            return [x, x]
    return None


def sequences(x):
    match x:
        case [a, [b, *c], *d] if a:
            return [a, b, c, d]
        case [[0], *_, [z]]:
            return z
        case (1, 2) | [_, _, _]:
            return [x]
        case [*everything]:
            return everything
    return None


def mappings(x):
    match x:
        case {"a": [va], "b": vb, **rest}:
            return [va, vb, rest]
        case {"a": 1, **rest}:
            return rest
        case {"k": [1, *more]}:
            return more
    return None


def three_keys(x):
    match x:   # two keys found, then one missing
        case {"x": a, "y": b, "z": c}:
            return [a, b, c]
    return None


def classes(x):
    match x:
        case Attrs(a=[v], fail=f, missing=m):   # two attributes found, then one missing
            return [v, f, m]
        case int(n) if n > 2:
            return [n]
        case Attrs([v], b=bb):
            return [v, bb]
        case Attrs([v]):
            return [v]
        case collections.OrderedDict(items=it) | dict(items=it):
            return [it]
    return None


def alternatives(x):
    match x:
        case [a, 1] | [1, a] | {"a": a}:
            return [a]
        case [[p, q], 2] | [2, [p, q]] as whole if p:
            return [p, q, whole]
    return None


def typed(x):
    cdef long n = 0
    cdef double d = 0
    match x:
        case [n, d]:
            return n + d
        case {"n": n}:
            return n
    return -1


def rebinding(x):
    match x:
        case [x, *_]:
            return x
    return x


def guarded(x, flag):
    match x:
        case [a, b] if flag and a == b:
            return [a]
        case [a, *_] if flag:
            return [a, a]
    return [x]


def caught(x):
    try:
        match x:
            case [a, *_] if a:
                raise KeyError([a])
            case {"a": v, **rest}:
                return [v, rest]
    except LookupError as e:
        return e.args
    return None


def in_loop(items):
    out = []
    for x in items:
        match x:
            case [a]:
                out.append(a)
                continue
            case {"stop": v}:
                out.append(v)
                break
            case {"return": v}:
                return v
    return out


LEAK_CALLS = [
    ("values", (1,), None),
    ("values", ("s",), None),
    ("values", (-3,), None),
    ("values", ([1],), None),
    ("values", (BadEq(),), ValueError),
    ("sequences", ([[5], [6, 7, 8], 9],), None),
    ("sequences", ([[0], [1], [2], [3]],), None),
    ("sequences", ((1, 2),), None),
    ("sequences", ([0, [1], [2]],), None),
    ("sequences", ((0, (1,)),), None),
    ("sequences", ("abc",), None),
    ("sequences", (BadSeq(None),), None),
    ("sequences", (BadSeq("len"),), KeyError),
    ("sequences", (BadSeq("iter"),), KeyError),
    ("sequences", (BadSeq("item"),), IndexError),
    ("mappings", ({"a": [1], "b": [2], "c": [3]},), None),
    ("mappings", ({"a": 1, "x": [4]},), None),
    ("mappings", ({"k": [1, 2, 3]},), None),
    ("mappings", ({"a": [1, 2], "b": 0},), None),
    ("mappings", ({"k": [2]},), None),
    ("mappings", ([1],), None),
    ("mappings", (BadMap(None),), None),
    ("mappings", (BadMap("get"),), LookupError),
    ("mappings", (BadMap("getitem"),), KeyError),
    ("three_keys", ({"x": [1], "y": [2], "w": [3]},), None),
    ("three_keys", ({"x": [1], "w": [2], "z": [3]},), None),
    ("three_keys", ({"x": [1], "y": [2], "z": [3]},), None),
    ("classes", (5,), None),
    ("classes", (1,), None),
    ("classes", (Attrs(),), None),
    ("classes", (Attrs("b"),), RuntimeError),
    ("classes", (collections.OrderedDict(),), None),
    ("classes", ({},), None),
    ("classes", ("s",), None),
    ("alternatives", ([[9], 1],), None),
    ("alternatives", ([1, [8]],), None),
    ("alternatives", ({"a": [7]},), None),
    ("alternatives", ([[1, 2], 2],), None),
    ("alternatives", ([2, [3, 4]],), None),
    ("alternatives", ([2, [0, 4]],), None),
    ("alternatives", ([[0], 3],), None),
    ("typed", ([1, 2.5],), None),
    ("typed", ({"n": 3},), None),
    ("typed", ([1, "x"],), TypeError),
    ("typed", ({"n": [1]},), TypeError),
    ("typed", ([[1], 2.0],), TypeError),
    ("rebinding", ([[1], 2],), None),
    ("rebinding", ([],), None),
    ("guarded", ([[1], [1]], True), None),
    ("guarded", ([[1], [2]], True), None),
    ("guarded", ([[1], [2]], False), None),
    ("guarded", ([[1], [2]], BadEq()), None),
    ("guarded", ([BadEq(), [1]], True), ValueError),
    ("caught", ([[1]],), None),
    ("caught", ({"a": [1], "b": [2]},), None),
    ("caught", (BadMap("get"),), None),
    ("caught", (BadSeq("item"),), None),
    ("caught", (BadEq(),), None),
    ("in_loop", ([[[1]], [[2]], {"stop": [3]}, [4]],), None),
    ("in_loop", ([[[1]], {"return": [5]}],), None),
    ("in_loop", ([[[1]], 1, {"return": [6]}],), None),
]
