def work(log, n):
    try:
        log.append("start %d" % n)
        if n == 2:
            return "early"
        if n == 3:
            raise RuntimeError("boom")
        log.append("end")
    finally:
        log.append("finally %d" % n)
    return "normal"


def main():
    log = []
    print(work(log, 1), work(log, 2))
    print(log)
    try_it = work
    print(try_it(log, 3))
