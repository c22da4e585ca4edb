from check import main
import carrays as m


def test_array_elements_not_address():
    assert m.array_sum() == 0 + 1.5 + 3.0 + 4.5


def test_int_array_elements_boxed():
    assert m.array_items() == ([7, -2, 40], [14, -4, 80])


def test_pointer_slices():
    assert m.pointer_slice(5) == (0 + 1 + 4 + 9 + 16, [0, 4, 16], [16, 9, 4, 1, 0])


def test_cdef_loop_over_pointer():
    assert m.call_first_negative() == (-4, 0)


main(globals())
