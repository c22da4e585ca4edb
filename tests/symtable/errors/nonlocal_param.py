def outer(n):
    def inner(n):
        nonlocal n
    return inner
# ERROR 3:9: name 'n' is parameter and nonlocal
