a = b = c[0] = 1
x: int = 5
r = a < b <= c and not d or e
s = 'a\tb' "c" f"{x!r:>{w}} {y=}"
t = [i * 2 for i in range(3) if i], {k: v for k, v in d.items()}
def f(a, b=1, /, c=2, *args, d, **kw) -> None:
    global x
    for i, j in zip(a, b):
        if i: break
    else:
        pass
    try:
        pass
    except (E, F) as e:
        raise G from e
    finally:
        del x
match p:
    case [1, *rest] if rest: pass
    case {"k": -1, **m}: pass
    case Point(x=0) | None: pass
type(mock).attr = value
type(a, b, c).x[0] = 1
sizeof(x)
