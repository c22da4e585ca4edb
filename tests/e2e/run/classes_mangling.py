# classes: private name mangling in class bodies and methods
class Account:
    __count = 0
    __slots__ = ("__balance", "owner")

    def __init__(self, owner, balance):
        self.owner = owner
        self.__balance = balance
        Account.__count += 1

    def __check(self, amount):
        return amount <= self.__balance

    def withdraw(self, amount):
        if not self.__check(amount):
            return "refused"
        self.__balance -= amount
        return self.__balance

    @classmethod
    def count(cls):
        return cls.__count

    def peek(self):
        return getattr(self, "_Account__balance"), hasattr(self, "__balance")


a = Account("ann", 100)
print(a.withdraw(30), a.withdraw(500), Account.count(), a.peek())
print([n for n in ["_Account__count", "_Account__check", "__count"] if n in Account.__dict__])


class Child(Account):
    __count = "child's own"

    def both(self):
        return self.__count, self._Account__count


print(Child("bo", 1).both())


class _Underscore:
    __x = 1

    def get(self):
        return self.__x


class __Dunder__:
    __y = 2


print(_Underscore().get(), "_Underscore__x" in _Underscore.__dict__, [k for k in vars(__Dunder__) if "y" in k])


class Outer:
    __shared = "outer"

    class Inner:
        __shared = "inner"

        def get(self):
            return self.__shared

    def get(self):
        return self.__shared, [self.__shared for _ in range(1)], (lambda s: s.__shared)(self)


print(Outer.Inner().get(), Outer().get(), Outer._Outer__shared, Outer.Inner._Inner__shared)


class Dunders:
    __init__ = lambda self: None
    __not_private__ = 5


print(Dunders.__not_private__, "__not_private__" in vars(Dunders))
