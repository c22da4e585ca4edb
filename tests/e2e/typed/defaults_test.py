from check import main
import defaults as m


def test_defaults():
    assert m.int_default() == 4
    assert m.typed_int_default() == (4, 1.0)
    assert m.str_default() == "s-1.5"
    assert m.eval_once() == 1
    assert m.eval_once() == 2
    assert m.eval_once([]) == 1
    assert m.from_global() == (20, (1, 2))


main(globals())
