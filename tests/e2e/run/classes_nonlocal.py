# classes: class bodies reading, rebinding and deleting an enclosing function's variables
def counter():
    n = 0

    class Box:
        nonlocal n
        n += 1
        seen = n

        def bump(self):
            nonlocal n
            n += 10
            return n
    return Box, lambda: n


Box, get = counter()
print(Box.seen, get(), Box().bump(), get())


def unbound():
    class C:
        try:
            v = x
        except NameError as e:
            print("NameError", e)
    x = 1
    return C


unbound()


def prefers_namespace():
    y = "function y"

    class Meta(type):
        @classmethod
        def __prepare__(mcls, name, bases):
            return {"y": "namespace y"}

    class C(metaclass=Meta):
        got = y
    return C.got


print(prefers_namespace())


def deletes():
    z = 1

    class C:
        nonlocal z
        del z
    try:
        return z
    except NameError as e:
        return "NameError: " + str(e)


print(deletes())


def param_used(a, b=2):
    class P:
        total = a + b

        def both(self):
            return a, b
    return P.total, P().both()


print(param_used(1), param_used(3, 4))


def loop_classes():
    made = []
    for i in range(3):
        class K:
            v = i

            def get(self):
                return i
        made.append(K)
    return [(k.v, k().get()) for k in made], made[0] is made[1]


print(loop_classes())
