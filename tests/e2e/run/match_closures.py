def outer(v):
    match v:
        case [x, *rest]:
            f = lambda: (x, rest)
        case {"k": y}:
            def f():
                nonlocal y
                y += 1
                return y
        case _:
            f = lambda: None
    return f()

def g():
    fs = []
    for i in range(3):
        match i:
            case 0 | 1 as z:
                fs.append(lambda: z)
            case w:
                fs.append(lambda: w * 10)
    return [h() for h in fs]

print(outer([1, 2, 3]), outer({"k": 5}), outer(7), g())
