# A small class: the namespace, a method, super() and the __class__ cell.
class Base:
    def greet(self, name):
        return "hello " + name


class Child(Base):
    """A child."""
    greeting: str = "hi"

    def greet(self, name):
        return super().greet(name).upper()


def use(c, name):
    return c.greet(name)
