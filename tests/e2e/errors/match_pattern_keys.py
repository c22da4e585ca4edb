# match patterns that CPython's compiler refuses (mapping keys, class pattern
# attributes, f-strings), in its words and at its positions: each statement
# alone gives the error below it.
def f(command, Point):

    match command:
        case {"k": 1, "v": 2, "k": 3}:
            pass

    match command:
        case {1: "int", 1.0: "float"}:
            pass

    match command:
        case {1: "int", True: "bool"}:
            pass

    match command:
        case {-0: "zero", 0.0: "float", None: "none"}:
            pass

    match command:
        case {b"k\n": 1, "k": 2, b"k\n": 3}:
            pass

    match command:
        case {1e400: 1, 2e400: 2}:
            pass

    match command:
        case {2j: 1, 0 + 2j: 2}:
            pass

    match command:
        case Point(x=1, y=2, x=3):
            pass

    match command:
        case [f"{command}"]:
            pass

    match command:
        case {f"k": 1}:
            pass

# ERROR 7:14: mapping pattern checks duplicate key ('k')
# ERROR 11:14: mapping pattern checks duplicate key (1.0)
# ERROR 15:14: mapping pattern checks duplicate key (True)
# ERROR 19:14: mapping pattern checks duplicate key (0.0)
# ERROR 23:14: mapping pattern checks duplicate key (b'k\n')
# ERROR 27:14: mapping pattern checks duplicate key (inf)
# ERROR 31:14: mapping pattern checks duplicate key (2j)
# ERROR 35:32: attribute name repeated in class pattern: x
# ERROR 39:15: patterns may only match literals and attribute lookups
# ERROR 43:14: mapping pattern keys may only match literals and attribute lookups
