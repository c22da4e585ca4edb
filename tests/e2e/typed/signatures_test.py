import copy
import inspect
import pickle
import pydoc
import weakref

from check import main, raises
import signatures as m


def test_typed_parameters():
    assert str(inspect.signature(m.typed)) == "(n, x=1.0, flag=True, l=None, s='spam')"
    assert m.typed.__defaults__ == (1.0, True, None, "spam")
    assert type(m.typed.__defaults__[0]) is float
    assert m.typed.__annotations__ == {}
    spec = inspect.getfullargspec(m.typed)
    assert spec.args == ["n", "x", "flag", "l", "s"] and spec.varargs is None


def test_cpdef():
    assert str(inspect.signature(m.cp)) == "(a, b=3)"
    assert m.cp.__doc__ == "A cpdef function."
    assert m.cp(5) == 5.0


def test_annotations_are_strings():
    # Cython 3 stores annotations as their text (written as Cython writes it)
    assert m.annotated.__annotations__ == {
        "a": "int", "b": "'quoted'", "args": "tuple[int, ...]", "k": "1 + 2 * 3", "kw": "dict", "return": "list[str]"}
    assert str(inspect.signature(m.annotated)) == (
        "(a: 'int', b: \"'quoted'\" = 2, *args: 'tuple[int, ...]', k: '1 + 2 * 3' = 10, **kw: 'dict')"
        " -> 'list[str]'")


def test_parameter_kinds():
    sig = inspect.signature(m.kinds)
    assert str(sig) == "(a, b=20, /, c=(1, 2.5), *, d, e=None)"
    assert [p.kind.name for p in sig.parameters.values()] == [
        "POSITIONAL_ONLY", "POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "KEYWORD_ONLY", "KEYWORD_ONLY"]
    assert m.kinds.__kwdefaults__ == {"e": None}
    assert sig.bind(1, d=2).arguments == {"a": 1, "d": 2}
    code = m.kinds.__code__
    assert (code.co_name, code.co_filename, code.co_firstlineno) == ("kinds", "signatures.pyx", 17)


def test_help_shows_signature():
    text = pydoc.render_doc(m.cp, renderer=pydoc.plaintext)
    assert "cp(a, b=3)\n    A cpdef function." in text, text


def test_function_object():
    f = m.kinds
    assert (f.__name__, f.__qualname__, f.__module__) == ("kinds", "kinds", "signatures")
    assert f.__globals__ is vars(m) and f.__closure__ is None
    assert repr(f).startswith("<compiled function kinds at 0x")
    assert pickle.loads(pickle.dumps(f)) is f and copy.deepcopy(f) is f
    assert weakref.ref(f)() is f
    f.extra = 1
    assert f.__dict__ == {"extra": 1}
    raises(AttributeError, None, setattr, f, "__defaults__", (1,))
    assert f(1, d=4) == (1, 20, (1, 2.5), 4, None)


def test_binds_as_method():
    class C:
        meth = m.kinds
    c = C()
    assert c.meth(d=1) == (c, 20, (1, 2.5), 1, None)
    assert C.meth is m.kinds


main(globals())
