def main():
    for args in [(5,), (2, 8), (10, 0, -3), (0, 10, 4), (-5, 5, 2), (3, 3), (0,)]:
        out = []
        if len(args) == 1:
            r = range(args[0])
        elif len(args) == 2:
            r = range(args[0], args[1])
        else:
            r = range(args[0], args[1], args[2])
        for i in r:
            out.append(i)
        print(args, out)
    total = 0
    for i in range(100):
        if i % 3 == 0:
            continue
        if i > 50:
            break
        total += i
    else:
        print("no break")
    print("total", total)
    n = 0
    while n < 10:
        n += 3
    else:
        print("while else", n)
    for i in range(3):
        for j in range(3):
            if j == i:
                break
            print(i, j)
