def combine(a, b):
    return a + b


def main():
    print(combine(1, 2), combine("a", "b"), combine([1], [2]))
    print(combine("a", 1))
