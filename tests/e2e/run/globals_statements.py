"""global declarations: rebinding, creating, deleting module names from functions."""

total = 0
registry = {}


def add(n):
    global total
    total += n
    return total


def create():
    global created
    created = "made in a function"


def remove():
    global created
    del created


def register(name):
    registry[name] = len(registry)


def shadow():
    total = "local"
    return total


def main():
    add(5)
    add(7)
    print(total, shadow(), total)
    create()
    print(created, "created" in globals())
    remove()
    print("created" in globals())
    try:
        print(created)
    except NameError as e:
        print("NameError", e)
    for n in "xyz":
        register(n)
    print(registry)


main()
