# classes: exception classes defined in compiled code, raised and caught
class AppError(Exception):
    """base of the app's errors"""


class NotFound(AppError, KeyError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key

    def __str__(self):
        return "not found: %s" % self.key


class Retry(AppError):
    def __init__(self, n, *, why="busy"):
        self.n = n
        self.why = why
        super().__init__(n, why)


def lookup(k):
    raise NotFound(k)


for exc_type in (NotFound, AppError, KeyError, Exception):
    try:
        lookup("x")
    except exc_type as e:
        print(exc_type.__name__, "caught", type(e).__name__, str(e), e.args, e.key)

try:
    raise Retry(3, why="locked")
except AppError as e:
    print(repr(e), e.n, e.why, isinstance(e, Retry))

try:
    try:
        lookup("inner")
    except NotFound as e:
        raise Retry(1) from e
except Retry as e:
    print(type(e.__cause__).__name__, e.__cause__.key, e.__context__ is e.__cause__)


class Silent(Exception):
    pass


def method_raises():
    class Thing:
        def explode(self):
            raise Silent("from a method")
    Thing().explode()


try:
    method_raises()
except Silent as e:
    import traceback
    names = [f.name for f in traceback.extract_tb(e.__traceback__)]
    print("Silent", e, names[-1].split(".")[-1])


class Group(BaseException):
    pass


try:
    raise Group
except BaseException as e:
    print(type(e).__name__, Group.__mro__[1].__name__)


class WithNotes(ValueError):
    pass


err = WithNotes("bad value")
err.add_note("note one")
print(err.__notes__, WithNotes.__module__ == __name__, WithNotes.__qualname__)


class Broken:
    def method(self):
        return self.missing_attribute


Broken().method()
