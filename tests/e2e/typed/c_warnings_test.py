from check import main
import c_warnings as m


def test_values():
    assert m.count(5) == 5
    assert m.loop_else(2) == [0, 1, "else"]
    assert m.while_else(3) == -1


main(globals())
