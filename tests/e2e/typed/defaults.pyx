# def parameter defaults of every kind: ints, strings, negative numbers,
# names, expressions, mutable objects (evaluated once, at definition time).

DEFAULT_BASE = 10

def int_default(d=4):
    return d

def typed_int_default(int d=4, double e=1):
    return d, e

def str_default(s="s", t=-1.5):
    return s + str(t)

def eval_once(x=[]):
    x.append(1)
    return len(x)

def from_global(int x=DEFAULT_BASE * 2, *, k=(1, 2)):
    return x, k
