"""mandelbrot_py.py - count the points of an n x n grid in the Mandelbrot set
(50 iterations, escape when |z| > 2), in plain Python."""

BENCH_N = 350
CHECK_N = 60
CHECK_RESULT = 1428


def run(n):
    count = 0
    for y in range(n):
        ci = 2.0 * y / n - 1.0
        for x in range(n):
            cr = 2.0 * x / n - 1.5
            zr = 0.0
            zi = 0.0
            inside = True
            for it in range(50):
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    inside = False
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
            if inside:
                count += 1
    return count
