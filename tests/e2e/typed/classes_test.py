from check import main, raises
import classes as m


def test_typed_methods():
    a = m.Acc(5)
    assert a.add(3) == 8
    assert a.add(2, 2.5) == 13
    assert a.tripled() == 39
    assert a.mean(1, 2) == 1.5
    assert m.Acc.clamp(-5) == 0 and m.Acc.clamp(500) == 100 and m.Acc.clamp(7, hi=5) == 5


def test_conversion_errors():
    a = m.Acc()
    raises(TypeError, ("cannot be interpreted as an integer",), a.add, "x")
    raises(OverflowError, None, a.add, 2 ** 40)
    raises(TypeError, ("must be real number",), a.mean, "x", 1)
    raises(TypeError, None, m.Acc, 1.5)


def test_class_body_and_annotations():
    assert m.Acc.base == 6
    assert m.Acc.__annotations__ == {"start": "int"}
    assert m.Acc.start == 10 and m.Acc.__doc__ == "an accumulator"
    assert m.Acc.add.__qualname__ == "Acc.add"


def test_super_in_typed_method():
    s = m.Sub(1)
    assert s.add(2) == 6
    assert isinstance(s, m.Acc)


if __name__ == "__main__":
    main(globals())
