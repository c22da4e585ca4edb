# build: tests/e2e/typed/embedsig_scoped.pyx
import inspect

from check import main
import embedsig as m
import embedsig_scoped as s


def test_plain():
    assert m.plain.__doc__ == "plain(a, b, c)"
    assert m.with_doc.__doc__ == "with_doc(a, b=1, *args, c, d=42, **kwds)\n\nExisting string\n    indented"


def test_c_types():
    assert m.typed.__doc__ == "typed(int n, double x=1, bool flag=True, unsigned short s=3, long long L=-1) -> double"
    assert m.my_int.__doc__ == "my_int(MyInt i) -> MyInt"
    assert m.builtins.__doc__ == "builtins(list l, str s='spam', o=None)"
    assert m.nothing.__doc__ == "nothing() -> void"


def test_expressions():
    assert m.exprs.__doc__ == ("exprs(a='spam', b=b'bar', c=2 + 2, d=(FLAG + 1) * 2, e=FLAG | 1, f=-3, "
                               "g=[1, (2, 3)], h={'k': None})")
    assert m.annotated.__doc__ == ("annotated(a: int, b: float = 1.0, *args: tuple, **kwargs: dict)"
                                   " -> (None, True)")
    assert m.posonly.__doc__ == "posonly(a, b=1, /, c=5, *, d)"


def test_directive_scoping():
    assert m.off.__doc__ == "Not signed."
    assert m.py_format.__doc__ == ("py_format(n: int, x: float = 1.0, b: bool = False, l: list = None, "
                                   "y: str = 'y') -> float\n\nPython format.")
    assert m.clinic.__doc__ == "Clinic format: nothing embedded for a function with a real signature."
    assert s.default.__doc__ == "Default."
    assert s.decorated.__doc__ == "decorated(a, b=2)\n\nDecorated."
    assert s.in_block.__doc__ == "in_block(x)"
    assert s.after.__doc__ is None


def test_signature_unchanged():
    # the docstring changes, the real signature does not
    assert str(inspect.signature(m.typed)) == "(n, x=1.0, flag=True, s=3, L=-1)"
    assert inspect.getdoc(m.plain) == "plain(a, b, c)"
    assert m.typed(1) == 1.0


main(globals())
