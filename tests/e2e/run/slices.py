# Slice reads, slice assignment, augmented assignment to slices and keys.
def main():
    a = list(range(10))
    a[2:5] = ["x"]
    a[::3] = [0, 0, 0]
    a[-2:] += [7]
    print(a, a[1:4], a[::-1][:3])
    b = {}
    b["k"] = 1
    b["k"] += 2
    print(b)
