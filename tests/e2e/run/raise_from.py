class_name = "x"


def inner():
    raise KeyError("inner")


def outer():
    try:
        inner()
    finally:
        print("cleanup")


def main():
    print("before")
    outer()
