# match: literal and value patterns, captures and wildcards (PEP 634).
import math

# compiled modules cannot define classes yet: the helpers come from exec
_HELPERS = '''
import enum

class Color(enum.Enum):
    RED = 1
    GREEN = 2

class Eq:
    def __init__(self, log, result):
        self.log = log
        self.result = result

    def __eq__(self, other):
        self.log.append(("eq", other))
        return self.result

class Truthy:
    def __init__(self, log, value):
        self.log = log
        self.value = value

    def __bool__(self):
        self.log.append("bool")
        if self.value is None:
            raise RuntimeError("no truth")
        return self.value
'''
_ns = {}
exec(_HELPERS, _ns)
Color, Eq, Truthy = _ns["Color"], _ns["Eq"], _ns["Truthy"]


def literal(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case -2.5e3:
            return "minus 2500.0"
        case 1 + 2j:
            return "1+2j"
        case -1 - 2j:
            return "-1-2j"
        case 3j:
            return "3j"
        case "text":
            return "a str"
        case "con" "cat":
            return "joined"
        case b"bytes":
            return "bytes"
        case 0x10 | 0o20 | 0b10000 | 1_6:
            return "sixteen"
        case 12345678901234567890123:
            return "big"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case _:
            return "other"


def singletons(x):
    # None, True and False compare with 'is': 1 is not True, 0.0 is not False
    match x:
        case True:
            return "is True"
        case False:
            return "is False"
        case None:
            return "is None"
    match x:
        case 1:
            return "== 1"
        case 0:
            return "== 0"
    return "nothing"


def nan_and_zero(x):
    # '==' itself, never an identity shortcut: nan never matches
    match x:
        case 0:
            return "zero"
    return "not zero"


def same_nan(x):
    match x:
        case math.nan:
            return "matched nan"
    return "nan != nan"


def values(x):
    match x:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case math.pi:
            return "pi"
        case math.inf:
            return "inf"
    return "no value"


def capture_trap(x):
    RED = "shadowed"
    match x:
        case RED:   # a capture, not a value: binds RED
            return ("captured", RED)


def wildcard(x):
    match x:
        case _:
            return "anything"


def eq_protocol():
    log = []
    match Eq(log, False):
        case 1:
            log.append("matched 1")
        case "s":
            log.append("matched s")
        case _:
            log.append("fell through")
    match Eq(log, Truthy(log, True)):
        case 2:
            log.append("matched via __bool__")
    try:
        match Eq(log, Truthy(log, None)):
            case 3:
                log.append("unreachable")
    except RuntimeError as e:
        log.append(("raised", str(e)))
    return log


def main():
    for v in [0, -1, 1.5, -2500.0, 1 + 2j, -1 - 2j, 3j, complex(0, 3), "text", "concat", b"bytes",
              16, 16.0, 12345678901234567890123, None, True, False, 1, 0.0, -0.0, [], "x", 2]:
        print(repr(v), "->", literal(v))
    for v in [True, False, None, 1, 0, 1.0, 0.0]:
        print(repr(v), "->", singletons(v))
    for v in [0, 0.0, -0.0, float("nan"), math.nan, False]:
        print(repr(v), "->", nan_and_zero(v))
    print(same_nan(math.nan), same_nan(float("nan")))
    for v in [Color.RED, Color.GREEN, 1, math.pi, math.inf, float("inf"), 3.14]:
        print(repr(v), "->", values(v))
    print(capture_trap(Color.GREEN), capture_trap(42))
    print(wildcard(object) is not None, wildcard(None))
    print(eq_protocol())
