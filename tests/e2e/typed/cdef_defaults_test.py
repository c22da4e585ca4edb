from check import main
import cdef_defaults as m


def test_c_calls_use_defaults():
    assert m.call_with_defaults() == (6, 3, 8)
    assert m.cp_add(1) == 8



def test_c_calls_bind_keywords():
    assert m.call_with_keywords() == (3.0, 6.5, 3.5, 8.0)


main(globals())
