from check import main, raises
import match_typed as m


def test_captures_convert_to_c_types():
    assert m.typed_captures([3, 2, 1]) == (3, 2.0, True)
    assert m.typed_captures([True, 7, []]) == (1, 7.0, False)
    assert m.typed_captures({"n": 21}) == 42
    assert m.typed_captures(9) == (9, 0.5)
    assert m.typed_captures(2.5) == (-1, 2.5)
    assert m.typed_captures("s") is None


def test_capture_conversion_errors():
    raises(TypeError, "'str' object cannot be interpreted as an integer", m.typed_captures, ["x", 1, 1])
    raises(TypeError, "must be real number, not str", m.typed_captures, [1, "y", 1])
    raises(OverflowError, "Python int too large to convert to C long", m.typed_captures, {"n": 2 ** 70})
    raises(TypeError, "'float' object cannot be interpreted as an integer", m.typed_captures, {"n": 1.5})


def test_builtin_typed_capture():
    assert m.typed_list_capture((1, 2, 3)) == [2, 3]
    assert m.typed_list_capture("abc") is None


def test_c_subject_and_guards():
    assert m.c_subject(1) == "tiny"
    assert m.c_subject(-3) == "other"
    assert m.c_subject(3) == "small, positive root"
    assert m.c_subject(11) == ("big", 121)


def test_match_in_cdef_function():
    assert [m.call_classify(v) for v in ([], [1, "x"], ["x"], {"k": 1}, {}, 5)] == [0, 1, 3, 2, 3, 3]


def test_captured_name_is_not_inferred_as_double():
    assert m.capture_stays_object(["text"]) == ("text", 3.0)
    assert m.capture_stays_object([]) == (1.5, 3.0)


main(globals())
