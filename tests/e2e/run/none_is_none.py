# Known failure: 'None is None' emits 'Py_None == Py_None', which gcc's
# -Wtautological-compare rejects under -Werror.
def main():
    x = None
    print(None is None, x is None, None is not None)
