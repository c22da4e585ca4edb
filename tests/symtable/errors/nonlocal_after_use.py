def outer():
    total = 0

    def add(n):
        print(total)
        nonlocal total
        total += n
    return add
# ERROR 6:9: name 'total' is used prior to nonlocal declaration
