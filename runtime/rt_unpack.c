/* rt_unpack.c - the unpacking operators: '*' and '**' in calls and
   displays, and starred assignment targets, with the errors the running
   CPython gives.  Contracts are in pyx_rt.h. */
#include "pyx_rt.h"

/* How CPython names a callable in these messages: '__main__.f()' (3.9+:
   its module, unless builtins, and qualified name), 'f()' before. */
static PyObject *function_str(PyObject *func)
{
#if PY_VERSION_HEX >= 0x03090000
    PyObject *qualname = PyObject_GetAttrString(func, "__qualname__");
    if (qualname == NULL) {
        PyErr_Clear();
        return PyObject_Str(func);
    }
    PyObject *module = PyObject_GetAttrString(func, "__module__");
    if (module == NULL)
        PyErr_Clear();
    PyObject *r;
    if (module && module != Py_None && !(PyUnicode_Check(module) && PyUnicode_CompareWithASCIIString(module, "builtins") == 0))
        r = PyUnicode_FromFormat("%S.%S()", module, qualname);
    else
        r = PyUnicode_FromFormat("%S()", qualname);
    Py_XDECREF(module);
    Py_DECREF(qualname);
    return r;
#else
    return PyUnicode_FromFormat("%s%s", PyEval_GetFuncName(func), PyEval_GetFuncDesc(func));
#endif
}

static int not_iterable(PyObject *o)
{
    return PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(o)->tp_iter == NULL && !PySequence_Check(o);
}

static void replace_error(PyObject *func, const char *what, PyObject *o)
{
    PyErr_Clear();
    PyObject *name = function_str(func);
    if (name == NULL)
        return;
    PyErr_Format(PyExc_TypeError, "%U argument after %s, not %.200s", name, what, Py_TYPE(o)->tp_name);
    Py_DECREF(name);
}

PyObject *pyx_rt_star_args(PyObject *func, PyObject *iterable)
{
    if (PyTuple_CheckExact(iterable)) {
        Py_INCREF(iterable);
        return iterable;
    }
    PyObject *t = PySequence_Tuple(iterable);
    if (t == NULL && not_iterable(iterable))
        replace_error(func, "* must be an iterable", iterable);
    return t;
}

int pyx_rt_star_extend(PyObject *list, PyObject *func, PyObject *iterable)
{
    PyObject *items = PyList_CheckExact(iterable) || PyTuple_CheckExact(iterable)
                          ? (Py_INCREF(iterable), iterable) : PySequence_List(iterable);
    if (items == NULL) {
        if (not_iterable(iterable)) {
#if PY_VERSION_HEX >= 0x03090000
            (void)func;
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s", Py_TYPE(iterable)->tp_name);
#else
            if (func)
                replace_error(func, "* must be an iterable", iterable);
#endif
        }
        return -1;
    }
    Py_ssize_t n = PyList_GET_SIZE(list);
    int r = PyList_SetSlice(list, n, n, items);
    Py_DECREF(items);
    return r;
}

int pyx_rt_kwargs_add(PyObject *kwargs, PyObject *func, PyObject *name, PyObject *value)
{
    int has = PyDict_Contains(kwargs, name);
    if (has < 0)
        return -1;
    if (has) {
        PyObject *f = function_str(func);
        if (f == NULL)
            return -1;
        PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'", f, name);
        Py_DECREF(f);
        return -1;
    }
    return PyDict_SetItem(kwargs, name, value);
}

int pyx_rt_kwargs_merge(PyObject *kwargs, PyObject *func, PyObject *mapping)
{
    if (PyDict_Check(mapping)) {
        Py_ssize_t pos = 0;
        PyObject *k, *v;
        while (PyDict_Next(mapping, &pos, &k, &v)) {
            Py_INCREF(k);
            Py_INCREF(v);
            int r = pyx_rt_kwargs_add(kwargs, func, k, v);
            Py_DECREF(k);
            Py_DECREF(v);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    PyObject *keys = PyMapping_Keys(mapping);
    if (keys == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError))
            replace_error(func, "** must be a mapping", mapping);
        return -1;
    }
    PyObject *it = PyObject_GetIter(keys);
    Py_DECREF(keys);
    if (it == NULL)
        return -1;
    PyObject *k;
    while ((k = PyIter_Next(it)) != NULL) {
        PyObject *v = PyObject_GetItem(mapping, k);
        int r = v ? pyx_rt_kwargs_add(kwargs, func, k, v) : -1;
        Py_XDECREF(v);
        Py_DECREF(k);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

int pyx_rt_dict_update(PyObject *dict, PyObject *mapping)
{
    if (PyDict_Update(dict, mapping) == 0)
        return 0;
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(mapping)->tp_name);
    }
    return -1;
}

int pyx_rt_set_update(PyObject *set, PyObject *iterable)
{
    PyObject *it = PyObject_GetIter(iterable);
    if (it == NULL)
        return -1;
    PyObject *x;
    while ((x = PyIter_Next(it)) != NULL) {
        int r = PySet_Add(set, x);
        Py_DECREF(x);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

int pyx_rt_unpack_ex(PyObject *seq, Py_ssize_t before, Py_ssize_t after, PyObject **out)
{
    PyObject *it = PyObject_GetIter(seq);
    if (it == NULL) {
        if (not_iterable(seq)) {
            PyErr_Clear();
            PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object", Py_TYPE(seq)->tp_name);
        }
        return -1;
    }
    Py_ssize_t i;
    for (i = 0; i < before; i++) {
        out[i] = PyIter_Next(it);
        if (out[i] == NULL) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)",
                             before + after, i);
            goto fail;
        }
    }
    PyObject *rest = PySequence_List(it);
    if (rest == NULL)
        goto fail;
    Py_ssize_t n = PyList_GET_SIZE(rest);
    if (n < after) {
        PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)",
                     before + after, before + n);
        Py_DECREF(rest);
        goto fail;
    }
    for (Py_ssize_t j = 0; j < after; j++) {
        out[before + 1 + j] = PyList_GET_ITEM(rest, n - after + j);
        Py_INCREF(out[before + 1 + j]);
    }
    if (PyList_SetSlice(rest, n - after, n, NULL) < 0) {
        for (Py_ssize_t j = 0; j < after; j++)
            Py_DECREF(out[before + 1 + j]);
        Py_DECREF(rest);
        goto fail;
    }
    out[before] = rest;
    Py_DECREF(it);
    return 0;
fail:
    while (i > 0)
        Py_DECREF(out[--i]);
    Py_DECREF(it);
    return -1;
}
