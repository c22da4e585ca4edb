# A free variable read before the enclosing function binds it: NameError,
# worded as CPython 3.11 words it.


def outer():
    def inner():
        return value
    result = inner()
    value = 1
    return result


print("before")
outer()
