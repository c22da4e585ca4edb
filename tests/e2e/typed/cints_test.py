import sys
from check import raises, frames, has_frame, line_of, main
import cints as m

INT_MAX = 2**31 - 1


def test_wraparound():
    assert m.int_wrap() == -2**31
    assert m.int_wrap_down() == INT_MAX
    assert m.uint_wrap() == 2**32 - 1
    assert m.uchar_wrap(100) == 44
    assert m.longlong_mul() == 3037000500 ** 2 - 2**64
    assert m.mixed_widths(1, 2, 3, 4) == 10


def test_int_conversions_ok():
    assert m.int_arg(INT_MAX) == INT_MAX
    assert m.int_arg(-2**31) == -2**31
    assert m.int_arg(True) == 1 and type(m.int_arg(True)) is int
    assert m.uint_arg(2**32 - 1) == 2**32 - 1
    assert m.long_arg(-2**63) == -2**63
    assert m.longlong_arg(2**63 - 1) == 2**63 - 1
    assert m.ulonglong_arg(2**64 - 1) == 2**64 - 1
    assert m.ssize_arg(-5) == -5
    assert m.size_arg(2**64 - 1) == 2**64 - 1
    assert m.char_arg(-128) == -128 and m.char_arg(127) == 127


def test_int_conversion_errors():
    raises(OverflowError, "value too large to convert to int", m.int_arg, 2**31)
    raises(OverflowError, "value too large to convert to int", m.int_arg, -2**31 - 1)
    raises(OverflowError, "Python int too large to convert to C long", m.int_arg, 2**64)
    raises(OverflowError, "can't convert negative value to unsigned int", m.uint_arg, -1)
    raises(OverflowError, "can't convert negative value to unsigned int", m.uint_arg, -2**100)
    raises(OverflowError, "value too large to convert to unsigned int", m.uint_arg, 2**32)
    raises(OverflowError, "Python int too large to convert to C long", m.long_arg, 2**63)
    raises(OverflowError, "can't convert negative value to size_t", m.size_arg, -1)
    raises(OverflowError, "Python int too large to convert to C ssize_t", m.ssize_arg, 2**63)
    raises(OverflowError, "value too large to convert to char", m.char_arg, 128)
    raises(OverflowError, "can't convert negative value to unsigned PY_LONG_LONG",
           m.ulonglong_arg, -3)
    raises(TypeError, "'float' object cannot be interpreted as an integer", m.int_arg, 1.5)
    raises(TypeError, "'str' object cannot be interpreted as an integer", m.long_arg, "3")
    raises(TypeError, "'NoneType' object cannot be interpreted as an integer", m.ssize_arg, None)


def test_double_conversions():
    assert m.double_arg(3) == 3.0 and type(m.double_arg(3)) is float
    assert m.double_arg(True) == 1.0
    assert m.float_arg(0.1) == float.fromhex('0x1.99999a0000000p-4')
    raises(TypeError, "must be real number, not str", m.double_arg, "x")
    raises(OverflowError, "int too large to convert to float", m.double_arg, 10**400)


def test_bint():
    assert m.bint_arg([]) is False
    assert m.bint_arg([0]) is True
    assert m.bint_arg(-3) is True

    class Bad:
        def __bool__(self):
            raise KeyError("nope")
    raises(KeyError, "'nope'", m.bint_arg, Bad())


def test_return_conversion_traceback():
    assert m.returns_int_from_object(12) == 12
    e = raises(OverflowError, "value too large to convert to int", m.returns_int_from_object, 2**40)
    has_frame(e, "cints.pyx", "cints.returns_int_from_object", line_of("cints.pyx", "L:ret_conv"))
    assert m.narrow_through_c(5) == 5
    assert m.narrow_through_c(2**33 + 7) == 7


def test_floor_division_and_modulo():
    for a in (-7, -6, -1, 0, 1, 6, 7, INT_MAX, -2**31):
        for b in (-3, -2, -1, 1, 2, 3, 7):
            if a == -2**31 and b == -1:
                continue
            assert m.floordiv(a, b) == a // b, (a, b)
            assert m.mod(a, b) == a % b, (a, b)
            assert m.floordiv_ll(a, b) == a // b, (a, b)
            assert m.mod_ll(a, b) == a % b, (a, b)
    assert m.floordiv_uint(2**32 - 1, 2) == (2**32 - 1) // 2
    raises(OverflowError, "value too large to perform division", m.floordiv, -2**31, -1)
    assert m.mod(-2**31, -1) == 0


def python_message(fn):
    """The message the running CPython gives for what fn() raises."""
    try:
        fn()
    except Exception as e:  # noqa: B902
        return str(e)
    raise AssertionError("no exception")


def test_zero_division():
    e = raises(ZeroDivisionError, "integer division or modulo by zero", m.floordiv, 1, 0)
    has_frame(e, "cints.pyx", "cints.floordiv", line_of("cints.pyx", "L:floordiv"))
    e = raises(ZeroDivisionError, "integer division or modulo by zero", m.mod, 1, 0)
    has_frame(e, "cints.pyx", "cints.mod", line_of("cints.pyx", "L:mod"))
    raises(ZeroDivisionError, "integer division or modulo by zero", m.floordiv_ll, 1, 0)
    e = raises(ZeroDivisionError, python_message(lambda: 1.0 / 0.0), m.truediv, 1, 0)
    has_frame(e, "cints.pyx", "cints.truediv", line_of("cints.pyx", "L:truediv"))
    raises(ZeroDivisionError, python_message(lambda: 1.0 / 0.0), m.dtruediv, 1.0, 0.0)
    raises(ZeroDivisionError, python_message(lambda: 1.0 // 0.0), m.dfloordiv, 1.0, 0.0)
    e = raises(ZeroDivisionError, python_message(lambda: 1.0 % 0.0), m.dmod, 1.0, 0.0)
    has_frame(e, "cints.pyx", "cints.dmod", line_of("cints.pyx", "L:dmod"))


def test_true_and_float_division():
    assert m.truediv(7, 2) == 3.5 and type(m.truediv(7, 2)) is float
    assert m.truediv(-7, 2) == -3.5
    for a in (-7.5, -1.0, 0.0, 2.25, 7.0):
        for b in (-2.0, -0.5, 3.0):
            assert m.dfloordiv(a, b) == a // b, (a, b)
            assert m.dmod(a, b) == a % b, (a, b)
            assert m.dtruediv(a, b) == a / b, (a, b)
    assert str(m.dmod(-0.0, 1.0)) == str(-0.0 % 1.0)
    assert str(m.dfloordiv(-0.0, 1.0)) == str(-0.0 // 1.0)


def test_cdivision():
    assert m.cfloordiv(-7, 2) == -3
    assert m.cmod(-7, 2) == -1
    assert m.cfloordiv(7, -2) == -3
    assert m.cmod(7, -2) == 1
    assert m.cfloordiv(7, 2) == 3


def test_int_ops():
    assert m.unary(5) == (-5, 5, -6, False)
    assert m.unary(0) == (0, 0, -1, True)
    assert m.bits(12, 10) == (8, 14, 6, 96, 6)
    assert m.shift_signed(-8) == (-32, -4)
    assert m.float_ops(1.5, 0.25) == 3.25
    assert m.cmp_chain(1, 2, 2) == (True, False, False)
    assert m.cmp_chain(3, 3, 4) == (False, True, False)
    assert m.c_casts(3.9, 10) == (3, 2.5, 39, 10)
    assert m.c_casts(-3.9, 300) == (-3, 75.0, -39, 44)
    assert m.int_to_double_promotion(2, 0.5) == 2.5
    assert m.sizes() == (1, 2, 4, 8, 8)
    assert m.c_abs_min_max(-3, 4, -2.5) == (3, -3, 4, 2.5, -3, 1.5)
    assert m.augmented(10) == 4 * 0 + (((((((10 * 3 - 1) // 2) % 7) << 2) | 1) ^ 8) & 0xff) >> 1
    assert m.chained_assign() == (7, 7, True)
    assert m.bool_ops(0, 5) == (0, 5, True, 0)
    assert m.bool_ops(3, 0) == (0, 3, False, -1)
    assert m.ternary_types(True) == 1.5 and m.ternary_types(False) == 2.0


main(globals())
