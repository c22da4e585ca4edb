from check import raises, frames, has_frame, line_of, main
import loops as m


def test_range_forms():
    for n in (-3, 0, 1, 7):
        assert m.r1(n) == list(range(n))
    for a, b in ((0, 5), (5, 0), (-3, 3), (2, 2)):
        assert m.r2(a, b) == list(range(a, b))
    for a in (-7, 0, 5, 10):
        for b in (-7, 0, 5, 10):
            for s in (-4, -3, -1, 1, 2, 3, 5):
                assert m.r3(a, b, s) == list(range(a, b, s)), (a, b, s)
                assert m.r3_untyped(a, b, s) == list(range(a, b, s)), (a, b, s)
    assert m.r3_const_neg() == list(range(10, -3, -3))
    assert m.r_empty() == 0
    assert m.r_sum(1000) == sum(i * i for i in range(1000))
    assert m.r_unsigned(4) == [0, 1, 2, 3]
    assert m.r_big_bounds(2**40, 2**40 + 5) == (5, 2**40 + 4)
    assert m.r_obj_range(3) == [0, 1, 2]
    assert m.r_obj_range(2**70 - 2**70 + 2) == [0, 1]


def test_range_zero_step():
    e = raises(ValueError, "range() arg 3 must not be zero", m.r3, 0, 5, 0)
    has_frame(e, "loops.pyx", "loops.r3", line_of("loops.pyx", "L:r3"))
    raises(ValueError, "range() arg 3 must not be zero", m.r3_untyped, 0, 5, 0)
    e = raises(ValueError, "range() arg 3 must not be zero", m.r_zero_step_const)
    has_frame(e, "loops.pyx", "loops.r_zero_step_const", line_of("loops.pyx", "L:zero_const"))


def test_range_bad_args():
    raises(TypeError, "'float' object cannot be interpreted as an integer", m.r_obj_range, 1.5)
    raises(TypeError, "'str' object cannot be interpreted as an integer", m.r3_untyped, 0, "5", 1)


def test_range_semantics():
    assert m.r_body_modifies_var(4) == [0, 1, 2, 3]
    calls = [9]
    assert m.r_bounds_evaluated_once(calls) == 3 and calls == [9, 1, 2, 3]
    assert m.r_var_after_loop(5) == 4
    assert m.r_var_after_loop(0) == -1


def test_loop_else():
    assert m.break_else(5, 2) == [0, 1]
    assert m.break_else(5, 9) == [0, 1, 2, 3, 4, "else"]
    assert m.break_else(0, 0) == ["else"]
    assert m.continue_loop(5) == [0, 2, 4, "else"]
    assert m.while_else(5, 4) == [1, 3]
    assert m.while_else(4, 99) == [1, 3, 4, "else"]
    assert m.while_else(0, 0) == ["else"]
    assert m.nested(6) == 410
    assert m.infinite_with_break() == 51


def test_iterables():
    assert m.iterate([1, 2]) == [1, 2, None]
    assert m.iterate("ab") == ["a", "b", None]
    assert m.iterate((x for x in range(3))) == [0, 1, 2, None]
    assert m.iterate({}) == [None]
    assert m.iterate_break([1, 2, 3], 2) == "found 2"
    assert m.iterate_break(iter([1, 2, 3]), 7) == "not found"
    assert m.iterate_dict({"b": 1, "a": 2}) == ["b", "a"]
    assert m.iterate_str("banana") == 3
    raises(TypeError, "'int' object is not iterable", m.iterate, 5)
    assert m.while_cond_object([1, 2, 3]) == 3

    def gen():
        yield 1
        raise KeyError("gen")
    raises(KeyError, "'gen'", m.iterate, gen())


main(globals())
