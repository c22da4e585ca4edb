# Known failure: '__name__' read by compiled code gives 'builtins' (the
# builtins module's own __name__), and globals() gives the importer's globals
# (importlib._bootstrap) instead of the module's dict.

NAME_AT_IMPORT = __name__
GLOBALS_NAME = globals()["__name__"]

def name_in_function():
    return __name__
