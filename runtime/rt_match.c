/* rt_match.c - the run-time half of match statements (PEP 634): what
   CPython's MATCH_KEYS, MATCH_CLASS, DICT_UPDATE and COMPARE_OP do for a
   pattern, with its errors.  Contracts are in pyx_rt.h.  Python 3.10 and
   newer only: for older interpreters this file compiles to nothing (pyxc
   refuses match statements when it builds for them). */
#include "pyx_rt.h"

#if PY_VERSION_HEX >= 0x030A0000

/* o.name: 1 with a new reference in *out, 0 when o has no such attribute
   (no AttributeError is made and dropped: class patterns test for missing
   attributes all the time), -1 with the error. */
static int lookup_attr(PyObject *o, PyObject *name, PyObject **out)
{
#if PY_VERSION_HEX >= 0x030D0000
    return PyObject_GetOptionalAttr(o, name, out);
#else
    return _PyObject_LookupAttr(o, name, out);
#endif
}

/* An interned name, made once for the process (like the traceback cache). */
static PyObject *cached_name(PyObject **slot, const char *s)
{
    if (*slot == NULL)
        *slot = PyUnicode_InternFromString(s);
    return *slot;
}

static PyObject *name_get, *name_match_args;

int pyx_rt_match_eq(PyObject *subject, PyObject *value)
{
    PyObject *r = PyObject_RichCompare(subject, value, Py_EQ);
    if (r == NULL)
        return -1;
    int t = PyObject_IsTrue(r);
    Py_DECREF(r);
    return t;
}

PyObject *pyx_rt_match_item_back(PyObject *seq, Py_ssize_t back)
{
    Py_ssize_t len = PyObject_Length(seq);
    if (len < 0)
        return NULL;
    PyObject *index = PyLong_FromSsize_t(len - back);
    if (index == NULL)
        return NULL;
    PyObject *item = PyObject_GetItem(seq, index);
    Py_DECREF(index);
    return item;
}

/* Duplicate runtime keys ('case {C.A: 1, C.B: 2}' with C.A == C.B). */
static int seen_before(PyObject *seen, PyObject *key)
{
    int r = PySet_Contains(seen, key);
    if (r == 0)
        return PySet_Add(seen, key) < 0 ? -1 : 0;
    if (r > 0)
        PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
    return -1;
}

/* Keys whose hash and == are the builtins' own (what literal keys are):
   a set of them finds a duplicate exactly when == does. */
static int plain_key(PyObject *k)
{
    return PyUnicode_CheckExact(k) || PyLong_CheckExact(k) || PyFloat_CheckExact(k) || PyBytes_CheckExact(k)
           || k == Py_None || PyBool_Check(k);
}

/* The same check for keys[i] among plain keys, without a set. */
static int plain_seen_before(PyObject *const *keys, Py_ssize_t i)
{
    for (Py_ssize_t j = 0; j < i; j++) {
        int r = PyObject_RichCompareBool(keys[j], keys[i], Py_EQ);
        if (r > 0)
            PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", keys[i]);
        if (r != 0)
            return -1;
    }
    return 0;
}

int pyx_rt_match_keys(PyObject *map, PyObject *const *keys, Py_ssize_t n, PyObject **values)
{
    if (n == 0)
        return 1;
    PyObject *seen = NULL, *get = NULL, *dummy = NULL;
    Py_ssize_t i = 0;
    int found = 1;
    /* an exact dict's 'get' is dict.get: look the key up directly */
    int direct = PyDict_CheckExact(map), plain = 1;
    for (i = 0; i < n && plain; i++)
        plain = plain_key(keys[i]);
    i = 0;
    if (!plain) {   /* (literal keys need no set to find one given twice) */
        seen = PySet_New(NULL);
        if (seen == NULL)
            goto fail;
    }
    if (!direct) {
        /* map.get(key, dummy), as CPython: no KeyError from __missing__ or
           __getitem__, and a default no value can be */
        PyObject *name = cached_name(&name_get, "get");
        if (name == NULL || (get = PyObject_GetAttr(map, name)) == NULL)
            goto fail;
        dummy = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
        if (dummy == NULL)
            goto fail;
    }
    for (i = 0; i < n; i++) {
        if (seen ? seen_before(seen, keys[i]) < 0 : plain_seen_before(keys, i) < 0)
            goto fail;
        PyObject *v;
        if (direct) {
            v = PyDict_GetItemWithError(map, keys[i]);
            if (v == NULL && PyErr_Occurred())
                goto fail;
            Py_XINCREF(v);
        } else {
            PyObject *args[2] = {keys[i], dummy};
            v = PyObject_Vectorcall(get, args, 2, NULL);
            if (v == NULL)
                goto fail;
            if (v == dummy)
                Py_CLEAR(v);
        }
        if (v == NULL) {   /* not there: no match */
            found = 0;
            break;
        }
        values[i] = v;
    }
    while (!found && i > 0) {   /* (Py_CLEAR evaluates its argument twice) */
        i--;
        Py_CLEAR(values[i]);
    }
    Py_XDECREF(seen);
    Py_XDECREF(get);
    Py_XDECREF(dummy);
    return found;
fail:
    while (i > 0) {
        i--;
        Py_CLEAR(values[i]);
    }
    Py_XDECREF(seen);
    Py_XDECREF(get);
    Py_XDECREF(dummy);
    return -1;
}

PyObject *pyx_rt_match_rest(PyObject *map, PyObject *const *keys, Py_ssize_t n)
{
    PyObject *rest = PyDict_New();
    if (rest == NULL)
        return NULL;
    if (PyDict_Update(rest, map) < 0) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(map)->tp_name);
        }
        Py_DECREF(rest);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++)
        if (PyObject_DelItem(rest, keys[i]) < 0) {
            Py_DECREF(rest);
            return NULL;
        }
    return rest;
}

/* One attribute of a class pattern: subject.name, NULL without an error
   when it has none (no match), or NULL with the error.  names[0..n) are
   the names asked for before (exact str, as CPython's set of them). */
static PyObject *class_attr(PyObject *subject, PyTypeObject *type, PyObject *name, PyObject **names, Py_ssize_t n)
{
    for (Py_ssize_t j = 0; j < n; j++) {
        int r = PyObject_RichCompareBool(names[j], name, Py_EQ);
        if (r > 0)
            PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R", type->tp_name, name);
        if (r != 0)
            return NULL;
    }
    names[n] = name;
    PyObject *attr = NULL;
    (void)lookup_attr(subject, name, &attr);
    return attr;
}

#if PY_VERSION_HEX >= 0x030C0000
#define PYX_MSG_NOT_A_CLASS "called match pattern must be a class"
#else
#define PYX_MSG_NOT_A_CLASS "called match pattern must be a type"
#endif

int pyx_rt_match_class(PyObject *subject, PyObject *cls, Py_ssize_t nargs, PyObject *kwnames, PyObject **attrs)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, PYX_MSG_NOT_A_CLASS);
        return -1;
    }
    PyTypeObject *type = (PyTypeObject *)cls;
    int r = PyObject_IsInstance(subject, cls);
    if (r <= 0)
        return r;
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0, got = 0, nnames = 0;
    PyObject *match_args = NULL, *few[8];
    PyObject **names = nargs + nkw <= 8 ? few : PyMem_Malloc(sizeof(PyObject *) * (size_t)(nargs + nkw));
    if (names == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (nargs) {
        int match_self = 0;
        PyObject *key = cached_name(&name_match_args, "__match_args__");
        if (key == NULL || lookup_attr(cls, key, &match_args) < 0)
            goto fail;
        if (match_args != NULL && !PyTuple_CheckExact(match_args)) {
            PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)", type->tp_name,
                         Py_TYPE(match_args)->tp_name);
            goto fail;
        }
        if (match_args == NULL)   /* int(x), str(s)...: the builtins that match themselves, unless
                                     a subclass defines __match_args__ */
            match_self = PyType_HasFeature(type, _Py_TPFLAGS_MATCH_SELF);
        Py_ssize_t allowed = match_self ? 1 : match_args ? PyTuple_GET_SIZE(match_args) : 0;
        if (allowed < nargs) {
            PyErr_Format(PyExc_TypeError, "%s() accepts %zd positional sub-pattern%s (%zd given)", type->tp_name,
                         allowed, allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            Py_INCREF(subject);
            attrs[got++] = subject;
        } else {
            for (Py_ssize_t i = 0; i < nargs; i++) {
                PyObject *name = PyTuple_GET_ITEM(match_args, i);
                if (!PyUnicode_CheckExact(name)) {
                    PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                                 Py_TYPE(name)->tp_name);
                    goto fail;
                }
                if ((attrs[got] = class_attr(subject, type, name, names, nnames++)) == NULL)
                    goto fail;
                got++;
            }
        }
    }
    for (Py_ssize_t i = 0; i < nkw; i++) {
        if ((attrs[got] = class_attr(subject, type, PyTuple_GET_ITEM(kwnames, i), names, nnames++)) == NULL)
            goto fail;
        got++;
    }
    Py_XDECREF(match_args);   /* (it held the names) */
    if (names != few)
        PyMem_Free(names);
    return 1;
fail:   /* an error, or an attribute missing (no error: no match) */
    while (got > 0) {
        got--;
        Py_CLEAR(attrs[got]);
    }
    Py_XDECREF(match_args);
    if (names != few)
        PyMem_Free(names);
    return PyErr_Occurred() ? -1 : 0;
}

#endif /* 3.10+ */
