# classes: the attribute protocol on compiled classes
class Record:
    kind = "class attribute"

    def __init__(self):
        self.kind_seen = self.kind
        self.kind = "instance attribute"


r = Record()
print(r.kind_seen, r.kind, Record.kind, vars(r))
del r.kind
print(r.kind)


class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "log", [])

    def __getattribute__(self, name):
        if name in ("_target", "log", "__class__", "__dict__"):
            return object.__getattribute__(self, name)
        self.log.append(name)
        return getattr(self._target, name)

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        setattr(self._target, name, value)


class Target:
    x = 1

    def hello(self):
        return "hello from target"


p = Proxy(Target())
p.y = 5
print(p.x, p.hello(), p.y, p.log)


class Defaults:
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return "default " + name


d = Defaults()
d.real = "real"
print(d.real, d.anything, hasattr(d, "_x"), getattr(d, "_y", "fallback"))


class Dir:
    a = 1

    def b(self):
        pass

    def __dir__(self):
        return ["custom", "names"]


print([n for n in ["a", "b"] if n in dir(Dir)], dir(Dir()))


class ClassAttrFn:
    pass


def free_function(self, v):
    return ("bound", type(self).__name__, v)


ClassAttrFn.method = free_function
ClassAttrFn.lam = lambda self: "lambda bound"
print(ClassAttrFn().method(3), ClassAttrFn().lam())


class Shadow:
    def m(self):
        return "class method"


s = Shadow()
s.m = lambda: "instance attribute"
print(s.m(), Shadow().m(), Shadow.m(s))
try:
    Shadow().missing()
except AttributeError as e:
    print("AttributeError", e)
try:
    Shadow.m()
except TypeError as e:
    print("TypeError", e)
