from check import main
import for_from as m


def test_up():
    assert m.up(10) == sum(range(10))
    assert m.up(0) == 0


def test_up_by():
    assert m.up_by(0, 10, 3) == list(range(0, 10, 3))
    assert m.up_by(5, 5, 1) == []


def test_up_inclusive():
    assert m.up_inclusive(2, 6) == [3, 4, 5, 6]


def test_down():
    assert m.down(4) == [3, 2, 1, 0]


def test_down_by():
    assert m.down_by(10, 0, 3) == [10, 7, 4, 1]


def test_short_form_and_else():
    assert m.short_form(3) == [0, 1, 2, -1]


def test_in_comprehension():
    assert m.in_comprehension(4) == [0, 1, 4, 9]


main(globals())
