def outer():
    n = 0

    def inner():
        nonlocal n
        n: int = 1
    return inner
# ERROR 6:9: annotated name 'n' can't be nonlocal
