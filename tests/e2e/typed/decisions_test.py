from check import main, raises
import decisions as m


def test_pow_with_any_literal_spelling():
    assert m.pow_literals(3) == (27, 3 ** 10, 9, 1)
    assert m.pow_literals(-2) == (-8, 1024, 4, 1)


def test_bint_bitwise_is_bool():
    assert m.bint_ops(True, False) == (True, False, True)
    assert all(type(v) is bool for v in m.bint_ops(True, True))


def test_unsigned_results_report_exceptions():
    assert m.call_uc(200) == 200
    raises(ValueError, "negative", m.call_uc, -1)
    assert m.call_us(60000) == 60000
    raises(ValueError, "negative", m.call_us, -1)


def test_int_float_comparison_is_exact():
    big = 2 ** 53 + 1
    assert m.mixed_compare(big, float(big)) == (False, False, True, True)
    assert m.mixed_compare(3, 3.0) == (True, False, False, False)
    nan = float("nan")
    assert m.mixed_compare(1, nan) == (False, False, False, True)


def test_conditional_keeps_each_branch_type():
    assert m.cond_types(True, 1.5) == (1.5, 3)
    v = m.cond_types(False, 1.5)
    assert v == (3, 2) and type(v[0]) is int


def test_attributes_of_c_values_box_them():
    assert m.attribute_of_c_values(2.0, 255) == (True, 8)


main(globals())
