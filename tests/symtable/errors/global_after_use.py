limit = 10


def check(n):
    if n > limit:
        global limit
        limit = n
# ERROR 6:9: name 'limit' is used prior to global declaration
