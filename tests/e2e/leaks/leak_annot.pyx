# Value-less annotated targets evaluate their parts, under python3.11-dbg;
# and subscripts with tuples of slices.


def targets(d, k):
    d[k]: int
    d[k:str(k):1, k]: int
    [d][0].attr: int
    return len(d)


def bad_target(d):
    d[d["missing"]]: int


def slices(x):
    keys = type("Keys", (), {"__getitem__": lambda self, k: k})()
    return keys[1:x, ::x, x]


LEAK_CALLS = [
    ("targets", ({}, 3), None),
    ("bad_target", ({},), KeyError),
    ("slices", (2,), None),
]
