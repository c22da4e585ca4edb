counter = 0
log = []


def bump(n):
    global counter
    counter += n
    log.append(counter)
    return counter


def reset():
    global counter, log
    counter = 0
    log = []


def main():
    bump(1)
    bump(5)
    print(counter, log)
    reset()
    bump(2)
    print(counter, log)
