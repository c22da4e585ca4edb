/* rt_excgroup.c: try/except* (PEP 654), as CPython 3.11 runs it.

   Takes: the exception caught by a try with except* clauses, the types of
   each clause, and what the clauses raised.  Gives: each clause's subgroup
   (split off what is still unhandled, a naked exception wrapped in a
   group), and at the end what goes on: nothing, the unhandled rest, or a
   new group of what the clauses raised beside what they re-raised.

   The generated C keeps three references while the clauses run: orig (the
   exception caught), rest (the part no clause has taken yet; NULL for
   None) and excs (a list of what the clauses raised; NULL while empty).
   Python 3.11 and newer only: the compiler refuses except* for older
   targets, so for them this file is empty. */
#include "pyx_rt.h"

#if PY_VERSION_HEX >= 0x030B0000

static int is_group(PyObject *exc)
{
    return PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_BaseExceptionGroup);
}

/* The checks of CHECK_EG_MATCH: exception classes, and no group class. */
static int check_star_type(PyObject *type)
{
    Py_ssize_t n = PyTuple_Check(type) ? PyTuple_GET_SIZE(type) : 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_Check(type) ? PyTuple_GET_ITEM(type, i) : type;
        if (!PyExceptionClass_Check(t)) {
            PyErr_SetString(PyExc_TypeError,
                            "catching classes that do not inherit from BaseException is not allowed");
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *t = PyTuple_Check(type) ? PyTuple_GET_ITEM(type, i) : type;
        int sub = PyObject_IsSubclass(t, PyExc_BaseExceptionGroup);
        if (sub < 0)
            return -1;
        if (sub) {
            PyErr_SetString(PyExc_TypeError,
                            "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

/* BaseExceptionGroup("", excs): an ExceptionGroup when every member is an
   Exception, as the constructor decides.  New reference or NULL. */
static PyObject *new_group(PyObject *excs)
{
    return PyObject_CallFunction(PyExc_BaseExceptionGroup, "(sO)", "", excs);
}

int pyx_rt_exc_star_match(PyObject **rest, PyObject *type, PyObject **match)
{
    if (check_star_type(type) < 0)
        return -1;
    PyObject *exc = *rest, *m;
    if (exc == NULL)
        return 0;   /* everything is handled already */
    if (PyErr_GivenExceptionMatches(exc, type)) {
        if (is_group(exc)) {
            Py_INCREF(exc);
            m = exc;
        } else {   /* a naked exception: wrapped */
            PyObject *one = PyTuple_Pack(1, exc);
            if (one == NULL)
                return -1;
            m = new_group(one);
            Py_DECREF(one);
            if (m == NULL)
                return -1;
        }
        Py_CLEAR(*rest);
    } else if (is_group(exc)) {
        PyObject *pair = PyObject_CallMethod(exc, "split", "(O)", type);
        if (pair == NULL)
            return -1;
        if (!PyTuple_Check(pair) || PyTuple_GET_SIZE(pair) != 2) {
            Py_DECREF(pair);
            PyErr_SetString(PyExc_TypeError, "split() must return a tuple of two items");
            return -1;
        }
        m = PyTuple_GET_ITEM(pair, 0);
        if (m == Py_None) {   /* no match: rest stays as it was */
            Py_DECREF(pair);
            return 0;
        }
        PyObject *r = PyTuple_GET_ITEM(pair, 1);
        if (!PyExceptionInstance_Check(m) || (r != Py_None && !PyExceptionInstance_Check(r))) {
            Py_DECREF(pair);   /* a split() of a subclass that returned something else */
            PyErr_SetString(PyExc_TypeError, "split() must return a pair of exceptions or None");
            return -1;
        }
        Py_INCREF(m);
        Py_DECREF(*rest);
        *rest = NULL;
        if (r != Py_None) {
            Py_INCREF(r);
            *rest = r;
        }
        Py_DECREF(pair);
    } else {
        return 0;
    }
    PyErr_SetHandledException(m);   /* sys.exc_info() in the clause */
    *match = m;
    return 1;
}

int pyx_rt_exc_star_raised(PyObject **excs)
{
    PyObject *e = pyx_rt_exc_catch();
    if (e == NULL) {
        PyErr_SetString(PyExc_SystemError, "except* clause raised no exception");
        return -1;
    }
    if (*excs == NULL && (*excs = PyList_New(0)) == NULL) {
        Py_DECREF(e);
        return -1;
    }
    int r = PyList_Append(*excs, e);
    Py_DECREF(e);
    return r;
}

/* Raised again unchanged (bare 'raise' of the clause's subgroup, or the
   unhandled rest): split() copies the group's traceback, cause, context
   and notes, so those are the same objects. */
static int same_metadata(PyObject *a, PyObject *b)
{
    PyBaseExceptionObject *x = (PyBaseExceptionObject *)a, *y = (PyBaseExceptionObject *)b;
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause
        && x->context == y->context;
}

/* The id of every leaf of exc into ids. */
static int leaf_ids(PyObject *exc, PyObject *ids)
{
    if (!is_group(exc)) {
        PyObject *id = PyLong_FromVoidPtr(exc);
        if (id == NULL)
            return -1;
        int r = PySet_Add(ids, id);
        Py_DECREF(id);
        return r;
    }
    PyObject *members = ((PyBaseExceptionGroupObject *)exc)->excs;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(members); i++) {
        if (Py_EnterRecursiveCall(" in an except* block"))
            return -1;
        int r = leaf_ids(PyTuple_GET_ITEM(members, i), ids);
        Py_LeaveRecursiveCall();
        if (r < 0)
            return -1;
    }
    return 0;
}

/* eg.derive(members) with eg's traceback, context, cause and a copy of its
   notes, as split() makes its parts. */
static PyObject *subgroup(PyObject *eg, PyObject *members)
{
    PyObject *g = PyObject_CallMethod(eg, "derive", "(O)", members);
    if (g == NULL)
        return NULL;
    if (!is_group(g)) {
        Py_DECREF(g);
        PyErr_SetString(PyExc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    PyObject *tb = PyException_GetTraceback(eg);
    if (tb != NULL) {
        int r = PyException_SetTraceback(g, tb);
        Py_DECREF(tb);
        if (r < 0)
            goto fail;
    }
    PyException_SetContext(g, PyException_GetContext(eg));
    PyException_SetCause(g, PyException_GetCause(eg));
    PyObject *notes = PyObject_GetAttrString(eg, "__notes__");
    if (notes == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_AttributeError))
            goto fail;
        PyErr_Clear();
    } else {
        if (PySequence_Check(notes)) {
            PyObject *copy = PySequence_List(notes);
            Py_DECREF(notes);
            if (copy == NULL)
                goto fail;
            int r = PyObject_SetAttrString(g, "__notes__", copy);
            Py_DECREF(copy);
            if (r < 0)
                goto fail;
        } else {
            Py_DECREF(notes);   /* not a list: ignored, as split() does */
        }
    }
    return g;
fail:
    Py_DECREF(g);
    return NULL;
}

/* The part of eg whose leaves are in ids, its nesting kept, every group
   rebuilt; *out NULL when none is. */
static int projection(PyObject *eg, PyObject *ids, PyObject **out)
{
    *out = NULL;
    if (!is_group(eg)) {
        PyObject *id = PyLong_FromVoidPtr(eg);
        if (id == NULL)
            return -1;
        int in = PySet_Contains(ids, id);
        Py_DECREF(id);
        if (in < 0)
            return -1;
        if (in) {
            Py_INCREF(eg);
            *out = eg;
        }
        return 0;
    }
    PyObject *members = ((PyBaseExceptionGroupObject *)eg)->excs;
    PyObject *kept = PyList_New(0);
    if (kept == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(members); i++) {
        PyObject *part;
        if (Py_EnterRecursiveCall(" in an except* block"))
            goto fail;
        int r = projection(PyTuple_GET_ITEM(members, i), ids, &part);
        Py_LeaveRecursiveCall();
        if (r < 0)
            goto fail;
        if (part != NULL) {
            r = PyList_Append(kept, part);
            Py_DECREF(part);
            if (r < 0)
                goto fail;
        }
    }
    if (PyList_GET_SIZE(kept) > 0 && (*out = subgroup(eg, kept)) == NULL)
        goto fail;
    Py_DECREF(kept);
    return 0;
fail:
    Py_DECREF(kept);
    return -1;
}

int pyx_rt_exc_star_finish(PyObject *orig, PyObject *excs, PyObject *rest, PyObject **result)
{
    *result = NULL;
    Py_ssize_t n = excs ? PyList_GET_SIZE(excs) : 0;
    if (!is_group(orig)) {
        /* a naked exception: at most one clause ran */
        PyObject *e = n ? PyList_GET_ITEM(excs, 0) : rest;
        Py_XINCREF(e);
        *result = e;
        return 0;
    }
    if (n == 0 && rest == NULL)
        return 0;
    PyObject *raised = PyList_New(0), *ids = PySet_New(NULL), *reraised = NULL;
    int status = -1;
    if (raised == NULL || ids == NULL)
        goto done;
    for (Py_ssize_t i = 0; i <= n; i++) {
        PyObject *e = i < n ? PyList_GET_ITEM(excs, i) : rest;
        if (e == NULL)
            continue;
        if (same_metadata(e, orig) ? leaf_ids(e, ids) < 0 : PyList_Append(raised, e) < 0)
            goto done;
    }
    if (projection(orig, ids, &reraised) < 0)
        goto done;
    if (PyList_GET_SIZE(raised) == 0) {
        *result = reraised;
        reraised = NULL;
    } else {
        if (reraised != NULL && PyList_Append(raised, reraised) < 0)
            goto done;
#if PY_VERSION_HEX < 0x030B0400
        if (1) {   /* before 3.11.4 (gh-103590), one raised exception is wrapped too */
#else
        if (PyList_GET_SIZE(raised) > 1) {
#endif
            if ((*result = new_group(raised)) == NULL)
                goto done;
        } else {
            *result = PyList_GET_ITEM(raised, 0);
            Py_INCREF(*result);
        }
    }
    status = 0;
done:
    Py_XDECREF(raised);
    Py_XDECREF(ids);
    Py_XDECREF(reraised);
    return status;
}

#endif
