# del at module level in loops, with, try/finally and of defs and imports;
# del of locals in branches, loops and with blocks.
import contextlib
import os as o
T = W = 1
for k in range(2):
    tmp = k
    del tmp
with contextlib.nullcontext():
    del W
try:
    del T
finally:
    pass


def fn():
    return 1


del fn, o, k
while True:
    zz = 1
    del zz
    break
print([n for n in ["tmp", "W", "T", "fn", "o", "k", "zz"] if n in globals()])
try:
    fn
except NameError as e:
    print(e)


def local_positions(flag):
    a = b = c = 1
    if flag:
        del a
    while c:
        del c
        c = 0
    with contextlib.nullcontext():
        del b
    try:
        return a
    except UnboundLocalError as e:
        return str(e)


def main():
    print(local_positions(True), local_positions(False))
