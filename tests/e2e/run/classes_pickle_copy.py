# classes: pickle and copy of instances of compiled classes
import copy
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class WithState:
    def __init__(self):
        self.data = [1, 2]
        self.cache = "temp"

    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "restored"


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v * 2,))


p = Point(1, [2, 3])
q = pickle.loads(pickle.dumps(p))
print(q, q == p, q is p, type(q) is Point)
s = pickle.loads(pickle.dumps(WithState()))
print(s.data, s.cache)
print(pickle.loads(pickle.dumps(Reduced(5))).v)
c = copy.copy(p)
dc = copy.deepcopy(p)
print(c.y is p.y, dc.y is p.y, dc == p)
print(pickle.loads(pickle.dumps(Point)) is Point, pickle.loads(pickle.dumps(Point.__init__)) is Point.__init__)
