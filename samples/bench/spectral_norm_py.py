"""spectral_norm_py.py - the Computer Language Benchmarks Game spectral norm
in plain Python with lists: 10 rounds of the power method on A^T A, then
sqrt(u.v / v.v)."""

import math

BENCH_N = 250
CHECK_N = 100
CHECK_RESULT = 1.2742199912349306


def eval_A(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mult_Av(u, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(i, j) * u[j]
        out.append(s)
    return out


def mult_Atv(u, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_A(j, i) * u[j]
        out.append(s)
    return out


def mult_AtAv(u, n):
    return mult_Atv(mult_Av(u, n), n)


def run(n):
    if n < 1:
        return 0.0
    u = [1.0] * n
    v = u
    for it in range(10):
        v = mult_AtAv(u, n)
        u = mult_AtAv(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    return math.sqrt(vbv / vv)
