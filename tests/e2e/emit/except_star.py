# except* (emit_exc.c): the caught exception, what is left and what the
# clauses raised held in temps; a clause that raises, a clause with a name.
def f(g):
    try:
        g()
    except* ValueError as e:
        print(e)
    except* TypeError:
        raise KeyError("k")
    else:
        return 0
    return 1
