def outer():
    total = 0

    def add(n):
        total = n
        nonlocal total
    return add
# ERROR 6:9: name 'total' is assigned to before nonlocal declaration
