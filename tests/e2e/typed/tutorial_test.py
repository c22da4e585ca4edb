# build: samples/my_module.pyx samples/my_module_fixed.pyx
# The tutorial module from samples/: the C int overflows, the fixed one does not.
from check import raises, frames, main
import my_module
import my_module_fixed


def test_tutorial_overflow():
    e = raises(OverflowError, "value too large to convert to int", my_module.cythonized_function)
    assert frames(e)[-1] == ("my_module.pyx", "my_module.cythonized_function", 12), frames(e)


def test_tutorial_fixed():
    assert my_module_fixed.cythonized_function() == 499999500000


main(globals())
