# try/except: the 'as' name is bound (and deleted again at the end of the
# handler: for the symtable it is simply assigned), del binds too.

def handler():
    try:
        value = int("x")
    except ValueError as err:
        return err
    except (TypeError, KeyError) as other:
        raise RuntimeError from other
    else:
        return value
    finally:
        cleanup = True
        del cleanup


def handler_closure():
    try:
        pass
    except Exception as exc:
        def report():
            return exc
        return report


def star_handlers():
    try:
        pass
    except* ValueError as group:
        del group


def deletes(a, b):
    del a
    del b[0], b.attr
    c = d = 1
    del (c, d)


try:
    import json
except ImportError as module_level_err:
    json = None
