import inspect
from check import raises, main
import generators as m


def test_crange():
    assert list(m.crange(5)) == [0, 1, 2, 3, 4]
    assert list(m.crange(0)) == []
    assert inspect.isgeneratorfunction(m.crange)


def test_squares():
    assert list(m.squares(4)) == [1.0, 3.0, 6.0, 10.0]


def test_send():
    g = m.typed_send()
    assert next(g) == 0
    assert g.send(5) == 5
    assert g.send(7) == 12
    try:
        g.send(None)
    except StopIteration as e:
        assert e.value == 12
    else:
        raise AssertionError("no StopIteration")


def test_nested():
    want = [i * 100 + j for i in range(4) for j in range(3) if (i + j) % 2]
    assert list(m.nested_c_loops(4, 3)) == want


def test_step():
    assert list(m.step_loop(10, 0, -3)) == [10, 7, 4, 1]
    assert list(m.step_loop(0, 10, 4)) == [0, 4, 8]
    raises(ValueError, "range() arg 3 must not be zero", list, m.step_loop(0, 1, 0))


def test_c_array():
    assert list(m.c_array_gen()) == [0, 1, 4, 9]


def test_delegate_none():
    assert list(m.typed_delegate(3)) == [0, 1, 2, None]


def test_interleaved():
    a, b = m.crange(3), m.crange(3)
    assert [next(a), next(b), next(a), next(a), next(b)] == [0, 0, 1, 2, 1]


def test_conversion_errors():
    raises(OverflowError, ("too large",), m.crange, 2**40)
    raises(OverflowError, ("too large",), m.overflow_in_gen, 2**31)
    assert list(m.overflow_in_gen(-5)) == [2147483647, -5]


def test_float():
    assert list(m.float_loop(10.0)) == [10.0, 25.0, 62.5]


main(globals())
