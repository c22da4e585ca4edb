"""Float math calls: a damped oscillator sampled through the math module (plain Python)."""
import math


def run(n):
    total = 0.0
    dt = 0.001
    for i in range(n):
        t = i * dt
        x = math.exp(-0.5 * t) * math.cos(3.0 * t) + math.sin(t) * 0.25
        total += math.sqrt(x * x + 1.0) + math.log(1.0 + abs(x)) + math.atan2(x, 1.0 + t)
    return total


BENCH_N = 600000
CHECK_N = 1000
CHECK_RESULT = 1673.674560634687
