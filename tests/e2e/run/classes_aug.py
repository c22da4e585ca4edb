# classes: augmented, unpacking, loop, walrus and match targets in a class body
total = 100


class A:
    total = 1
    total += 10
    items = []
    items += [1, 2]
    for k in range(3):
        total *= 2
    a, (b, *c) = 1, (2, 3, 4)
    [d, e] = "de"
    n = 0
    while n < 3:
        n += 1
    else:
        done = True
    if (w := n * 2) > 1:
        walrus = w
    match n:
        case 3:
            matched = "three"
        case _:
            matched = "other"


print(A.total, A.items, A.k, A.a, A.b, A.c, A.d, A.e, A.done, A.walrus, A.w, A.matched, total)
