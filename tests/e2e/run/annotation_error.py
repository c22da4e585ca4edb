# Annotations are evaluated where the def statement runs: a name that is
# not defined raises NameError at import, as in CPython.
def ok(a: int) -> str:
    return str(a)


def bad(a: NotDefinedAnywhere):
    return a


def main():
    print(ok(1))
