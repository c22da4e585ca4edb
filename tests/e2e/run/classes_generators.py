# classes: generator methods, generator expressions in class bodies and methods, super() in generators
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def total(self):
        return sum(v for v in self)


class Labeled(Tree):
    def __iter__(self):
        for v in super().__iter__():
            yield "<%s>" % v


t = Tree(1, Tree(2), Tree(3, Tree(4)))
print(list(t), t.total(), list(Labeled(5, Tree(6))))


class Body:
    squares = list(x * x for x in range(4))
    base = 10
    try:
        shifted = list(base + x for x in range(2))
    except NameError as e:
        shifted = "NameError: " + str(e)
    first = list(x * 2 for x in [base])


print(Body.squares, Body.shifted, Body.first)
