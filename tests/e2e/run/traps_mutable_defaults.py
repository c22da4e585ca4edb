"""Mutable default arguments are evaluated once, at def time, and shared."""


def append_to(item, target=[]):
    target.append(item)
    return target


def counter(d={}):
    d["n"] = d.get("n", 0) + 1
    return d["n"]


def main():
    print(append_to(1), append_to(2), append_to(3, []), append_to(4))
    print(counter(), counter(), counter({}), counter())
    print(append_to.__defaults__, counter.__defaults__)
    x = 10

    def late(a=x):
        return a
    x = 20
    print(late(), late(5))


main()
