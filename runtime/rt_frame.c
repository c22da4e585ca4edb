/* rt_frame.c: what compiled code shows of its frame.

   Takes: a function's variables, one by one, as its generated C holds
   them (NULL when unbound).  Gives: the dict locals() returns, updated as
   CPython 3.11 updates a frame's f_locals (PyFrame_FastToLocals): bound
   variables set, unbound ones removed; other keys (written by exec(), or
   by the caller) stay. */
#include "pyx_rt.h"

int pyx_rt_locals_set(PyObject *d, PyObject *name, PyObject *value)
{
    if (value != NULL)
        return PyDict_SetItem(d, name, value);
    if (PyDict_DelItem(d, name) == 0)
        return 0;
    if (!PyErr_ExceptionMatches(PyExc_KeyError))
        return -1;
    PyErr_Clear();
    return 0;
}

PyObject *pyx_rt_sorted_keys(PyObject *d)
{
    PyObject *keys = PyDict_Keys(d);
    if (keys != NULL && PyList_Sort(keys) < 0)
        Py_CLEAR(keys);
    return keys;
}

/* SETUP_ANNOTATIONS: the module body annotates variables. */
int pyx_rt_setup_annotations(PyObject *d)
{
    PyObject *ann = PyDict_GetItemString(d, "__annotations__");   /* borrowed */
    if (ann != NULL)
        return 0;
    if ((ann = PyDict_New()) == NULL)
        return -1;
    int r = PyDict_SetItemString(d, "__annotations__", ann);
    Py_DECREF(ann);
    return r;
}

/* '__annotations__' as the module body finds it: its dict, then the
   builtins (LOAD_NAME). */
PyObject *pyx_rt_module_annotations(PyObject *d)
{
    PyObject *ann = PyDict_GetItemString(d, "__annotations__");
    if (ann == NULL)
        ann = PyDict_GetItemString(PyEval_GetBuiltins(), "__annotations__");
    if (ann == NULL) {
        PyErr_SetString(PyExc_NameError, "name '__annotations__' is not defined");
        return NULL;
    }
    Py_INCREF(ann);
    return ann;
}

/* __builtins__ in the module's dict, as exec() of a module's code puts it
   there: the builtins' dict (0, or -1). */
int pyx_rt_module_builtins(PyObject *d)
{
    if (PyDict_GetItemString(d, "__builtins__") != NULL)
        return 0;
    PyObject *b = PyEval_GetBuiltins();   /* borrowed */
    if (b == NULL) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_SystemError, "no builtins");
        return -1;
    }
    return PyDict_SetItemString(d, "__builtins__", b);
}
