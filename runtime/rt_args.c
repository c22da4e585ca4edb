/* rt_args.c: binding a vectorcall to a compiled def's parameters.

   Takes: a PyxRtArgSpec and the (args, nargs, kwnames) of a
   METH_FASTCALL|METH_KEYWORDS call.  Gives: one borrowed pointer per
   parameter plus new *args / **kwargs objects, or CPython's TypeError.

   The one idea: mirror CPython's initialize_locals() (ceval.c) step by step,
   because when a call is wrong in several ways the *first* check decides the
   message: positionals are copied, then keywords are matched (non-str,
   unknown, positional-only, duplicate), then too many positionals, then
   missing positionals, then missing keyword-only arguments. */
#include "pyx_rt.h"

#include <string.h>

/* The name CPython puts in front of "()": the qualname from 3.10 on, the
   plain name (after the last '.') before. */
static const char *shown_name(const PyxRtArgSpec *spec)
{
#if PY_VERSION_HEX >= 0x030A0000
    return spec->qualname;
#else
    const char *dot = strrchr(spec->qualname, '.');
    return dot ? dot + 1 : spec->qualname;
#endif
}

static int kwonly_required(const PyxRtArgSpec *spec, Py_ssize_t k)
{
    return spec->kwonly_required == NULL || spec->kwonly_required[k];
}

/* 1 if str 'key' names parameter i, 0 if not, -1 on error. */
static int name_matches(const PyxRtArgSpec *spec, Py_ssize_t i, PyObject *key)
{
    Py_ssize_t len;
    const char *s;
    if (spec->name_refs != NULL && *spec->name_refs[i] == key)
        return 1;
    s = PyUnicode_AsUTF8AndSize(key, &len);
    if (s == NULL) {
        /* Lone surrogates cannot be UTF-8 and cannot equal an identifier. */
        if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
            return -1;
        PyErr_Clear();
        return 0;
    }
    return (size_t)len == strlen(spec->names[i]) &&
           memcmp(s, spec->names[i], (size_t)len) == 0;
}

/* Index of the parameter in [first, end) named 'key', -1 if none, -2 on
   error.  Pointer comparison on every candidate first, as CPython does. */
static Py_ssize_t find_param(const PyxRtArgSpec *spec, Py_ssize_t first,
                             Py_ssize_t end, PyObject *key)
{
    Py_ssize_t i;
    if (spec->name_refs != NULL)
        for (i = first; i < end; i++)
            if (*spec->name_refs[i] == key)
                return i;
    for (i = first; i < end; i++) {
        int r = name_matches(spec, i, key);
        if (r != 0)
            return r > 0 ? i : -2;
    }
    return -1;
}

/* "f() got some positional-only arguments passed as keyword arguments:
   'a, b'" if any keyword names a positional-only parameter; returns 1 if
   it raised (or failed), 0 if there was no such keyword. */
static int posonly_as_keyword(const PyxRtArgSpec *spec, PyObject *kwnames)
{
    Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames), i, k;
    PyObject *names = PyList_New(0), *sep, *joined;
    if (names == NULL)
        return 1;
    for (i = 0; i < spec->nposonly; i++) {
        for (k = 0; k < nkw; k++) {
            PyObject *key = PyTuple_GET_ITEM(kwnames, k);
            int r = PyUnicode_Check(key) ? name_matches(spec, i, key) : 0;
            if (r < 0 || (r > 0 && PyList_Append(names, key) < 0)) {
                Py_DECREF(names);
                return 1;
            }
        }
    }
    if (PyList_GET_SIZE(names) == 0) {
        Py_DECREF(names);
        return 0;
    }
    sep = PyUnicode_FromString(", ");
    joined = sep ? PyUnicode_Join(sep, names) : NULL;
    if (joined != NULL)
        PyErr_Format(PyExc_TypeError,
                     "%s() got some positional-only arguments passed as keyword "
                     "arguments: '%U'", shown_name(spec), joined);
    Py_XDECREF(sep);
    Py_XDECREF(joined);
    Py_DECREF(names);
    return 1;
}

static void too_many_positional(const PyxRtArgSpec *spec, Py_ssize_t given,
                                PyObject **out)
{
    Py_ssize_t kwonly_given = 0, i;
    char sig[64], kwsig[96];
    int plural;
    for (i = 0; i < spec->nkwonly; i++)
        kwonly_given += out[spec->npos + i] != NULL;
    if (spec->npos > spec->nrequired) {
        plural = 1;
        PyOS_snprintf(sig, sizeof sig, "from %zd to %zd", spec->nrequired, spec->npos);
    } else {
        plural = spec->npos != 1;
        PyOS_snprintf(sig, sizeof sig, "%zd", spec->npos);
    }
    kwsig[0] = '\0';
    if (kwonly_given)
        PyOS_snprintf(kwsig, sizeof kwsig,
                      " positional argument%s (and %zd keyword-only argument%s)",
                      given != 1 ? "s" : "", kwonly_given,
                      kwonly_given != 1 ? "s" : "");
    PyErr_Format(PyExc_TypeError,
                 "%s() takes %s positional argument%s but %zd%s %s given",
                 shown_name(spec), sig, plural ? "s" : "", given, kwsig,
                 given == 1 && !kwonly_given ? "was" : "were");
}

/* "f() missing 3 required positional arguments: 'x', 'y', and 'z'".
   Lists the parameters in [first, end) whose out[] is NULL and that are
   required ('kwonly' selects the keyword-only flags and wording). */
static void missing_arguments(const PyxRtArgSpec *spec, Py_ssize_t first,
                              Py_ssize_t end, int kwonly, PyObject **out)
{
    PyObject *names = PyList_New(0), *list = NULL;
    Py_ssize_t i, n;
    if (names == NULL)
        return;
    for (i = first; i < end; i++) {
        PyObject *s;
        if (out[i] != NULL || (kwonly && !kwonly_required(spec, i - spec->npos)))
            continue;
        s = PyUnicode_FromFormat("'%s'", spec->names[i]);
        if (s == NULL || PyList_Append(names, s) < 0) {
            Py_XDECREF(s);
            goto done;
        }
        Py_DECREF(s);
    }
    n = PyList_GET_SIZE(names);
    if (n == 1) {
        list = PyList_GET_ITEM(names, 0);
        Py_INCREF(list);
    } else if (n == 2) {
        list = PyUnicode_FromFormat("%U and %U", PyList_GET_ITEM(names, 0),
                                    PyList_GET_ITEM(names, 1));
    } else {
        PyObject *tail, *sep, *head;
        tail = PyUnicode_FromFormat(", %U, and %U", PyList_GET_ITEM(names, n - 2),
                                    PyList_GET_ITEM(names, n - 1));
        if (tail == NULL || PyList_SetSlice(names, n - 2, n, NULL) < 0) {
            Py_XDECREF(tail);
            goto done;
        }
        sep = PyUnicode_FromString(", ");
        head = sep ? PyUnicode_Join(sep, names) : NULL;
        list = head ? PyUnicode_Concat(head, tail) : NULL;
        Py_XDECREF(sep);
        Py_XDECREF(head);
        Py_DECREF(tail);
    }
    if (list != NULL)
        PyErr_Format(PyExc_TypeError, "%s() missing %zd required %s argument%s: %U",
                     shown_name(spec), n, kwonly ? "keyword-only" : "positional",
                     n == 1 ? "" : "s", list);
done:
    Py_XDECREF(list);
    Py_DECREF(names);
}

/* "f() got an unexpected keyword argument 'zz'", plus ". Did you mean 'z'?"
   from 3.13 on, where CPython asks the same _suggestions module that
   traceback uses, over the names that may be passed by keyword. */
static void unexpected_keyword(const PyxRtArgSpec *spec, PyObject *key)
{
    PyObject *hint = NULL;
#if PY_VERSION_HEX >= 0x030D0000
    Py_ssize_t first = spec->nposonly, total = spec->npos + spec->nkwonly, i;
    if (total > first) {
        PyObject *mod = PyImport_ImportModule("_suggestions");
        PyObject *cands = PyList_New(total - first);
        if (mod != NULL && cands != NULL) {
            for (i = first; i < total; i++) {
                PyObject *s = PyUnicode_FromString(spec->names[i]);
                if (s == NULL)
                    break;
                PyList_SET_ITEM(cands, i - first, s);
            }
            if (i == total)
                hint = PyObject_CallMethod(mod, "_generate_suggestions", "OO", cands, key);
        }
        Py_XDECREF(mod);
        Py_XDECREF(cands);
        if (hint == Py_None || (hint != NULL && !PyUnicode_Check(hint)))
            Py_CLEAR(hint);
        PyErr_Clear();   /* a failed hint only loses the hint */
    }
#endif
    if (hint != NULL)
        PyErr_Format(PyExc_TypeError,
                     "%s() got an unexpected keyword argument '%S'. Did you mean '%S'?",
                     shown_name(spec), key, hint);
    else
        PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%S'",
                     shown_name(spec), key);
    Py_XDECREF(hint);
}

int pyx_rt_parse_args(const PyxRtArgSpec *spec, PyObject *const *args,
                      Py_ssize_t nargs, PyObject *kwnames, PyObject **out,
                      PyObject **star_args, PyObject **star_kwargs)
{
    const Py_ssize_t total = spec->npos + spec->nkwonly;
    Py_ssize_t nkw, ncopy, i;
    PyObject *extra = NULL, *kwdict = NULL;

    nargs = PyVectorcall_NARGS((size_t)nargs);
    nkw = kwnames != NULL ? PyTuple_GET_SIZE(kwnames) : 0;
    ncopy = nargs < spec->npos ? nargs : spec->npos;
    for (i = 0; i < ncopy; i++)
        out[i] = args[i];
    for (; i < total; i++)
        out[i] = NULL;

    if (spec->varargs) {
        extra = PyTuple_New(nargs - ncopy);
        if (extra == NULL)
            goto fail;
        for (i = ncopy; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(extra, i - ncopy, args[i]);
        }
    }
    if (spec->varkw) {
        kwdict = PyDict_New();
        if (kwdict == NULL)
            goto fail;
    }

    for (i = 0; i < nkw; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        Py_ssize_t j;
        if (!PyUnicode_Check(key)) {
            PyErr_Format(PyExc_TypeError, "%s() keywords must be strings",
                         shown_name(spec));
            goto fail;
        }
        j = find_param(spec, spec->nposonly, total, key);
        if (j == -2)
            goto fail;
        if (j < 0) {
            if (kwdict == NULL) {
                if (spec->nposonly > 0 && posonly_as_keyword(spec, kwnames))
                    goto fail;
                unexpected_keyword(spec, key);
                goto fail;
            }
            if (PyDict_SetItem(kwdict, key, args[nargs + i]) < 0)
                goto fail;
            continue;
        }
        if (out[j] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%S'",
                         shown_name(spec), key);
            goto fail;
        }
        out[j] = args[nargs + i];
    }

    if (nargs > spec->npos && !spec->varargs) {
        too_many_positional(spec, nargs, out);
        goto fail;
    }
    if (nargs < spec->nrequired) {
        for (i = nargs; i < spec->nrequired; i++)
            if (out[i] == NULL) {
                missing_arguments(spec, 0, spec->nrequired, 0, out);
                goto fail;
            }
    }
    for (i = 0; i < spec->nkwonly; i++)
        if (out[spec->npos + i] == NULL && kwonly_required(spec, i)) {
            missing_arguments(spec, spec->npos, total, 1, out);
            goto fail;
        }

    if (spec->varargs)
        *star_args = extra;
    if (spec->varkw)
        *star_kwargs = kwdict;
    return 0;

fail:
    Py_XDECREF(extra);
    Py_XDECREF(kwdict);
    if (star_args != NULL)
        *star_args = NULL;
    if (star_kwargs != NULL)
        *star_kwargs = NULL;
    return -1;
}
