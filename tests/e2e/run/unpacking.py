# '*' and '**' in calls and displays, starred assignment targets, and ':='.


def f(*args, **kwargs):
    return args, kwargs


def g(a, b=2, *rest, c=3, **kw):
    return a, b, rest, c, kw


from collections import UserDict
from functools import partial
from types import SimpleNamespace


def Keys():
    return UserDict(p="pp", q="qq")   # a mapping that is not a dict


def BadKeys():
    return SimpleNamespace(keys=partial(getattr, 0, "nope"))   # keys() raises AttributeError


def trace(tag, value):
    print("eval", tag)
    return value


def attempt(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


def calls():
    a = [1, 2]
    d = {"x": 1}
    print(f(*a), f(**d), f(*a, **d))
    print(f(0, *a, 3, *(4, 5), *"ab"))
    print(f(*range(3), y=2, **d))
    print(f(x=0, *a))
    print(g(*[10]), g(*[10, 20, 30, 40], c=5, **{"z": 6}))
    print(g(**{"a": 1, "b": 2}), g(1, **Keys()))
    print(f(*map(abs, [-1, 2, -3])))
    print(f(*{}, **{}))
    print(len(*["abc"]), max(*[3, 9, 4]), sorted(*[[3, 1, 2]], **{"reverse": True}))
    # evaluation order: callee, positional left to right, then keywords
    trace("callee", f)(trace("a", 1), *trace("star", [2]), k=trace("k", 3), **trace("kw", {"m": 4}))
    attempt("f(*1)", lambda_free_star_one)
    attempt("f(0, *1)", lambda_free_star_mixed)
    attempt("f(**1)", lambda_free_kw_one)
    attempt("dup", lambda_free_dup)
    attempt("dup2", lambda_free_dup2)
    attempt("nonstr", lambda_free_nonstr)
    attempt("badkeys", lambda_free_badkeys)
    attempt("builtin", lambda_free_builtin)
    attempt("missing", lambda_free_missing)


def lambda_free_star_one():
    return f(*1)


def lambda_free_star_mixed():
    return f(0, *1)


def lambda_free_kw_one():
    return f(x=1, **1)


def lambda_free_dup():
    return f(x=1, **{"x": 2})


def lambda_free_dup2():
    return f(**{"x": 1}, **{"x": 2})


def lambda_free_nonstr():
    return f(**{1: 2})


def lambda_free_badkeys():
    return f(**BadKeys())


def lambda_free_builtin():
    return print(*None)


def lambda_free_missing():
    return g(*[], **{"b": 1})


def displays():
    a = [1, 2]
    s = {3}
    d = {"k": 1}
    print([*a, 0, *a], (*a,), (0, *s), {*a, *s, 5}, {**d, "z": 2, **{"k": 3}})
    print([*"xy", *range(2)], [*()], {**{}})
    print({**Keys()}, [*{"a": 1}])
    attempt("[*1]", lambda_free_list_one)
    attempt("{*1}", lambda_free_set_one)
    attempt("{**1}", lambda_free_dict_one)
    x = [trace("first", 1), *trace("second", [2]), trace("third", 3)]
    print(x)


def lambda_free_list_one():
    return [*1]


def lambda_free_set_one():
    return {*1}


def lambda_free_dict_one():
    return {**1}


def starred_targets():
    first, *rest = [1, 2, 3]
    *init, last = range(4)
    a, *middle, z = "hello"
    (p, *q), r = [1, 2, 3], 4
    *everything, = (5, 6)
    print(first, rest, init, last, a, middle, z, p, q, r, everything)
    h, *t = [1]
    print(h, t)
    for x, *ys in [(1, 2, 3), (4,)]:
        print(x, ys)
    lst = [0, 0, 0]
    lst[0], *lst[1:] = "abc"
    print(lst)
    attempt("short", lambda_free_short)
    attempt("short2", lambda_free_short2)
    attempt("noniter", lambda_free_noniter)


def lambda_free_short():
    a, b, *c = [1]
    return a, b, c


def lambda_free_short2():
    a, *b, c, d = [1, 2]
    return a, b, c, d


def lambda_free_noniter():
    a, *b = 5
    return a, b


def walrus():
    data = [3, 8, 1, 9]
    if (n := len(data)) > 3:
        print("long", n)
    total = 0
    i = 0
    while (i := i + 1) < 4:
        total += i
    print(total, i)
    print([y for x in data if (y := x * 2) > 5], y)
    print((z := 1.5) * 2, z)
    w = [last := v for v in range(3)]
    print(w, last)
    k = 10
    print((k := k + 1), k)


counter = 0
print((counter := counter + 5), counter)
calls()
displays()
starred_targets()
walrus()
