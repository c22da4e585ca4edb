# match: class patterns -- isinstance, __match_args__, the builtins that
# match themselves, keyword attributes, and CPython's errors.
import collections
import fractions
import types

_HELPERS = '''
import collections

Point = collections.namedtuple("Point", "x y")

class Logged:
    __match_args__ = ("a", "b")
    def __init__(self, log, **attrs):
        self.__dict__["log"] = log
        self.__dict__.update(attrs)
    def __getattr__(self, name):
        self.__dict__["log"].append(("getattr", name))
        if name == "boom":
            raise KeyError("attribute lookup failed")
        raise AttributeError(name)
    def __getattribute__(self, name):
        if name not in ("__dict__", "__class__"):
            object.__getattribute__(self, "log").append(("get", name))
        return object.__getattribute__(self, name)

class ListArgs:
    __match_args__ = ["a"]

class IntArgs:
    __match_args__ = (1,)

class Twice:
    __match_args__ = ("a", "a")
    a = 1

class NoArgs:
    pass

class MyInt(int):
    pass

class MyIntArgs(int):
    __match_args__ = ("real", "imag")

class Meta(type):
    def __instancecheck__(cls, obj):
        if obj == "raise":
            raise ArithmeticError("instancecheck failed")
        return obj == "yes"

class Virtual(metaclass=Meta):
    pass
'''
_ns = {}
exec(_HELPERS, _ns)
H = types.SimpleNamespace(**_ns)
Point, Logged, Virtual = H.Point, H.Logged, H.Virtual


def builtin(x):
    match x:
        case bool(b):
            return ("bool", b)
        case int(0 | 1 as small):
            return ("small int", small)
        case int(i) if i < 0:
            return ("negative int", i)
        case int():
            return "int"
        case float(f):
            return ("float", f)
        case complex(real=r, imag=0.0):
            return ("real complex", r)
        case complex(real=r, imag=i):
            return ("complex", r, i)
        case str("x" | "y" as s):
            return ("x or y", s)
        case str(s):
            return ("str", s)
        case bytes(b) | bytearray(b):
            return ("bytes-like", b)
        case list([a, *_]):
            return ("list starting with", a)
        case tuple((a, b)):
            return ("pair", a, b)
        case dict({"k": v}):
            return ("dict with k", v)
        case set(s) | frozenset(s):
            return ("set", sorted(s))
    return "other"


def library(x):
    match x:
        case fractions.Fraction(numerator=n, denominator=1):
            return ("whole fraction", n)
        case fractions.Fraction(numerator=n, denominator=d):
            return ("fraction", n, d)
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return ("on the y axis", y)
        case Point(x, y) if x == y:
            return ("diagonal", x)
        case Point(a, b):
            return ("point", a, b)
        case ValueError(args=(msg,)):
            return ("ValueError", msg)
        case KeyError() | IndexError() as e:
            return ("lookup error", type(e).__name__)
        case collections.OrderedDict(items=it):
            return ("OrderedDict has items()", callable(it))
        case object(missing=m):
            return ("has missing", m)
    return "other"


def subclasses(x):
    match x:
        case H.MyInt(v) if False:
            return "never"
        case _:
            pass
    match x:
        case int(v):
            return ("int matches itself", v)
    return "no"


def errors(n):
    log = []
    try:
        if n == 0:
            match 1:
                case len():
                    pass
        elif n == 1:
            match H.ListArgs():
                case H.ListArgs(1):
                    pass
        elif n == 2:
            match H.IntArgs():
                case H.IntArgs(1):
                    pass
        elif n == 3:
            match H.Twice():
                case H.Twice(1, 2):
                    pass
        elif n == 4:
            match H.NoArgs():
                case H.NoArgs(1):
                    pass
        elif n == 5:
            match 5:
                case int(1, 2):
                    pass
        elif n == 6:
            match collections.OrderedDict():
                case collections.OrderedDict(1):
                    pass
        elif n == 7:
            match H.MyIntArgs(3):
                case H.MyIntArgs(r, i):
                    log.append(("MyIntArgs", r, i))
                case H.MyIntArgs(r, i, x):
                    pass
        elif n == 8:
            match Logged(log, a=1):
                case Logged(1, a=2):
                    pass
        elif n == 9:
            match "raise":
                case Virtual():
                    pass
        elif n == 10:
            match "yes":
                case Virtual():
                    log.append("virtual instance")
    except (TypeError, ArithmeticError) as e:
        log.append((type(e).__name__, str(e)))
    return log


def attribute_order(kind):
    log = []
    obj = Logged(log, a=1, b=2, c=3)
    try:
        match obj:
            case Logged(1, 3) if kind == 0:
                log.append("matched wrong")
            case Logged(x, c=3, b=2) if kind == 1:
                log.append(("matched", x))
            case Logged(a, missing=m):
                log.append(("matched missing", m))
            case Logged(boom=_):
                log.append("boom")
    except KeyError as e:
        log.append(("KeyError", str(e)))
    return log


def main():
    for v in [True, False, 0, 1, -5, 7, 2.5, 3 + 0j, 1 + 2j, "x", "z", b"b", bytearray(b"ba"), [9, 8], [],
              (1, 2), (1, 2, 3), {"k": 1}, {1, 2}, frozenset([3]), None]:
        print(repr(v), "->", builtin(v))
    for v in [fractions.Fraction(4, 2), fractions.Fraction(1, 3), Point(0, 0), Point(0, 5), Point(2, 2),
              Point(1, 2), ValueError("bad"), ValueError("a", "b"), KeyError(1), IndexError(),
              collections.OrderedDict(), 12]:
        print(repr(v), "->", library(v))
    print(subclasses(H.MyInt(4)), subclasses(4), subclasses("4"))
    for n in range(11):
        print(n, errors(n))
    for k in range(2):
        print(k, attribute_order(k))
