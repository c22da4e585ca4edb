from check import main, raises, frames, line_of
import tracebacks as m

PYX = "tracebacks.pyx"


def compiled(exc):
    return [f for f in frames(exc) if f[0] == PYX]


def test_finally_keeps_one_frame_per_function():
    e = raises(ValueError, "bad", m.through_finally, 1)
    assert compiled(e) == [(PYX, "tracebacks.through_finally", line_of(PYX, "finally_call")),
                           (PYX, "tracebacks.fail", line_of(PYX, "raise_site"))], compiled(e)


def test_unmatched_except_keeps_one_frame():
    e = raises(ValueError, "bad", m.through_except, 1)
    assert compiled(e) == [(PYX, "tracebacks.through_except", line_of(PYX, "except_call")),
                           (PYX, "tracebacks.fail", line_of(PYX, "raise_site"))], compiled(e)


def test_bare_raise_keeps_the_original_line():
    e = raises(ValueError, "bad", m.reraised, 1)
    assert compiled(e) == [(PYX, "tracebacks.reraised", line_of(PYX, "reraise_call")),
                           (PYX, "tracebacks.fail", line_of(PYX, "raise_site"))], compiled(e)


def test_raise_in_handler_chains_context():
    e = raises(KeyError, "'k'", m.raised_in_handler, 1)
    assert compiled(e) == [(PYX, "tracebacks.raised_in_handler", line_of(PYX, "handler_raise"))], compiled(e)
    assert type(e.__context__) is ValueError


def test_caught_exception_traceback_includes_catching_frame():
    e = m.caught_frames(1)
    assert compiled(e) == [(PYX, "tracebacks.caught_frames", line_of(PYX, "caught_call")),
                           (PYX, "tracebacks.fail", line_of(PYX, "raise_site"))], compiled(e)
    assert m.through_except(0) is None


main(globals())
