/* rt_obj.c - object-level helpers the generated code shares: global and
   builtin lookups, raise, imports, type tests, and messages that must match
   the running CPython's wording.  Contracts are in pyx_rt.h. */
#include "pyx_rt.h"

PyObject *pyx_rt_get_global(PyObject *globals, PyObject *name)
{
    PyObject *v = PyDict_GetItemWithError(globals, name);
    if (v != NULL) {
        Py_INCREF(v);
        return v;
    }
    if (PyErr_Occurred())
        return NULL;
    return pyx_rt_get_builtin(name);
}

PyObject *pyx_rt_get_global_fill(PyObject *globals, PyObject *name, PyxRtGlobalCache *c)
{
    PyObject *v = PyDict_GetItemWithError(globals, name);
    if (v != NULL) {
#ifdef PYX_DICT_VERSION
        c->value = v;
        c->gver = PYX_DICT_VERSION(globals);
        Py_CLEAR(c->builtins);
#else
        (void)c;
#endif
        Py_INCREF(v);
        return v;
    }
    if (PyErr_Occurred())
        return NULL;
    PyObject *builtins = PyEval_GetBuiltins();   /* borrowed */
    v = builtins ? PyDict_GetItemWithError(builtins, name) : NULL;
    if (v != NULL) {
#ifdef PYX_DICT_VERSION
        c->value = v;
        c->gver = PYX_DICT_VERSION(globals);
        if (c->builtins != builtins) {
            Py_INCREF(builtins);
            Py_XSETREF(c->builtins, builtins);
        }
        c->bver = PYX_DICT_VERSION(builtins);
#endif
        Py_INCREF(v);
        return v;
    }
    c->value = NULL;
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
    return NULL;
}

PyObject *pyx_rt_get_builtin(PyObject *name)
{
    PyObject *builtins = PyEval_GetBuiltins();   /* borrowed */
    PyObject *v = builtins ? PyDict_GetItemWithError(builtins, name) : NULL;
    if (v != NULL) {
        Py_INCREF(v);
        return v;
    }
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
    return NULL;
}

void pyx_rt_unbound_local(const char *name)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_Format(PyExc_UnboundLocalError,
                 "cannot access local variable '%s' where it is not associated with a value", name);
#else
    PyErr_Format(PyExc_UnboundLocalError, "local variable '%s' referenced before assignment", name);
#endif
}

void pyx_rt_unbound_free(const char *name)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyErr_Format(PyExc_NameError,
                 "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name);
#else
    PyErr_Format(PyExc_NameError, "free variable '%s' referenced before assignment in enclosing scope", name);
#endif
#if PY_VERSION_HEX >= 0x030A0000
    /* NameError.name, as the interpreter sets it (tracebacks suggest names from it) */
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *value = PyErr_GetRaisedException();
#else
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
#endif
    if (PyObject_TypeCheck(value, (PyTypeObject *)PyExc_NameError)) {
        PyObject *n = PyUnicode_FromString(name);
        if (n == NULL)
            PyErr_Clear();
        else
            Py_XSETREF(((PyNameErrorObject *)value)->name, n);
    }
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(value);
#else
    PyErr_Restore(type, value, tb);
#endif
#endif
}

void pyx_rt_raise(PyObject *exc, PyObject *cause)
{
    PyObject *type = NULL, *value = NULL;
    if (PyExceptionClass_Check(exc)) {
        value = PyObject_CallNoArgs(exc);
        if (value == NULL)
            return;
        if (!PyExceptionInstance_Check(value)) {
            PyErr_Format(PyExc_TypeError,
                         "calling %R should have returned an instance of BaseException, not %s",
                         exc, Py_TYPE(value)->tp_name);
            Py_DECREF(value);
            return;
        }
    } else if (PyExceptionInstance_Check(exc)) {
        value = exc;
        Py_INCREF(value);
    } else {
        PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
        return;
    }
    type = (PyObject *)Py_TYPE(value);
    if (cause != NULL) {
        PyObject *c;
        if (cause == Py_None) {
            c = NULL;
        } else if (PyExceptionClass_Check(cause)) {
            c = PyObject_CallNoArgs(cause);
            if (c == NULL) {
                Py_DECREF(value);
                return;
            }
        } else if (PyExceptionInstance_Check(cause)) {
            c = cause;
            Py_INCREF(c);
        } else {
            PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
            Py_DECREF(value);
            return;
        }
        PyException_SetCause(value, c);   /* steals c, sets __suppress_context__ */
    }
    PyErr_SetObject(type, value);
    Py_DECREF(value);
}

static const char *type_name(PyObject *o)
{
    return o == Py_None ? "NoneType" : Py_TYPE(o)->tp_name;
}

int pyx_rt_arg_type_test(PyObject *o, PyTypeObject *t, int none_ok, const char *name)
{
    if (Py_IS_TYPE(o, t))
        return 0;
    if (o == Py_None) {
        if (none_ok)
            return 0;
        PyErr_Format(PyExc_TypeError, "Argument '%s' must not be None", name);
        return -1;
    }
    PyErr_Format(PyExc_TypeError, "Argument '%s' has incorrect type (expected %s, got %s)",
                 name, t->tp_name, type_name(o));
    return -1;
}

int pyx_rt_type_test(PyObject *o, PyTypeObject *t)
{
    if (o == Py_None || Py_IS_TYPE(o, t) || (t == &PyLong_Type && PyBool_Check(o)))
        return 0;
    PyErr_Format(PyExc_TypeError, "Expected %s, got %s", t->tp_name, type_name(o));
    return -1;
}

PyObject *pyx_rt_import(PyObject *name, PyObject *globals, PyObject *fromlist, int level, int leaf)
{
    PyObject *m = PyImport_ImportModuleLevelObject(name, globals, NULL, fromlist, level);
    if (m == NULL || !leaf || fromlist != NULL)
        return m;
    /* 'import a.b as c' binds the submodule a.b */
    Py_DECREF(m);
    PyObject *modules = PyImport_GetModuleDict();   /* borrowed */
    m = PyDict_GetItemWithError(modules, name);
    if (m != NULL) {
        Py_INCREF(m);
        return m;
    }
    if (!PyErr_Occurred())
        PyErr_Format(PyExc_ImportError, "No module named %R", name);
    return NULL;
}

int pyx_rt_import_star(PyObject *module, PyObject *globals)
{
    int skip_private = 0;
    PyObject *names = PyObject_GetAttrString(module, "__all__");
    if (names == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            return -1;
        PyErr_Clear();
        PyObject *dict = PyObject_GetAttrString(module, "__dict__");
        if (dict == NULL) {
            if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
                PyErr_Clear();
                PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
            }
            return -1;
        }
        names = PyMapping_Keys(dict);
        Py_DECREF(dict);
        if (names == NULL)
            return -1;
        skip_private = 1;
    }
    int r = 0;
    for (Py_ssize_t i = 0;; i++) {
        PyObject *name = PySequence_GetItem(names, i);
        if (name == NULL) {
            if (PyErr_ExceptionMatches(PyExc_IndexError))
                PyErr_Clear();
            else
                r = -1;
            break;
        }
        if (!PyUnicode_Check(name)) {
            PyObject *modname = PyObject_GetAttrString(module, "__name__");
            if (modname && PyUnicode_Check(modname))
                PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s", skip_private ? "Key" : "Item",
                             modname, skip_private ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
            else if (modname)
                PyErr_Format(PyExc_TypeError, "module __name__ must be a string, not %.100s", Py_TYPE(modname)->tp_name);
            Py_XDECREF(modname);
            Py_DECREF(name);
            r = -1;
            break;
        }
        if (skip_private && PyUnicode_GET_LENGTH(name) > 0 && PyUnicode_READ_CHAR(name, 0) == '_') {
            Py_DECREF(name);
            continue;
        }
        PyObject *value = PyObject_GetAttr(module, name);
        r = value ? PyDict_SetItem(globals, name, value) : -1;
        Py_XDECREF(value);
        Py_DECREF(name);
        if (r < 0)
            break;
    }
    Py_DECREF(names);
    return r;
}

PyObject *pyx_rt_import_from(PyObject *module, PyObject *name)
{
    PyObject *v = PyObject_GetAttr(module, name);
    if (v != NULL || !PyErr_ExceptionMatches(PyExc_AttributeError))
        return v;
    PyErr_Clear();
    PyObject *modname = PyModule_Check(module) ? PyModule_GetNameObject(module) : NULL;
    if (modname == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ImportError, "cannot import name %R", name);
        return NULL;
    }
    /* a submodule imported by someone else but not yet an attribute */
    PyObject *full = PyUnicode_FromFormat("%U.%U", modname, name);
    if (full != NULL) {
        PyObject *sub = PyDict_GetItemWithError(PyImport_GetModuleDict(), full);
        Py_DECREF(full);
        if (sub != NULL) {
            Py_DECREF(modname);
            Py_INCREF(sub);
            return sub;
        }
    }
    PyObject *file = PyModule_GetFilenameObject(module);
    if (file == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_ImportError, "cannot import name %R from %R (unknown location)", name, modname);
    } else {
        PyErr_Format(PyExc_ImportError, "cannot import name %R from %R (%U)", name, modname, file);
        Py_DECREF(file);
    }
    Py_DECREF(modname);
    return NULL;
}

int pyx_rt_assertions_enabled(void)
{
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
#endif
    return Py_OptimizeFlag == 0;
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
}

void pyx_rt_raise_range_step_zero(void)
{
    PyErr_SetString(PyExc_ValueError, "range() arg 3 must not be zero");
}

void pyx_rt_exc_fetch(PyObject *saved[3])
{
#if PY_VERSION_HEX >= 0x030C0000
    saved[0] = PyErr_GetRaisedException();
    saved[1] = saved[2] = NULL;
#else
    PyErr_Fetch(&saved[0], &saved[1], &saved[2]);
#endif
}

void pyx_rt_exc_restore(PyObject *saved[3])
{
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(saved[0]);
#else
    PyErr_Restore(saved[0], saved[1], saved[2]);
#endif
    saved[0] = saved[1] = saved[2] = NULL;
}

void pyx_rt_exc_drop(PyObject *saved[3])
{
    Py_CLEAR(saved[0]);
    Py_CLEAR(saved[1]);
    Py_CLEAR(saved[2]);
}

int pyx_rt_unpack(PyObject *seq, Py_ssize_t n, PyObject **out)
{
    Py_ssize_t i = 0;
    if (PyTuple_CheckExact(seq) || PyList_CheckExact(seq)) {
        Py_ssize_t size = Py_SIZE(seq);
        if (size != n) {
            if (size < n)
                PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, size);
            else
                PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", n);
            return -1;
        }
        PyObject **items = PyTuple_CheckExact(seq) ? &PyTuple_GET_ITEM(seq, 0) : &PyList_GET_ITEM(seq, 0);
        for (i = 0; i < n; i++) {
            out[i] = items[i];
            Py_INCREF(out[i]);
        }
        return 0;
    }
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(seq)->tp_iter == NULL && !PySequence_Check(seq)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", Py_TYPE(seq)->tp_name);
        }
        return -1;
    }
    for (i = 0; i < n; i++) {
        out[i] = PyIter_Next(it);
        if (out[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %zd, got %zd)", n, i);
            goto fail;
        }
    }
    PyObject *extra = PyIter_Next(it);
    if (extra != NULL) {
        Py_DECREF(extra);
        PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", n);
        goto fail;
    }
    if (PyErr_Occurred())
        goto fail;
    Py_DECREF(it);
    return 0;
fail:
    while (i > 0) {
        i--;
        Py_CLEAR(out[i]);
    }
    Py_DECREF(it);
    return -1;
}

PyObject *pyx_rt_exc_catch(void)
{
#if PY_VERSION_HEX >= 0x030C0000
    return PyErr_GetRaisedException();
#else
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return NULL;
    PyErr_NormalizeException(&type, &value, &tb);
    if (tb != NULL)
        PyException_SetTraceback(value, tb);
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return value;
#endif
}

void pyx_rt_exc_rethrow(PyObject *exc)
{
#if PY_VERSION_HEX >= 0x030C0000
    PyErr_SetRaisedException(exc);
#else
    PyObject *type = (PyObject *)Py_TYPE(exc);
    PyObject *tb = PyException_GetTraceback(exc);   /* new reference */
    Py_INCREF(type);
    PyErr_Restore(type, exc, tb);
#endif
}

/* TypeError for a bad 'except' clause, with the exception being matched as
   its __context__, as CPython chains it. */
static int bad_except_class(PyObject *exc)
{
    PyErr_SetString(PyExc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    PyObject *err = pyx_rt_exc_catch();
    if (err != NULL) {
        Py_INCREF(exc);
        PyException_SetContext(err, exc);   /* steals exc */
        pyx_rt_exc_rethrow(err);
    }
    return -1;
}

int pyx_rt_exc_matches(PyObject *exc, PyObject *type)
{
    if (PyTuple_Check(type)) {
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(type); i++)
            if (!PyExceptionClass_Check(PyTuple_GET_ITEM(type, i)))
                return bad_except_class(exc);
    } else if (!PyExceptionClass_Check(type)) {
        return bad_except_class(exc);
    }
    return PyErr_GivenExceptionMatches(exc, type);
}

/* The handler's exception goes into the innermost item of the thread's
   exception stack, and leaving puts back exactly what that item held
   (None or NULL when its frame handled nothing), as CPython's PUSH_EXC_INFO
   and POP_EXCEPT do: a generator's item (rt_gen.c) must not keep its
   caller's exception after its handler ends. */
void pyx_rt_exc_enter(PyObject *exc, PyObject *saved[3])
{
    _PyErr_StackItem *top = PyThreadState_Get()->exc_info;
#if PY_VERSION_HEX >= 0x030B0000
    saved[0] = top->exc_value;
    saved[1] = saved[2] = NULL;
    Py_INCREF(exc);
    top->exc_value = exc;
#else
    saved[0] = top->exc_type;
    saved[1] = top->exc_value;
    saved[2] = top->exc_traceback;
    PyObject *type = (PyObject *)Py_TYPE(exc);
    Py_INCREF(type);
    Py_INCREF(exc);
    top->exc_type = type;
    top->exc_value = exc;
    top->exc_traceback = PyException_GetTraceback(exc);
#endif
}

void pyx_rt_exc_leave(PyObject *saved[3])
{
    _PyErr_StackItem *top = PyThreadState_Get()->exc_info;
#if PY_VERSION_HEX >= 0x030B0000
    PyObject *old = top->exc_value;
    top->exc_value = saved[0];
    saved[0] = NULL;
    Py_XDECREF(old);
#else
    PyObject *t = top->exc_type, *v = top->exc_value, *tb = top->exc_traceback;
    top->exc_type = saved[0];
    top->exc_value = saved[1];
    top->exc_traceback = saved[2];
    saved[0] = saved[1] = saved[2] = NULL;
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
#endif
}

void pyx_rt_finally_enter(PyObject *s[4])
{
    s[0] = pyx_rt_exc_catch();   /* never NULL on an error path */
    if (s[0])
        pyx_rt_exc_enter(s[0], s + 1);
}

void pyx_rt_finally_reraise(PyObject *s[4])
{
    PyObject *exc = s[0];
    s[0] = NULL;
    if (exc) {
        pyx_rt_exc_leave(s + 1);
        pyx_rt_exc_rethrow(exc);
    }
}

void pyx_rt_finally_drop(PyObject *s[4])
{
    if (s[0]) {
        pyx_rt_exc_leave(s + 1);
        Py_CLEAR(s[0]);
    }
}

void pyx_rt_reraise(void)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyObject *exc = PyErr_GetHandledException();
    if (exc == NULL || exc == Py_None) {
        Py_XDECREF(exc);
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return;
    }
    pyx_rt_exc_rethrow(exc);
#else
    PyObject *type, *value, *tb;
    PyErr_GetExcInfo(&type, &value, &tb);
    if (value == NULL || value == Py_None) {
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
        return;
    }
    PyErr_Restore(type, value, tb);
#endif
}

/* type(o).name bound to o, as the interpreter looks up special methods;
   NULL without an exception when there is none. */
static PyObject *lookup_special(PyObject *o, const char *name)
{
    PyObject *meth = PyObject_GetAttrString((PyObject *)Py_TYPE(o), name);
    if (meth == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        return NULL;
    }
    descrgetfunc get = Py_TYPE(meth)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(meth, o, (PyObject *)Py_TYPE(o));
        Py_DECREF(meth);
        return bound;
    }
    return meth;
}

PyObject *pyx_rt_with_enter(PyObject *mgr, PyObject **exit)
{
    *exit = NULL;
    PyObject *enter = lookup_special(mgr, "__enter__");
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the context manager protocol",
                         Py_TYPE(mgr)->tp_name);
        return NULL;
    }
    PyObject *ex = lookup_special(mgr, "__exit__");
    if (ex == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError,
                         "'%.200s' object does not support the context manager protocol (missed __exit__ method)",
                         Py_TYPE(mgr)->tp_name);
        Py_DECREF(enter);
        return NULL;
    }
    PyObject *value = PyObject_CallNoArgs(enter);
    Py_DECREF(enter);
    if (value == NULL) {
        Py_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return value;
}

int pyx_rt_with_exit(PyObject *exit, PyObject *exc)
{
    PyObject *res;
    if (exc == NULL) {
        res = PyObject_CallFunctionObjArgs(exit, Py_None, Py_None, Py_None, NULL);
    } else {
        PyObject *tb = PyException_GetTraceback(exc);
        res = PyObject_CallFunctionObjArgs(exit, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None, NULL);
        Py_XDECREF(tb);
    }
    if (res == NULL)
        return -1;
    int truth = exc == NULL ? 0 : PyObject_IsTrue(res);
    Py_DECREF(res);
    return truth;
}

PyObject *pyx_rt_module_create(PyObject *spec, PyObject *existing)
{
    if (existing != NULL) {
        Py_INCREF(existing);
        return existing;
    }
    PyObject *name = PyObject_GetAttrString(spec, "name");
    if (name == NULL)
        return NULL;
    PyObject *m = PyModule_NewObject(name);
    Py_DECREF(name);
    return m;
}
