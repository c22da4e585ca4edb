/* rt_int.c: the general case of Python -> C number conversion.

   Takes: any object.  Gives: a C integer or double, or -1 with an exception.
   pyx_rt.h handles small exact ints inline; everything else lands here.

   The one idea: follow Cython's order of checks so the same error wins.
   Non-ints go through operator.index first (TypeError).  Then, for signed
   types, PyLong_AsLong (CPython's "Python int too large to convert to C long"
   if it does not fit a long) and a range check (Cython's "value too large to
   convert to <T>"); for unsigned types the sign is checked first ("can't
   convert negative value to <T>"), then PyLong_AsUnsignedLong, then the
   range.  Type names are Cython's: long long is "PY_LONG_LONG".
   Py_ssize_t is Cython's special index type: PyLong_AsSsize_t's message. */
#include "pyx_rt.h"

/* Returns a new reference to an int equal to operator.index(o), or NULL. */
static PyObject *to_index(PyObject *o)
{
    if (PyLong_Check(o)) {
        Py_INCREF(o);
        return o;
    }
    return PyNumber_Index(o);
}

/* Signed value of 'o' as long; -1 with an exception on failure. */
static int as_long(PyObject *o, long *out)
{
    PyObject *n = to_index(o);
    long v;
    if (n == NULL)
        return -1;
    v = PyLong_AsLong(n);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

/* Unsigned value of 'o' as unsigned long; negative values raise with
   'ctype' in the message. */
static int as_ulong(PyObject *o, unsigned long *out, const char *ctype)
{
    PyObject *n = to_index(o);
    long sv;
    int ovf;
    unsigned long v;
    if (n == NULL)
        return -1;
    sv = PyLong_AsLongAndOverflow(n, &ovf);
    if (sv == -1 && ovf == 0 && PyErr_Occurred())
        goto fail;
    if (ovf < 0 || (ovf == 0 && sv < 0)) {
        Py_DECREF(n);
        pyx_rt_raise_neg_overflow(ctype);
        return -1;
    }
    if (ovf == 0) {
        v = (unsigned long)sv;
    } else {
        v = PyLong_AsUnsignedLong(n);
        if (v == (unsigned long)-1 && PyErr_Occurred())
            goto fail;
    }
    Py_DECREF(n);
    *out = v;
    return 0;
fail:
    Py_DECREF(n);
    return -1;
}

/* CHAR_MIN is 0 where plain char is unsigned: then it is checked like one. */
int pyx_rt_as_char_slow(PyObject *o, char *out)
{
    if (CHAR_MIN == 0) {
        unsigned long v;
        if (as_ulong(o, &v, "char") < 0)
            return -1;
        if (v > (unsigned long)CHAR_MAX)
            { pyx_rt_raise_overflow("char"); return -1; }
        *out = (char)v;
    } else {
        long v;
        if (as_long(o, &v) < 0)
            return -1;
        if (v < (long)CHAR_MIN || v > (long)CHAR_MAX)
            { pyx_rt_raise_overflow("char"); return -1; }
        *out = (char)v;
    }
    return 0;
}

#define SIGNED_VIA_LONG(name, type, tmin, tmax, cname)        \
    int pyx_rt_as_##name##_slow(PyObject *o, type *out)       \
    {                                                         \
        long v;                                               \
        if (as_long(o, &v) < 0)                               \
            return -1;                                        \
        if (v < (long)(tmin) || v > (long)(tmax))             \
            { pyx_rt_raise_overflow(cname); return -1; }              \
        *out = (type)v;                                       \
        return 0;                                             \
    }
#define UNSIGNED_VIA_ULONG(name, type, tmax, cname)           \
    int pyx_rt_as_##name##_slow(PyObject *o, type *out)       \
    {                                                         \
        unsigned long v;                                      \
        if (as_ulong(o, &v, cname) < 0)                       \
            return -1;                                        \
        if (v > (unsigned long)(tmax))                        \
            { pyx_rt_raise_overflow(cname); return -1; }              \
        *out = (type)v;                                       \
        return 0;                                             \
    }

SIGNED_VIA_LONG(schar, signed char, SCHAR_MIN, SCHAR_MAX, "signed char")
SIGNED_VIA_LONG(short, short, SHRT_MIN, SHRT_MAX, "short")
UNSIGNED_VIA_ULONG(uchar, unsigned char, UCHAR_MAX, "unsigned char")
UNSIGNED_VIA_ULONG(ushort, unsigned short, USHRT_MAX, "unsigned short")

#if INT_MAX < LONG_MAX
SIGNED_VIA_LONG(int, int, INT_MIN, INT_MAX, "int")
UNSIGNED_VIA_ULONG(uint, unsigned int, UINT_MAX, "unsigned int")
#else
int pyx_rt_as_int_slow(PyObject *o, int *out)
{
    long v;
    if (as_long(o, &v) < 0)
        return -1;
    *out = (int)v;
    return 0;
}
int pyx_rt_as_uint_slow(PyObject *o, unsigned int *out)
{
    unsigned long v;
    if (as_ulong(o, &v, "unsigned int") < 0)
        return -1;
    *out = (unsigned int)v;
    return 0;
}
#endif

int pyx_rt_as_long_slow(PyObject *o, long *out)
{
    return as_long(o, out);
}

int pyx_rt_as_ulong_slow(PyObject *o, unsigned long *out)
{
    return as_ulong(o, out, "unsigned long");
}

/* Where long long is wider than long (LLP64, 32-bit), use the long long
   API; its overflow message is CPython's, as in Cython. */
int pyx_rt_as_longlong_slow(PyObject *o, long long *out)
{
#if LLONG_MAX == LONG_MAX
    long v;
    if (as_long(o, &v) < 0)
        return -1;
    *out = v;
    return 0;
#else
    PyObject *n = to_index(o);
    long long v;
    if (n == NULL)
        return -1;
    v = PyLong_AsLongLong(n);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
#endif
}

int pyx_rt_as_ulonglong_slow(PyObject *o, unsigned long long *out)
{
#if ULLONG_MAX == ULONG_MAX
    unsigned long v;
    if (as_ulong(o, &v, "unsigned PY_LONG_LONG") < 0)
        return -1;
    *out = v;
    return 0;
#else
    PyObject *n = to_index(o);
    unsigned long long v;
    int ovf;
    long sv;
    if (n == NULL)
        return -1;
    sv = PyLong_AsLongAndOverflow(n, &ovf);
    if (ovf < 0 || (ovf == 0 && sv < 0 && !PyErr_Occurred())) {
        Py_DECREF(n);
        { pyx_rt_raise_neg_overflow("unsigned PY_LONG_LONG"); return -1; }
    }
    v = PyLong_AsUnsignedLongLong(n);
    Py_DECREF(n);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
#endif
}

int pyx_rt_as_ssize_t_slow(PyObject *o, Py_ssize_t *out)
{
    PyObject *n = to_index(o);
    Py_ssize_t v;
    if (n == NULL)
        return -1;
    v = PyLong_AsSsize_t(n);
    Py_DECREF(n);
    if (v == -1 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}

int pyx_rt_as_size_t_slow(PyObject *o, size_t *out)
{
#if SIZE_MAX <= ULONG_MAX
    unsigned long v;
    if (as_ulong(o, &v, "size_t") < 0)
        return -1;
    if (v > (unsigned long)SIZE_MAX)
        { pyx_rt_raise_overflow("size_t"); return -1; }
    *out = (size_t)v;
    return 0;
#else
    unsigned long long v;
    PyObject *n = to_index(o);
    int ovf;
    long sv;
    if (n == NULL)
        return -1;
    sv = PyLong_AsLongAndOverflow(n, &ovf);
    if (ovf < 0 || (ovf == 0 && sv < 0 && !PyErr_Occurred())) {
        Py_DECREF(n);
        { pyx_rt_raise_neg_overflow("size_t"); return -1; }
    }
    v = PyLong_AsUnsignedLongLong(n);
    Py_DECREF(n);
    if (v == (unsigned long long)-1 && PyErr_Occurred())
        return -1;
    *out = (size_t)v;
    return 0;
#endif
}

int pyx_rt_as_double_slow(PyObject *o, double *out)
{
    double v = PyFloat_AsDouble(o);
    if (v == -1.0 && PyErr_Occurred())
        return -1;
    *out = v;
    return 0;
}
