from check import raises, same_error, same_result, main
import args as m


def f(x):
    return x


def g(a, b=2.5, *, flag=False, k):
    return (a, b, flag, k)


def h(a, b, /, c, d=None, *, e, f=True):
    return (a, b, c, d, e, f)


def none0():
    return None


def three(a, b, c):
    return a + b + c


def kwonly_req(*, p, q, r):
    return (p, q, r)


def posonly(a, /):
    return a


CALLS = [
    (f, m.f, (), {}),
    (f, m.f, (1, 2), {}),
    (f, m.f, (), {"y": 1}),
    (f, m.f, (1,), {"x": 2}),
    (f, m.f, (), {"x": 3}),
    (f, m.f, (4,), {}),
    (g, m.g, (), {}),
    (g, m.g, (1,), {}),
    (g, m.g, (1, 2.0, 3), {"k": 1}),
    (g, m.g, (1, 2.0, 3), {}),
    (g, m.g, (1,), {"k": 9}),
    (g, m.g, (), {"a": 1, "k": 9, "flag": 1}),
    (g, m.g, (1,), {"k": 9, "zzz": 1}),
    (g, m.g, (1,), {"k": 9, "a": 1}),
    (h, m.h, (1, 2, 3), {"e": 5}),
    (h, m.h, (1, 2), {"c": 3, "e": 5, "f": 0}),
    (h, m.h, (1,), {"b": 2, "c": 3, "e": 5}),
    (h, m.h, (), {"a": 1, "b": 2, "c": 3, "e": 5}),
    (h, m.h, (1, 2, 3, 4, 5), {"e": 5}),
    (h, m.h, (1, 2, 3), {}),
    (h, m.h, (1, 2), {"e": 1}),
    (none0, m.none0, (), {}),
    (none0, m.none0, (1,), {}),
    (none0, m.none0, (), {"a": 1}),
    (three, m.three, (), {}),
    (three, m.three, (1,), {}),
    (three, m.three, (1, 2), {}),
    (three, m.three, (1, 2, 3, 4, 5), {}),
    (three, m.three, ("a", "b", "c"), {}),
    (kwonly_req, m.kwonly_req, (), {}),
    (kwonly_req, m.kwonly_req, (1,), {"p": 1}),
    (kwonly_req, m.kwonly_req, (), {"q": 1}),
    (kwonly_req, m.kwonly_req, (), {"q": 1, "r": 2, "p": 0}),
    (posonly, m.posonly, (), {"a": 1}),
    (posonly, m.posonly, (1,), {}),
    (posonly, m.posonly, (1, 2), {}),
]


def test_binding_matches_cpython():
    for ref, fn, a, kw in CALLS:
        same_result(fn, ref, *a, **kw)


def test_binding_messages():
    raises(TypeError, "f() missing 1 required positional argument: 'x'", m.f)
    raises(TypeError, "three() missing 2 required positional arguments: 'b' and 'c'", m.three, 1)
    raises(TypeError, "three() missing 3 required positional arguments: 'a', 'b', and 'c'", m.three)
    raises(TypeError, "g() missing 1 required keyword-only argument: 'k'", m.g, 1)
    raises(TypeError, "f() got an unexpected keyword argument 'y'", m.f, 1, y=2)
    raises(TypeError, "f() got multiple values for argument 'x'", m.f, 1, x=2)
    raises(TypeError, "f() takes 1 positional argument but 2 were given", m.f, 1, 2)
    raises(TypeError, "none0() takes 0 positional arguments but 1 was given", m.none0, 1)
    raises(TypeError, "posonly() got some positional-only arguments passed as keyword arguments: 'a'",
           m.posonly, a=1)


def test_typed_arg_conversion_after_binding():
    # binding errors come before conversion errors
    raises(TypeError, "g() missing 1 required keyword-only argument: 'k'", m.g, "x")
    raises(TypeError, "'str' object cannot be interpreted as an integer", m.g, "x", k=1)
    raises(TypeError, "must be real number, not str", m.g, 1, "y", k=1)
    raises(OverflowError, "value too large to convert to int", m.g, 2**31, k=1)
    assert m.g(1, k=2) == (1, 2.5, False, 2)
    assert m.g(1, 3, flag=[1], k=2) == (1, 3.0, True, 2)


def test_defaults():
    assert m.simple_defaults() == (None, True, 2.5, 4.0, False)
    assert m.simple_defaults(1, 0, 3, e=5) == (1, False, 3.0, 4.0, 5)


def test_builtin_typed_args():
    assert m.typed_list([1]) == [1]
    assert m.typed_list(None) is None
    assert m.typed_dict({1: 2}) == {1: 2}
    assert m.typed_tuple((1,)) == (1,)
    assert m.typed_str("s") == "s"
    assert m.typed_bytes(b"b") == b"b"
    raises(TypeError, "Argument 'xs' has incorrect type (expected list, got tuple)", m.typed_list, (1,))
    raises(TypeError, "Argument 'd' has incorrect type (expected dict, got list)", m.typed_dict, [])
    raises(TypeError, "Argument 't' has incorrect type (expected tuple, got list)", m.typed_tuple, [])
    raises(TypeError, "Argument 's' has incorrect type (expected str, got bytes)", m.typed_str, b"x")
    raises(TypeError, "Argument 'b' has incorrect type (expected bytes, got str)", m.typed_bytes, "x")
    assert m.typed_list_not_none([1, 2]) == 2
    raises(TypeError, "Argument 'xs' must not be None", m.typed_list_not_none, None)
    # Cython tests builtin types exactly: a list subclass is rejected.

    class L(list):
        pass
    raises(TypeError, "Argument 'xs' has incorrect type (expected list, got L)", m.typed_list, L())
    assert m.list_len_sum([1, 2, 3]) == (3, 6)
    raises(TypeError, "unsupported operand type(s) for +=: 'int' and 'str'", m.list_len_sum, [1, "2"])


def test_cdef_defaults_and_cpdef():
    assert m.call_cdef_defaults() == (6, 3, 7, 8, 2)
    assert m.cp_add(1, 7) == 8
    assert m.cp_add(1, b=2) == 3
    raises(TypeError, "cp_add() missing 2 required positional arguments: 'a' and 'b'", m.cp_add)
    assert not hasattr(m, "c_add")


def test_python_calls_with_keywords():
    assert m.py_call_keywords() == ([3, 2, 1], 255, (1, 2.5, True, 5))


def test_char_params():
    assert m.char_param(-1, 255) == (-1, 255)
    raises(OverflowError, "value too large to convert to unsigned char", m.char_param, 0, 256)
    raises(OverflowError, "can't convert negative value to unsigned char", m.char_param, 0, -1)


main(globals())
