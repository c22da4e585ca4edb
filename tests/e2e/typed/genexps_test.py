from check import raises, main
import genexps as m


def test_scaled():
    assert m.scaled_sum([1, 2, 3], 0.5) == 3.0
    raises(TypeError, ("unsupported operand",), m.scaled_sum, [None], 1.0)


def test_range():
    assert m.c_range_genexp(6) == [3, 9, 15]


def test_inner():
    assert m.inner_c_loop(4) == [0, 0, 1, 3]


def test_any():
    assert m.any_big([1, 5, 9], 8) is True
    assert m.any_big([1, 5], 8) is False


main(globals())
