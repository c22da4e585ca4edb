"""A return in finally overrides the try's return and swallows its exception."""


def override():
    try:
        return "try"
    finally:
        return "finally"


def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def order(log):
    try:
        log.append("try")
        return log.append("return expr") or "value"
    finally:
        log.append("finally")


def in_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


def nested():
    try:
        try:
            return 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")


def main():
    print(override(), swallow())
    log = []
    print(order(log), log)
    print(in_loop(), nested())


main()
