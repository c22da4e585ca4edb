def outer():
    v = 0

    def inner():
        global v
        nonlocal v
    return inner
# ERROR 5:9: name 'v' is nonlocal and global
