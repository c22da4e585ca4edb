from check import main
import range_overflow as m

MAX = 2**63 - 1
MIN = -2**63


def test_no_wrap():
    assert m.near_max(MAX - 5, MAX) == [MAX - 5, MAX - 1]
    assert m.near_min(MIN + 5, MIN) == [MIN + 5, MIN + 1]


main(globals())
