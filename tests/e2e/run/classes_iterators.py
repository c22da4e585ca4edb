# classes: containers and iterators defined as compiled classes
class Range3:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return RangeIter(self.n)

    def __len__(self):
        return self.n

    def __reversed__(self):
        return iter(list(range(self.n))[::-1])

    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError("range3 index out of range")
        return i * 3


class RangeIter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1


r = Range3(4)
print(list(r), len(r), list(reversed(r)), r[2], sum(r), 3 in r, max(r), sorted(r, reverse=True))
a, b, *rest = r
print(a, b, rest, dict(zip(r, "abcd")), [x * x for x in r], list(enumerate(r)))
try:
    r[10]
except IndexError as e:
    print("IndexError", e)


class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "item%d" % i


print(list(OnlyGetitem()), "item1" in OnlyGetitem())


class Mapping:
    def __init__(self):
        self.d = {"a": 1, "b": 2}

    def keys(self):
        return self.d.keys()

    def __getitem__(self, k):
        return self.d[k]


print(dict(Mapping()), {**Mapping()}, (lambda **kw: kw)(**Mapping()))


class Stack(list):
    def push(self, v):
        self.append(v)
        return self

    def peek(self):
        return self[-1]


s = Stack().push(1).push(2)
print(s, s.peek(), len(s), isinstance(s, list), s.pop(), s)
