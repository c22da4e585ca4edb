# patterns the grammar accepts and Python's does not: CPython's messages where
# its parser has words for them, else 'invalid syntax' and what is wrong.
def f(command, C):
    match command:
        case C(a=1, 2):
            pass
        case 1 as _:
            pass
        case 1j + 2j:
            pass
        case 1.5 + 2.5:
            pass
        case *rest:
            pass
        case [*a | 1]:
            pass
        case C(*args):
            pass
        case [**kw]:
            pass
        case {*a}:
            pass
        case {**_}:
            pass
        case {**kw, "k": 1}:
            pass
        case a=1:
            pass
        case [a=1]:
            pass
        case {_: 1}:
            pass
        case {(1, 2): 1}:
            pass
    match *command:
        case _:
            pass

# ERROR 5:21: positional patterns follow keyword patterns
# ERROR 7:19: cannot use '_' as a target
# ERROR 9:14: real number required in complex literal
# ERROR 11:20: imaginary number required in complex literal
# ERROR 13:14: invalid syntax: a star pattern ('*rest') can only be an item of a sequence pattern
# ERROR 15:15: invalid syntax: a star pattern ('*a') can only be an item of a sequence pattern
# ERROR 17:16: invalid syntax: a star pattern ('*args') can only be an item of a sequence pattern
# ERROR 19:15: invalid syntax: a '**' pattern outside a mapping pattern
# ERROR 21:15: invalid syntax: a '*' pattern in a mapping pattern (use '**rest')
# ERROR 23:15: invalid syntax: '**_' is not allowed (leave it out)
# ERROR 25:21: invalid syntax: '**kw' must be the last item of a mapping pattern
# ERROR 27:14: invalid syntax: a keyword pattern ('a=') outside a class pattern
# ERROR 29:15: invalid syntax: a keyword pattern ('a=') outside a class pattern
# ERROR 31:15: mapping pattern keys may only match literals and attribute lookups
# ERROR 33:15: mapping pattern keys may only match literals and attribute lookups
# ERROR 35:11: cannot use starred expression here
