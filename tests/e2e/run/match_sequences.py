# match: sequence patterns -- which subjects are sequences, lengths, star
# captures, and the order CPython asks a sequence for len() and its items.
import array
import collections
import collections.abc

_HELPERS = '''
import collections.abc

class Logged(collections.abc.Sequence):
    """A sequence that logs every __len__, __getitem__ and __iter__."""
    def __init__(self, log, items, bad_len=False):
        self.log = log
        self.items = list(items)
        self.bad_len = bad_len

    def __len__(self):
        self.log.append("len")
        if self.bad_len:
            raise OSError("no len")
        return len(self.items)

    def __getitem__(self, i):
        self.log.append(("getitem", i))
        return self.items[i]

    def __iter__(self):
        self.log.append("iter")
        return iter(self.items)

class Registered:
    def __init__(self, items):
        self.items = items
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]

collections.abc.Sequence.register(Registered)

class NotRegistered(Registered):
    pass

Point = collections.namedtuple("Point", "x y")
'''
_ns = {}
exec(_HELPERS, _ns)
Logged, Registered, Point = _ns["Logged"], _ns["Registered"], _ns["Point"]


def shape(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return ("one", a)
        case [a, b]:
            return ("two", a, b)
        case [a, b, c]:
            return ("three", a, b, c)
        case [first, *middle, last]:
            return ("many", first, middle, last)
        case _:
            return "not a sequence"


def stars(x):
    match x:
        case [*all_of_it] if len(all_of_it) > 5:
            return ("all", all_of_it)
        case [1, *rest]:
            return ("after 1", rest)
        case [*init, 9]:
            return ("before 9", init)
        case [0, *mid, 0]:
            return ("between zeros", mid)
        case [_, _, *_]:
            return "two or more"
        case [*_]:
            return "a sequence"
    return "no"


def nested(x):
    match x:
        case [(a, b), [c, [d, *e]]]:
            return (a, b, c, d, e)
        case ([x1, y1], (x2, y2)) if x1 == x2:
            return ("vertical", x1)
        case (p, q), *others:
            return ("pairs", p, q, others)
    return None


def open_sequence(x):
    match x:
        case a, b:
            return ("open two", a, b)
        case a, *b,:
            return ("open star", a, b)
        case a,:
            return ("open one", a)
    return None


def call_order(items, pattern):
    log = []
    s = Logged(log, items)
    if pattern == 1:
        match s:
            case [a, b, c]:
                log.append(("matched", a, b, c))
    elif pattern == 2:
        match s:
            case [1, *_, z]:
                log.append(("matched", z))
    elif pattern == 3:
        match s:
            case [a, *_, 5, z]:
                log.append(("matched", a, z))
    elif pattern == 4:
        match s:
            case [_, _]:
                log.append("two wildcards")
    elif pattern == 5:
        match s:
            case [*r]:
                log.append(("rest", r))
    return log


def errors(n):
    log = []
    try:
        match Logged(log, [1, 2], bad_len=(n == 1)):
            case [a, b] if n == 2:
                log.append((a, b, "guard"))
            case [a, b]:
                log.append((a, b))
    except OSError as e:
        log.append(("OSError", str(e)))
    return log


def main():
    subjects = [
        [], [1], [1, 2], (1, 2, 3), [1, 2, 3, 4], range(5), range(0), range(2, 4),
        "", "ab", b"ab", bytearray(b"ab"), memoryview(b"abc"), array.array("i", [7, 8]),
        collections.deque([4, 5]), collections.UserList([6, 7]), Point(1, 2),
        {1: 2}, {1, 2}, frozenset([1]), {}.keys(), {1: 2}.values(), {1: 2}.items(),
        iter([1, 2]), reversed([1]), Registered([1, 2, 3]), _ns["NotRegistered"]([1]),
        collections.OrderedDict(a=1), 12, None,
    ]
    for s in subjects:
        r = shape(s)
        if isinstance(s, memoryview):
            r = (r[0],) + tuple(r[1:]) if isinstance(r, tuple) else r
        print(type(s).__name__, "->", r)
    for s in [[1] * 7, [1, 2, 3], [3, 9], [0, 5, 6, 0], [0, 0], [5, 5], [5], (), "abc"]:
        print(s, "->", stars(s))
    print(nested([(1, 2), [3, [4, 5, 6]]]), nested(([1, 2], (1, 3))), nested([(7, 8), 9, 10]),
          nested([1]))
    print(open_sequence((1, 2)), open_sequence([1, 2, 3]), open_sequence([1]), open_sequence(1))
    for pat in range(1, 6):
        for items in ([1, 2, 3], [1, 5, 9], [1, 2, 5, 6], [3, 4]):
            print(pat, items, call_order(items, pat))
    for n in range(3):
        print(errors(n))
