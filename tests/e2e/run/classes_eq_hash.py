# classes: __eq__ without __hash__ makes instances unhashable; __hash__ rules
class Plain:
    pass


class EqOnly:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v


class EqAndHash(EqOnly):
    def __hash__(self):
        return hash(self.v)


class Inherits(EqAndHash):
    pass


class Explicit:
    __hash__ = None


p = Plain()
print(hash(p) == hash(p), p == p, p != Plain())
print(EqOnly.__hash__, EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly(1) == 1)
for obj in (EqOnly(1), Explicit()):
    try:
        hash(obj)
    except TypeError as e:
        print("TypeError", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError", e)
print(len({EqAndHash(1), EqAndHash(1), Inherits(1)}), hash(Inherits(5)) == hash(5))


class NeOnly:
    def __ne__(self, other):
        return "ne called"


print(NeOnly() != 1, NeOnly() == NeOnly(), hash(NeOnly()) is not None)


class Reflected:
    def __eq__(self, other):
        print("Reflected.__eq__")
        return NotImplemented


print(Reflected() == Reflected(), 1 == Reflected())
