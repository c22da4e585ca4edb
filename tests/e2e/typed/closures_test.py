import gc
import weakref

from check import main, raises
import closures as m


def test_int_counter():
    step = m.int_counter(5)
    assert step() == 6
    assert step(10) == 16
    assert step.__closure__[0].cell_contents == 16
    raises(TypeError, ("cannot be interpreted as an integer",), step, "x")
    raises(OverflowError, None, step, 2 ** 40)


def test_double_and_bint():
    add = m.double_acc()
    assert add(1.5) == (1.5, True)
    assert add(2) == (3.5, True)
    assert sorted(add.__code__.co_freevars) == ["seen", "total"]


def test_typed_param():
    assert m.typed_param(3, 5.0)() == (6, 2.5)


def test_c_arithmetic_in_cell():
    bump = m.c_wraps()
    assert bump() == 4   # (250 + 10) % 256


def test_not_captured_loop():
    assert m.not_captured(10) == 46


def test_c_zero():
    assert m.zero_before_assignment() == (0, 7)


def test_cdef_and_cpdef():
    assert m.closure_in_cdef(3) == [0, 3, 6]
    assert m.in_cpdef(4) == 5


def test_cell_holds_wrong_type():
    step = m.int_counter(0)
    step.__closure__[0].cell_contents = "text"
    raises(TypeError, ("cannot be interpreted as an integer",), step)
    del step.__closure__[0].cell_contents
    raises(NameError, ("free variable 'count'",), step)


def test_cycle_is_collected():
    fact = m.recursive_cycle()
    assert fact(5) == 120
    cell = fact.__closure__[0]
    assert cell.cell_contents is fact
    ref = weakref.ref(fact)
    del fact, cell
    gc.collect()
    assert ref() is None, "a recursive closure's cycle must be collectable"



def test_captured_c_loop_variable():
    assert m.captured_c_loop_variable() == ([3.0, 3.0, 3.0], 2)


def test_closure_in_cdef_with_c_types():
    assert m.call_c_level(3) == 6


main(globals())
