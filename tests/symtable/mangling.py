# Private names are mangled inside a class, including in its methods.
__module_private = 1


class Outer:
    __hidden = 1
    __dunder__ = 2
    _single = 3
    __ = 4

    def __method(self):
        return self.__hidden, __module_private

    def uses(self, __param):
        global __gl
        __local = __param
        import __imported
        import __dotted.path
        return __local, __class__

    class __Inner:
        __x = 1

        def m(self):
            return __x


class _:
    __not_mangled = 1


class ___Under:
    __y = 2
