def main():
    big = 10 ** 30
    print(big, -big, big * big, big // 7, big % 7)
    print(float(big), int(2.9e10), str(big)[:5])
    print(float(10 ** 400))
