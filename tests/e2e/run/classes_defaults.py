# classes: what a def in a class body evaluates in the class scope: defaults,
# decorators, annotations; lambdas in the body
LIMIT = "global limit"


class Config:
    LIMIT = 10
    names = ("a", "b")

    def get(self, limit=LIMIT, names=names):
        return limit, names

    def ann(self, x: LIMIT) -> names:
        return x

    scale = 3
    times = lambda self, v, k=scale: v * k
    pick = staticmethod(lambda i, names=names: names[i])

    def deco(f, tag=LIMIT):
        f.tag = tag
        return f

    @deco
    def decorated(self):
        return "decorated"

    del deco


c = Config()
print(c.get(), c.get(1), Config.ann.__annotations__, c.times(2), Config.pick(1), c.decorated.tag)
print(Config.get.__defaults__, hasattr(Config, "deco"))


def in_function(n):
    class Local:
        base = n * 2

        def f(self, v=base, w=n):
            return v + w
    return Local().f(), Local().f(1, 1)


print(in_function(5))
