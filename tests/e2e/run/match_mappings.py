# match: mapping patterns -- which subjects are mappings, keys looked up
# with get() before any value is matched, '**rest', duplicate keys.
import collections
import types

_HELPERS = '''
import collections.abc

class Logged(collections.abc.Mapping):
    """A mapping that logs len(), get() and iteration."""
    def __init__(self, log, data, missing=False):
        self.log = log
        self.data = dict(data)
        self.missing = missing

    def __len__(self):
        self.log.append("len")
        return len(self.data)

    def __getitem__(self, k):
        self.log.append(("getitem", k))
        return self.data[k]

    def __iter__(self):
        self.log.append("iter")
        return iter(self.data)

    def get(self, k, default=None):
        self.log.append(("get", k))
        if k == "boom":
            raise LookupError("get failed")
        return self.data.get(k, default)

    def keys(self):
        self.log.append("keys")
        return self.data.keys()

class Missing(dict):
    def __missing__(self, key):
        return "made up"

class Key:
    A = "a"
    B = "a"
    L = [1]
'''
_ns = {}
exec(_HELPERS, _ns)
Logged, Missing, Key = _ns["Logged"], _ns["Missing"], _ns["Key"]


def kind(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return ("point", px, py)
        case {"type": "circle", "r": r, **rest}:
            return ("circle", r, rest)
        case {1: one, -2: minus_two}:
            return ("ints", one, minus_two)
        case {True: t}:
            return ("true key", t)
        case {None: n, b"k": b}:
            return ("none and bytes", n, b)
        case {**everything} if len(everything) > 3:
            return ("big", sorted(everything.items(), key=repr))
        case {}:
            return "any mapping"
    return "not a mapping"


def rest_is_new(d):
    match d:
        case {"a": 1, **rest}:
            rest["z"] = 26
            return rest, d
    return None


def dotted_keys(d):
    match d:
        case {Key.A: v}:
            return ("Key.A", v)
    return "no"


def duplicates(d):
    try:
        match d:
            case {Key.A: 1, Key.B: 2}:
                return "matched"
    except ValueError as e:
        return ("ValueError", str(e))
    return "no"


def unhashable(d):
    try:
        match d:
            case {Key.L: 1}:
                return "matched"
    except TypeError as e:
        return ("TypeError", str(e))
    return "no"


def call_order(data, pattern):
    log = []
    m = Logged(log, data)
    try:
        if pattern == 1:
            match m:
                case {"a": 1, "b": bb}:
                    log.append(("matched", bb))
        elif pattern == 2:
            match m:
                case {"a": [x], "c": 3}:
                    log.append(("matched", x))
        elif pattern == 3:
            match m:
                case {"a": _, **rest}:
                    log.append(("rest", sorted(rest.items())))
        elif pattern == 4:
            match m:
                case {"boom": _}:
                    log.append("unreachable")
        elif pattern == 5:
            match m:
                case {**rest}:
                    log.append(("all", sorted(rest.items())))
    except LookupError as e:
        log.append(("LookupError", str(e)))
    return log


def main():
    subjects = [
        {"type": "point", "x": 1, "y": 2}, {"type": "point", "x": 1}, {"type": "circle", "r": 3},
        {"type": "circle", "r": 3, "color": "red", 4: 5}, {1: "one", -2: "m2", 3: "x"}, {1: "a", True: "b"},
        {None: 0, b"k": 1}, {1.0: "float one", -2.0: "float"}, {"a": 1, "b": 2, "c": 3, "d": 4}, {},
        collections.OrderedDict(type="point", x=5, y=6), collections.defaultdict(int, {1: 1}),
        collections.defaultdict(int), collections.Counter("aab"), collections.UserDict({1: 2, -2: 3}),
        types.MappingProxyType({"type": "circle", "r": 9}), collections.ChainMap({1: 2}, {-2: 4}),
        Missing(), Missing({True: 1}), [("type", "point")], "type", None, 5,
    ]
    for s in subjects:
        print(type(s).__name__, "->", kind(s))
    print(collections.defaultdict(int), "unchanged by the match")
    r, d = rest_is_new({"a": 1, "b": 2})
    print(r, d, type(r).__name__)
    r, d = rest_is_new(collections.OrderedDict(a=1, b=2))
    print(r, d, type(r).__name__)
    print(dotted_keys({"a": 5}), dotted_keys({"b": 5}))
    print(duplicates({"a": 1}), duplicates({}), duplicates({"a": 1, "b": 2}))
    print(unhashable({1: 2}), unhashable({}))
    for pat in range(1, 6):
        for data in ({"a": 1, "b": 2}, {"a": 2, "b": 2}, {"a": [7], "c": 3}, {"c": 3, "d": 4}, {"a": 0}):
            print(pat, data, call_order(data, pat))
