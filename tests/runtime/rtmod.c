/* rtmod.c: a hand-written extension module exposing libpyxrt to Python, so
   test_runtime.py can compare it with CPython and Cython behaviour.

   Conversions: as_<type>(o) -> the converted value back as a Python object.
   Arithmetic: floordiv_<type>(a, b), mod_<type>(a, b), truediv_double,
   ipow_longlong.  Argument parsing: one function per entry of 'sigs', each a
   PyCFunction whose 'self' is a capsule holding its PyxRtArgSpec; it
   returns the bound parameters (None where not passed), then *args and
   **kwargs if the signature has them.  Tracebacks: raise_tb(), unraisable(). */
#include "pyx_rt.h"

/* ---- conversions ---- */

#define CONV(name, ctype, topy)                                  \
    static PyObject *t_as_##name(PyObject *self, PyObject *o)    \
    {                                                            \
        ctype v;                                                 \
        (void)self;                                              \
        if (pyx_rt_as_##name(o, &v) < 0)                         \
            return NULL;                                         \
        return topy;                                             \
    }
CONV(char, char, PyLong_FromLong((long)v))
CONV(schar, signed char, PyLong_FromLong((long)v))
CONV(uchar, unsigned char, PyLong_FromLong((long)v))
CONV(short, short, PyLong_FromLong((long)v))
CONV(ushort, unsigned short, PyLong_FromLong((long)v))
CONV(int, int, PyLong_FromLong((long)v))
CONV(uint, unsigned int, PyLong_FromUnsignedLong((unsigned long)v))
CONV(long, long, PyLong_FromLong(v))
CONV(ulong, unsigned long, PyLong_FromUnsignedLong(v))
CONV(longlong, long long, PyLong_FromLongLong(v))
CONV(ulonglong, unsigned long long, PyLong_FromUnsignedLongLong(v))
CONV(ssize_t, Py_ssize_t, PyLong_FromSsize_t(v))
CONV(size_t, size_t, PyLong_FromSize_t(v))
CONV(double, double, PyFloat_FromDouble(v))
CONV(bint, int, PyBool_FromLong(v))

/* ---- arithmetic ---- */

#define BINOP(op, name, ctype, topy)                                             \
    static PyObject *t_##op##_##name(PyObject *self, PyObject *const *args,      \
                                     Py_ssize_t nargs)                           \
    {                                                                            \
        ctype a, b, v;                                                           \
        (void)self;                                                              \
        if (nargs != 2) {                                                        \
            PyErr_SetString(PyExc_TypeError, "expected 2 arguments");            \
            return NULL;                                                         \
        }                                                                        \
        if (pyx_rt_as_##name(args[0], &a) < 0 || pyx_rt_as_##name(args[1], &b) < 0) \
            return NULL;                                                         \
        if (pyx_rt_##op##_##name(a, b, &v) < 0)                                  \
            return NULL;                                                         \
        return topy;                                                             \
    }
#define DIVMOD(name, ctype, topy) BINOP(floordiv, name, ctype, topy) BINOP(mod, name, ctype, topy)
DIVMOD(int, int, PyLong_FromLong(v))
DIVMOD(long, long, PyLong_FromLong(v))
DIVMOD(longlong, long long, PyLong_FromLongLong(v))
DIVMOD(ssize_t, Py_ssize_t, PyLong_FromSsize_t(v))
DIVMOD(uint, unsigned int, PyLong_FromUnsignedLong(v))
DIVMOD(ulong, unsigned long, PyLong_FromUnsignedLong(v))
DIVMOD(ulonglong, unsigned long long, PyLong_FromUnsignedLongLong(v))
DIVMOD(size_t, size_t, PyLong_FromSize_t(v))
DIVMOD(double, double, PyFloat_FromDouble(v))
BINOP(truediv, double, double, PyFloat_FromDouble(v))

static PyObject *t_ipow_longlong(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    long long a, b;
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "expected 2 arguments");
        return NULL;
    }
    if (pyx_rt_as_longlong(args[0], &a) < 0 || pyx_rt_as_longlong(args[1], &b) < 0)
        return NULL;
    return PyLong_FromLongLong(pyx_rt_ipow_longlong(a, b));
}

/* ---- argument parsing ---- */

static const char *const f_names[] = {"x", "y", "z", "k"};
static const char *const g_names[] = {"a", "b"};
static const char *const kwo_names[] = {"a", "k", "m"};
static const unsigned char kwo_req[] = {1, 0};
static const char *const po_names[] = {"a", "b"};
static const char *const three_names[] = {"x", "y", "z"};
static const char *const m_names[] = {"self", "a", "b"};
static const char *const pk_names[] = {"a", "b", "c", "d", "e"};
static const unsigned char pk_req[] = {0, 1};
static const char *const uni_names[] = {"\xc3\xa9t\xc3\xa9", "x"};

/* Python equivalents are in test_runtime.py (SIGNATURES); keep in step. */
static const PyxRtArgSpec sigs[] = {
    /* def f(x, y, /, z=None, *args, k, **kw) */
    {"f", f_names, NULL, 3, 2, 2, 1, NULL, 1, 1},
    /* def g(a, b) */
    {"g", g_names, NULL, 2, 0, 2, 0, NULL, 0, 0},
    /* def h(a, b=None) */
    {"h", g_names, NULL, 2, 0, 1, 0, NULL, 0, 0},
    /* def n() */
    {"n", NULL, NULL, 0, 0, 0, 0, NULL, 0, 0},
    /* def kwo(a, *, k, m=None) */
    {"kwo", kwo_names, NULL, 1, 0, 1, 2, kwo_req, 0, 0},
    /* def kwo2(a, *, k, m) */
    {"kwo2", kwo_names, NULL, 1, 0, 1, 2, NULL, 0, 0},
    /* def po(a, /, b) */
    {"po", po_names, NULL, 2, 1, 2, 0, NULL, 0, 0},
    /* def pokw(a, b, /, **kw) */
    {"pokw", po_names, NULL, 2, 2, 2, 0, NULL, 0, 1},
    /* def three(x, y, z) */
    {"three", three_names, NULL, 3, 0, 3, 0, NULL, 0, 0},
    /* def va(a, *args) */
    {"va", g_names, NULL, 1, 0, 1, 0, NULL, 1, 0},
    /* def alldef(a=None, b=None) */
    {"alldef", g_names, NULL, 2, 0, 0, 0, NULL, 0, 0},
    /* class C: def m(self, a, b=None) */
    {"C.m", m_names, NULL, 3, 0, 2, 0, NULL, 0, 0},
    /* def pk(a, b, /, c=None, *, d=None, e) */
    {"pk", pk_names, NULL, 3, 2, 2, 2, pk_req, 0, 0},
    /* def onlykw(**kw) */
    {"onlykw", NULL, NULL, 0, 0, 0, 0, NULL, 0, 1},
    /* def uni(été, x=None) */
    {"uni", uni_names, NULL, 2, 0, 1, 0, NULL, 0, 0},
    /* def f_interned(x, y, /, z=None, *args, k, **kw): f with name_objs */
    {"f_interned", f_names, NULL, 3, 2, 2, 1, NULL, 1, 1},
};
#define NSIGS ((Py_ssize_t)(sizeof sigs / sizeof sigs[0]))
static PyObject *interned_f[4];
static PyObject **const interned_f_refs[4] = {&interned_f[0], &interned_f[1], &interned_f[2], &interned_f[3]};
static PyxRtArgSpec f_interned_spec;
static PyMethodDef sig_defs[NSIGS];

static PyObject *t_sig(PyObject *self, PyObject *const *args, Py_ssize_t nargs,
                       PyObject *kwnames)
{
    const PyxRtArgSpec *spec = PyCapsule_GetPointer(self, "rtmod.spec");
    PyObject *out[8], *star = NULL, *kw = NULL, *res;
    Py_ssize_t total, i, n;
    if (spec == NULL)
        return NULL;
    total = spec->npos + spec->nkwonly;
    if (pyx_rt_parse_args(spec, args, nargs, kwnames, out, &star, &kw) < 0)
        return NULL;
    n = total + (spec->varargs != 0) + (spec->varkw != 0);
    res = PyTuple_New(n);
    if (res == NULL) {
        Py_XDECREF(star);
        Py_XDECREF(kw);
        return NULL;
    }
    for (i = 0; i < total; i++) {
        PyObject *v = out[i] != NULL ? out[i] : Py_None;
        Py_INCREF(v);
        PyTuple_SET_ITEM(res, i, v);
    }
    if (spec->varargs)
        PyTuple_SET_ITEM(res, i++, star);   /* steals */
    if (spec->varkw)
        PyTuple_SET_ITEM(res, i++, kw);
    return res;
}

/* ---- tracebacks ---- */

static PyObject *module_dict;   /* borrowed from the module */

/* Like generated code: demo.inner (line 2) fails, demo.scale (line 4)
   propagates.  NULL globals, so linecache searches sys.path for demo.pyx
   (an extension module's globals would make it ask the loader, which has
   no source). */
static PyObject *demo_inner(void)
{
    PyErr_SetString(PyExc_ValueError, "boom");
    pyx_rt_add_traceback("demo.inner", "demo.pyx", 2, NULL);
    return NULL;
}

static PyObject *t_raise_tb(PyObject *self, PyObject *unused)
{
    PyObject *r;
    (void)self;
    (void)unused;
    r = demo_inner();
    if (r == NULL) {
        pyx_rt_add_traceback("demo.scale", "demo.pyx", 4, NULL);
        return NULL;
    }
    return r;
}

/* A noexcept function swallowing its error: returns None, reports it.
   Passes the module dict as globals, the other supported way. */
static PyObject *t_unraisable(PyObject *self, PyObject *unused)
{
    (void)self;
    (void)unused;
    PyErr_SetString(PyExc_ValueError, "swallowed");
    pyx_rt_add_traceback("rtmod.nx", "rtmod.pyx", 7, module_dict);
    pyx_rt_write_unraisable("rtmod.nx");
    if (PyErr_Occurred())
        return NULL;
    Py_RETURN_NONE;
}

#define CONV_DEF(name) {"as_" #name, t_as_##name, METH_O, NULL}
#define OP_DEF(op, name) {#op "_" #name, (PyCFunction)(void (*)(void))t_##op##_##name, METH_FASTCALL, NULL}
#define DIVMOD_DEF(name) OP_DEF(floordiv, name), OP_DEF(mod, name)
static PyMethodDef methods[] = {
    CONV_DEF(char), CONV_DEF(schar), CONV_DEF(uchar), CONV_DEF(short),
    CONV_DEF(ushort), CONV_DEF(int), CONV_DEF(uint), CONV_DEF(long),
    CONV_DEF(ulong), CONV_DEF(longlong), CONV_DEF(ulonglong), CONV_DEF(ssize_t),
    CONV_DEF(size_t), CONV_DEF(double), CONV_DEF(bint),
    DIVMOD_DEF(int), DIVMOD_DEF(long), DIVMOD_DEF(longlong), DIVMOD_DEF(ssize_t),
    DIVMOD_DEF(uint), DIVMOD_DEF(ulong), DIVMOD_DEF(ulonglong), DIVMOD_DEF(size_t),
    DIVMOD_DEF(double), OP_DEF(truediv, double), OP_DEF(ipow, longlong),
    {"raise_tb", t_raise_tb, METH_NOARGS, NULL},
    {"unraisable", t_unraisable, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {
    PyModuleDef_HEAD_INIT, "rtmod", NULL, -1, methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_rtmod(void)
{
    PyObject *m = PyModule_Create(&moddef);
    Py_ssize_t i;
    if (m == NULL)
        return NULL;
    module_dict = PyModule_GetDict(m);
    for (i = 0; i < 4; i++) {
        interned_f[i] = PyUnicode_InternFromString(f_names[i]);
        if (interned_f[i] == NULL)
            goto fail;
    }
    for (i = 0; i < NSIGS; i++) {
        const PyxRtArgSpec *spec = &sigs[i];
        PyObject *cap, *fn;
        if (i == NSIGS - 1) {
            f_interned_spec = sigs[i];
            f_interned_spec.name_refs = interned_f_refs;
            spec = &f_interned_spec;
        }
        sig_defs[i].ml_name = sigs[i].qualname;
        sig_defs[i].ml_meth = (PyCFunction)(void (*)(void))t_sig;
        sig_defs[i].ml_flags = METH_FASTCALL | METH_KEYWORDS;
        cap = PyCapsule_New((void *)spec, "rtmod.spec", NULL);
        if (cap == NULL)
            goto fail;
        fn = PyCFunction_NewEx(&sig_defs[i], cap, NULL);
        Py_DECREF(cap);
        if (fn == NULL)
            goto fail;
        if (PyModule_AddObject(m, i == 11 ? "C_m" : sigs[i].qualname, fn) < 0) {
            Py_DECREF(fn);
            goto fail;
        }
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
