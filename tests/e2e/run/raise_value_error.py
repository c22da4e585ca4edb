def parse(s):
    if not s.isdigit():
        raise ValueError("not a number: %r" % s)
    return int(s)


def main():
    print(parse("12"))
    print(parse("x1"))
