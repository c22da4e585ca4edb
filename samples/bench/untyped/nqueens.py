"""N-queens: count every placement by backtracking over sets (plain Python)."""


def place(n, row, cols, diag1, diag2):
    if row == n:
        return 1
    total = 0
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        total += place(n, row + 1, cols, diag1, diag2)
        cols.remove(col)
        diag1.remove(row + col)
        diag2.remove(row - col)
    return total


def run(n):
    return place(n, 0, set(), set(), set())


BENCH_N = 11
CHECK_N = 6
CHECK_RESULT = 4
