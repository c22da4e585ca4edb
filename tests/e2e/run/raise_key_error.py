def lookup(d, k):
    return d[k]


def main():
    d = {"a": 1}
    print(lookup(d, "a"))
    lookup(d, "missing")
