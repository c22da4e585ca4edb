def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= n:
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
        i += 1
    out = []
    for k in range(n + 1):
        if flags[k]:
            out.append(k)
    return out


def main():
    p = sieve(200)
    print(len(p), p[:10], p[-3:], sum(p))
