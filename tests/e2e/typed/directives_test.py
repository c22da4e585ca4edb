from check import main
import directives as m


def test_header_directive_applies_to_the_module():
    assert m.module_level(-7, 2) == (-3, -1)   # C truncation


def test_decorator_overrides_the_header():
    assert m.function_level(-7, 2) == (-4, 1)  # Python floor


def test_with_block_overrides_the_function():
    assert m.block_level(-7, 2) == (-3, -4)


def test_infer_types_false():
    assert m.no_inference() == 1.5


main(globals())
