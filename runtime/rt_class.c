/* rt_class.c - plain Python class statements, as builtins.__build_class__
 * runs them, for a class body compiled inline: the bases resolved
 * (__mro_entries__), the metaclass calculated, the namespace made by
 * __prepare__, then (after the body filled it) the metaclass called and the
 * __class__ cell checked.  Also the class body's name operations on a
 * namespace that may be any mapping, and zero-argument super().
 */
#include "pyx_rt.h"

/* getattr(o, name) that tells a missing attribute (0, *out NULL) from an
   error (-1). */
static int optional_attr(PyObject *o, const char *name, PyObject **out)
{
    *out = PyObject_GetAttrString(o, name);
    if (*out != NULL)
        return 1;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
    PyErr_Clear();
    return 0;
}

/* PEP 560: each base that is not a type and has __mro_entries__ is replaced
   by what it returns (called with the original bases). */
static PyObject *resolve_bases(PyObject *bases)
{
    PyObject *list = NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(bases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *base = PyTuple_GET_ITEM(bases, i), *meth = NULL;
        int found = PyType_Check(base) ? 0 : optional_attr(base, "__mro_entries__", &meth);
        if (found < 0)
            goto error;
        if (!found) {
            if (list != NULL && PyList_Append(list, base) < 0)
                goto error;
            continue;
        }
        PyObject *entries = PyObject_CallFunctionObjArgs(meth, bases, NULL);
        Py_DECREF(meth);
        if (entries == NULL)
            goto error;
        if (!PyTuple_Check(entries)) {
            PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
            Py_DECREF(entries);
            goto error;
        }
        if (list == NULL) {
            PyObject *head = PyTuple_GetSlice(bases, 0, i);
            list = head ? PySequence_List(head) : NULL;
            Py_XDECREF(head);
            if (list == NULL) {
                Py_DECREF(entries);
                goto error;
            }
        }
        Py_ssize_t end = PyList_GET_SIZE(list);
        int r = PyList_SetSlice(list, end, end, entries);
        Py_DECREF(entries);
        if (r < 0)
            goto error;
    }
    if (list == NULL) {
        Py_INCREF(bases);
        return bases;
    }
    PyObject *t = PyList_AsTuple(list);
    Py_DECREF(list);
    return t;
error:
    Py_XDECREF(list);
    return NULL;
}

/* The most derived of meta and the bases' metaclasses (borrowed), or NULL
   with TypeError when they conflict. */
static PyObject *calculate_metaclass(PyObject *meta, PyObject *bases)
{
    PyTypeObject *winner = (PyTypeObject *)meta;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyTypeObject *t = Py_TYPE(PyTuple_GET_ITEM(bases, i));
        if (PyType_IsSubtype(winner, t))
            continue;
        if (PyType_IsSubtype(t, winner)) {
            winner = t;
            continue;
        }
        PyErr_SetString(PyExc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return (PyObject *)winner;
}

int pyx_rt_class_prepare(PyObject *name, PyObject *bases, PyObject *kw, PyObject **resolved, PyObject **meta,
                         PyObject **ns)
{
    PyObject *rb = resolve_bases(bases), *m = NULL, *prep = NULL, *n = NULL;
    if (rb == NULL)
        return -1;
    if (kw != NULL) {
        m = PyDict_GetItemString(kw, "metaclass");   /* borrowed; cannot raise for a str key */
        if (m != NULL) {
            Py_INCREF(m);
            if (PyDict_DelItemString(kw, "metaclass") < 0)
                goto error;
        }
    }
    int isclass = 1;
    if (m == NULL) {
        m = PyTuple_GET_SIZE(rb) ? (PyObject *)Py_TYPE(PyTuple_GET_ITEM(rb, 0)) : (PyObject *)&PyType_Type;
        Py_INCREF(m);
    } else {
        isclass = PyType_Check(m);
    }
    if (isclass) {
        PyObject *winner = calculate_metaclass(m, rb);
        if (winner == NULL)
            goto error;
        Py_INCREF(winner);
        Py_SETREF(m, winner);
    }
    int found = optional_attr(m, "__prepare__", &prep);
    if (found < 0)
        goto error;
    if (!found) {
        n = PyDict_New();
    } else {
        PyObject *args = PyTuple_Pack(2, name, rb);
        n = args ? PyObject_Call(prep, args, kw) : NULL;
        Py_XDECREF(args);
        Py_DECREF(prep);
    }
    if (n == NULL)
        goto error;
    if (!PyMapping_Check(n)) {
        PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                     isclass ? ((PyTypeObject *)m)->tp_name : "<metaclass>", Py_TYPE(n)->tp_name);
        goto error;
    }
    *resolved = rb;
    *meta = m;
    *ns = n;
    return 0;
error:
    Py_DECREF(rb);
    Py_XDECREF(m);
    Py_XDECREF(n);
    return -1;
}

/* What type.__new__ does only to Python functions (PyFunction_Check): a
   compiled __init_subclass__ or __class_getitem__ becomes a classmethod,
   a compiled __new__ a staticmethod, as in CPython's class dict. */
static int implicit_methods(PyObject *cls)
{
    static const char *const names[] = {"__init_subclass__", "__class_getitem__", "__new__"};
    PyObject *dict = ((PyTypeObject *)cls)->tp_dict;
    for (int i = 0; i < 3; i++) {
        PyObject *f = PyDict_GetItemString(dict, names[i]);   /* borrowed */
        if (f == NULL || !pyx_rt_is_function(f))
            continue;
        PyObject *w = PyObject_CallFunctionObjArgs(i < 2 ? (PyObject *)&PyClassMethod_Type
                                                         : (PyObject *)&PyStaticMethod_Type, f, NULL);
        int r = w ? PyObject_SetAttrString(cls, names[i], w) : -1;
        Py_XDECREF(w);
        if (r < 0)
            return -1;
    }
    return 0;
}

PyObject *pyx_rt_class_create(PyObject *meta, PyObject *name, PyObject *orig_bases, PyObject *bases, PyObject *ns,
                              PyObject *kw, PyObject *cell)
{
    if (bases != orig_bases && PyMapping_SetItemString(ns, "__orig_bases__", orig_bases) < 0)
        return NULL;
    PyObject *args = PyTuple_Pack(3, name, bases, ns);
    if (args == NULL)
        return NULL;
    PyObject *cls = PyObject_Call(meta, args, kw != NULL && PyDict_GET_SIZE(kw) ? kw : NULL);
    Py_DECREF(args);
    if (cls != NULL && PyType_Check(cls) && implicit_methods(cls) < 0)
        Py_CLEAR(cls);
    if (cls != NULL && cell != NULL && PyType_Check(cls)) {
        PyObject *cell_cls = PyCell_GET(cell);
        if (cell_cls != cls) {
            if (cell_cls == NULL)
                PyErr_Format(PyExc_RuntimeError, "__class__ not set defining %.200R as %.200R. "
                             "Was __classcell__ propagated to type.__new__?", name, cls);
            else
                PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R", cell_cls, name, cls);
            Py_CLEAR(cls);
        }
    }
    return cls;
}

/* ---- the names of a class body ---- */

PyObject *pyx_rt_ns_lookup(PyObject *ns, PyObject *name)
{
    if (PyDict_CheckExact(ns)) {
        PyObject *v = PyDict_GetItemWithError(ns, name);
        Py_XINCREF(v);
        return v;
    }
    PyObject *v = PyObject_GetItem(ns, name);
    if (v == NULL && PyErr_ExceptionMatches(PyExc_KeyError))
        PyErr_Clear();
    return v;
}

PyObject *pyx_rt_ns_load(PyObject *ns, PyObject *globals, PyObject *name)
{
    PyObject *v = pyx_rt_ns_lookup(ns, name);
    if (v != NULL || PyErr_Occurred())
        return v;
    return pyx_rt_get_global(globals, name);
}

int pyx_rt_ns_store(PyObject *ns, PyObject *name, PyObject *v)
{
    return PyDict_CheckExact(ns) ? PyDict_SetItem(ns, name, v) : PyObject_SetItem(ns, name, v);
}

int pyx_rt_ns_delete(PyObject *ns, PyObject *name)
{
    if (PyObject_DelItem(ns, name) == 0)
        return 0;
    PyErr_Clear();
    PyErr_Format(PyExc_NameError, "name '%U' is not defined", name);
    return -1;
}

int pyx_rt_ns_setup_annotations(PyObject *ns)
{
    PyObject *key = PyUnicode_InternFromString("__annotations__");
    if (key == NULL)
        return -1;
    PyObject *d = pyx_rt_ns_lookup(ns, key);
    int r = 0;
    if (d == NULL && !PyErr_Occurred()) {
        d = PyDict_New();
        r = d ? pyx_rt_ns_store(ns, key, d) : -1;
    } else if (d == NULL) {
        r = -1;
    }
    Py_XDECREF(d);
    Py_DECREF(key);
    return r;
}

int pyx_rt_ns_annotate(PyObject *ns, PyObject *globals, PyObject *name, PyObject *value)
{
    PyObject *key = PyUnicode_InternFromString("__annotations__");
    PyObject *d = key ? pyx_rt_ns_load(ns, globals, key) : NULL;
    Py_XDECREF(key);
    if (d == NULL)
        return -1;
    int r = PyDict_CheckExact(d) ? PyDict_SetItem(d, name, value) : PyObject_SetItem(d, name, value);
    Py_DECREF(d);
    return r;
}

/* ---- super() ---- */

PyObject *pyx_rt_super(PyObject *callee, PyObject *cell, PyObject *self, int has_arg)
{
    if (callee != (PyObject *)&PySuper_Type)
        return PyObject_CallNoArgs(callee);
    if (!has_arg) {
        PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
        return NULL;
    }
    if (self == NULL && has_arg == 1) {
        PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
        return NULL;
    }
    if (cell == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
        return NULL;
    }
    PyObject *cls = PyCell_GET(cell);
    if (cls == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
        return NULL;
    }
    if (!PyType_Check(cls)) {
        PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)", Py_TYPE(cls)->tp_name);
        return NULL;
    }
    if (has_arg == 2) {   /* a comprehension's first argument: its iterator */
        PyErr_SetString(PyExc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        return NULL;
    }
    return PyObject_CallFunctionObjArgs((PyObject *)&PySuper_Type, cls, self, NULL);
}
