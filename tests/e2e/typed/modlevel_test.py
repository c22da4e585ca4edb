import sys
from check import raises, frames, has_frame, line_of, main
import modlevel as m

P = "modlevel.pyx"


def test_module_attributes():
    assert m.__doc__ == "Module docstring of modlevel.\n\nIt has two lines.", repr(m.__doc__)
    assert m.__name__ == "modlevel"
    assert m.documented.__doc__ == "Return x twice."
    assert m.__test__ == {f"documented (line {line_of(P, 'L:documented') - 1})": "Return x twice."}, m.__test__
    assert m.__file__.endswith(".so")
    assert not hasattr(m, "c_counter")


def test_module_code_order():
    assert m.ORDER == ["first", "last"]


def test_globals():
    assert m.read_counter() == 0
    assert m.bump(3) == 3 and m.counter == 3
    m.counter = 10
    assert m.read_counter() == 10 and m.bump(1) == 11
    assert m.bump_c() == 6 and m.bump_c() == 7
    m.set_new_global([1])
    assert m.created_later == [1]
    e = raises(NameError, "name 'not_defined_anywhere' is not defined", m.read_missing)
    has_frame(e, P, "modlevel.read_missing", line_of(P, "L:read_missing"))
    m.not_defined_anywhere = 5
    try:
        assert m.read_missing() == 5
    finally:
        del m.not_defined_anywhere


def test_imports():
    assert m.use_imports(2.5) == (2, "b.txt", [(1, 2)], "a/b", "/")
    assert m.math is sys.modules["math"]
    assert m.OrderedDict is sys.modules["collections"].OrderedDict
    e = raises(ModuleNotFoundError, "No module named 'no_such_module_pyxc_test'", m.import_missing)
    has_frame(e, P, "modlevel.import_missing", line_of(P, "L:import_missing"))
    e = raises(ImportError, ("cannot import name 'no_such_name_pyxc' from 'os'",), m.from_import_missing)
    has_frame(e, P, "modlevel.from_import_missing", line_of(P, "L:from_import_missing"))


def test_c_features():
    assert m.c_math(2.25) == (1.5, 2.0)
    assert m.c_array(3) == (135, 27)
    assert m.c_pointer(41) == 42
    assert m.c_malloc(4) == 3.0
    assert m.double_inference() == 3.0


def test_expressions():
    assert m.slices([1, 2, 3], "hello") == ([2, 3], [3, 2, 1], 3, "el", "hlo", 9)
    raises(IndexError, "list index out of range", m.slices, [], "")
    assert m.displays(5) == ([5, 1], (5,), {5: 1, "k": [5]}, {5, 2}, ())
    raises(TypeError, "unhashable type: 'list'", m.displays, [])
    assert m.attributes("ab") == ("AB", "axb", 1)
    assert m.builtins_via_python(2.6) == (15, "2.6", True, [1, 3], "range(0, 3)")
    assert m.constants() == (16, 15, 5, 1000, 1000.0, 0.25, "st", b"b", True, None, -0.0, 10**20)
    assert str(m.constants()[10]) == "-0.0"
    assert m.comparisons(2, 1) == (False, False, True, False, True, True)
    raises(TypeError, "'<' not supported between instances of 'str' and 'int'", m.comparisons, "a", 1)


def test_print():
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        m.printing(1, "x")
    assert buf.getvalue() == "1 x\n1-x!\n"


main(globals())
