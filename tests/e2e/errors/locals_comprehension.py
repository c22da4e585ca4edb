# locals() and its kin inside a comprehension (a function of its own in
# CPython 3.11) are named as not supported yet; beside it they compile.
def f(xs):
    a = [locals() for x in xs]
    b = {x: dir() for x in xs}
    c = [eval("x") for x in xs]
    return locals(), a, b, c

# ERROR 4:10: not supported yet: locals(), vars() and dir() inside a comprehension
# ERROR 5:13: not supported yet: locals(), vars() and dir() inside a comprehension
# ERROR 6:10: not supported yet: exec() and eval() without namespaces inside a comprehension
