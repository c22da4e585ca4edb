def ratio(a, b):
    return a / b


def main():
    print(ratio(1, 4))
    print(7 // 2, -7 // 2, 7 % -3)
    print(ratio(1, 0))
