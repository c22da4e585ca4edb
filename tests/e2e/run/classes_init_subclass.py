# classes: __init_subclass__ with keywords, registries, super() chains of it
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls


class Alpha(Plugin, name="alpha", priority=2):
    pass


class Beta(Plugin):
    pass


class Gamma(Beta, priority=9):
    pass


print(sorted(Plugin.registry), Alpha.priority, Beta.plugin_name, Gamma.priority, Gamma.plugin_name)
print(type(Plugin.__dict__["__init_subclass__"]).__name__)


class Mixin:
    def __init_subclass__(cls, **kwargs):
        print("Mixin.__init_subclass__", cls.__name__, sorted(kwargs))
        super().__init_subclass__(**kwargs)


class Tagged(Mixin):
    def __init_subclass__(cls, tag="none", **kwargs):
        print("Tagged.__init_subclass__", cls.__name__, tag)
        super().__init_subclass__(**kwargs)


class Leaf(Tagged, tag="leaf"):
    pass


try:
    class Wrong(Tagged, tag="x", extra=1):
        pass
except TypeError as e:
    print("TypeError", e)


class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        cls.explicit = True


class E2(Explicit):
    pass


print(E2.explicit, type(Explicit.__dict__["__init_subclass__"]).__name__)


class Getitem:
    def __class_getitem__(cls, params):
        return "%s[%r]" % (cls.__name__, params)


class Sub(Getitem):
    pass


print(Getitem[int], Sub["x"], type(Getitem.__dict__["__class_getitem__"]).__name__)


class New:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst


print(New(1, 2).args, type(New.__dict__["__new__"]).__name__)
