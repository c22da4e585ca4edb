from check import main
import int_pow as m


def test_int_pow():
    assert m.int_pow(3, 4) == 81
    assert m.int_pow(2, 10) == 1024
    assert m.double_pow(2.0, 0.5) == 2.0 ** 0.5


main(globals())
