counter = 0


def bump():
    counter = 1
    global counter
    counter += 1
# ERROR 6:5: name 'counter' is assigned to before global declaration
