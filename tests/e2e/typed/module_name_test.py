from check import main
import module_name as m


def test_name():
    assert m.NAME_AT_IMPORT == "module_name", m.NAME_AT_IMPORT
    assert m.name_in_function() == "module_name"


def test_globals():
    assert m.GLOBALS_NAME == "module_name", m.GLOBALS_NAME


main(globals())
