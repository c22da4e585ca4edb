from check import main
import bug_module_name as m


def test_name():
    assert m.NAME_AT_IMPORT == "bug_module_name", m.NAME_AT_IMPORT
    assert m.name_in_function() == "bug_module_name"


def test_globals():
    assert m.GLOBALS_NAME == "bug_module_name", m.GLOBALS_NAME


main(globals())
