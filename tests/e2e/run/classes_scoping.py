# classes: the class body's scoping rules, as CPython's
x = "global x"
y = "global y"


class A:
    x = x + " seen in A"        # reads the global: not yet bound in the body
    z = [x for _ in range(1)]   # the comprehension does not see A's x
    w = [x + t for t in [x]]    # ... except in its first iterable
    g = (lambda: x)()           # nor does a lambda


print(A.x, A.z, A.w, A.g, sep=" | ")


def outer():
    x = "outer x"
    y = "outer y"

    class B:
        print("B sees", x)       # free variable of outer: LOAD_CLASSDEREF
        y = "B y"
        x2 = x

        def m(self):
            return x, y          # the method sees outer's, not B's

    class C:
        x = "C x"
        seen = x                 # C's own x first

    return B, C


B, C = outer()
print(B.x2, B.y, B().m(), C.seen)


def shadow():
    v = 1

    class D:
        print(v)
        v = 2                    # local to D: the read above was LOAD_NAME? no: free + local
        print(v)
    return D.v


try:
    print(shadow())
except NameError as e:
    print("NameError", e)


def nonlocal_in_class():
    n = 1

    class E:
        nonlocal n
        n = n + 10
    return n


print(nonlocal_in_class())


class F:
    global gname
    gname = "set from F"
    local = "F local"


print(gname, hasattr(F, "gname"), F.local)


class G:
    def method(self):
        return G_attr
    G_attr = 1


G_attr = "module G_attr"
print(G().method())


class H:
    a = 1
    b = [a * 2]
    c = {k: a for k in "ab"} if False else None
    try:
        d = [a for _ in range(1)]
    except NameError as e:
        d = "NameError: " + str(e)


print(H.b, H.c, H.d)


def late():
    class I:
        def get(self):
            return later
    later = "bound after the class"
    return I().get()


print(late())


class J:
    print(__name__ == "__main__" or __name__.startswith("classes"), __module__ == __name__, __qualname__)
    len = len
    print(len([1, 2]))


class K:
    __private = 1
    _K__other = 2

    def get(self):
        return self.__private, self.__other

    def __secret(self):
        return "secret"

    def call(self):
        return self.__secret()


print(K().get(), K().call(), hasattr(K, "__private"), K._K__private, sorted([n for n in vars(K) if "K__" in n]))
