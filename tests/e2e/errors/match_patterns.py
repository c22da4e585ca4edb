# match patterns that CPython's compiler refuses (names, irrefutable patterns,
# stars), in its words and at its positions: each statement alone gives the
# error below it.
def f(command):

    match command:
        case y:
            pass
        case "quit":
            pass

    match command:
        case [first, *_] if first:
            pass
        case _:
            pass
        case None:
            pass

    match command:
        case "a" | _ | "b":
            pass

    match command:
        case [x, (y as z)]:
            pass
        case (w as v):
            pass
        case 2:
            pass

    match command:
        case [a, {"k": a}]:
            pass

    match command:
        case Point(x=a) as a:
            pass

    match command:
        case {"a": b, **b}:
            pass

    match command:
        case [a, ([a] | [a])]:
            pass

    match command:
        case [a, b] | [b, c]:
            pass

    match command:
        case {"k": a, **r} | [a]:
            pass

    match command:
        case [*head, 0, *tail]:
            pass

    match command:
        case *head, *_:
            pass

# ERROR 7:14: name capture 'y' makes remaining patterns unreachable
# ERROR 15:14: wildcard makes remaining patterns unreachable
# ERROR 21:20: wildcard makes remaining patterns unreachable
# ERROR 27:15: name capture 'w' makes remaining patterns unreachable
# ERROR 33:24: multiple assignments to name 'a' in pattern
# ERROR 37:22: multiple assignments to name 'a' in pattern
# ERROR 41:20: multiple assignments to name 'b' in pattern
# ERROR 45:26: multiple assignments to name 'a' in pattern
# ERROR 49:27: alternative patterns bind different names
# ERROR 53:31: alternative patterns bind different names
# ERROR 57:14: multiple starred names in sequence pattern
# ERROR 61:14: multiple starred names in sequence pattern
