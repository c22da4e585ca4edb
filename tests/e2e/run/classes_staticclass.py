# classes: staticmethod, classmethod, alternate constructors, class state
import datetime


class Temperature:
    unit = "C"
    made = 0

    def __init__(self, degrees):
        self.degrees = degrees
        type(self).made += 1

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 2))

    @staticmethod
    def valid(d):
        return d > -273.15

    @classmethod
    def count(cls):
        return cls.made

    def __repr__(self):
        return "%s(%s%s)" % (type(self).__name__, self.degrees, self.unit)


class Kelvin(Temperature):
    unit = "K"
    made = 0


print(Temperature.from_fahrenheit(212), Kelvin.from_fahrenheit(32), Temperature.valid(-300))
print(Temperature.count(), Kelvin.count(), Temperature(1).count(), Kelvin(5))
sm = Temperature.__dict__["valid"]
cm = Temperature.__dict__["from_fahrenheit"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(5), cm.__func__(Kelvin, 50))


class Date(datetime.date):
    @classmethod
    def parse(cls, text):
        y, m, d = [int(p) for p in text.split("-")]
        return cls(y, m, d)

    def describe(self):
        return "%s is a %s" % (self.isoformat(), self.strftime("%A"))


print(Date.parse("2024-02-29").describe(), type(Date.parse("2000-01-01")).__name__)


class Config:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
            cls._instance.settings = {}
        return cls._instance


Config().settings["a"] = 1
print(Config() is Config(), Config().settings)
