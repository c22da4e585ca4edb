/* types.c - the type table and the rules between types (see types.h). */
#include "types.h"

#include <stdio.h>
#include <string.h>

#define INT_TYPE(var, nm, c, rk, sg, rtn, from, lo, hi) \
    PyxType var = {.kind = PYX_TY_INT, .name = nm, .cname = c, .rank = rk, .is_signed = sg, \
                   .rt = rtn, .from_c = from, .min = lo, .max = hi}

PyxType pyx_type_error = {.kind = PYX_TY_ERROR, .name = "<error>", .cname = "int"};
PyxType pyx_type_void = {.kind = PYX_TY_VOID, .name = "void", .cname = "void"};
PyxType pyx_type_bint = {.kind = PYX_TY_BINT, .name = "bint", .cname = "int", .rank = 3,
                         .is_signed = true, .rt = "bint", .from_c = "PyBool_FromLong"};
PyxType pyx_type_null = {.kind = PYX_TY_NULL, .name = "NULL", .cname = "void *"};
PyxType pyx_type_object = {.kind = PYX_TY_OBJECT, .name = "object", .cname = "PyObject *"};

INT_TYPE(pyx_type_char, "char", "char", 1, true, "char", "PyLong_FromLong", "CHAR_MIN", "CHAR_MAX");
INT_TYPE(pyx_type_schar, "signed char", "signed char", 1, true, "schar", "PyLong_FromLong", "SCHAR_MIN", "SCHAR_MAX");
INT_TYPE(pyx_type_uchar, "unsigned char", "unsigned char", 1, false, "uchar", "PyLong_FromLong", "0", "UCHAR_MAX");
INT_TYPE(pyx_type_short, "short", "short", 2, true, "short", "PyLong_FromLong", "SHRT_MIN", "SHRT_MAX");
INT_TYPE(pyx_type_ushort, "unsigned short", "unsigned short", 2, false, "ushort", "PyLong_FromLong", "0", "USHRT_MAX");
INT_TYPE(pyx_type_int, "int", "int", 3, true, "int", "PyLong_FromLong", "INT_MIN", "INT_MAX");
INT_TYPE(pyx_type_uint, "unsigned int", "unsigned int", 3, false, "uint", "PyLong_FromUnsignedLong", "0", "UINT_MAX");
INT_TYPE(pyx_type_long, "long", "long", 4, true, "long", "PyLong_FromLong", "LONG_MIN", "LONG_MAX");
INT_TYPE(pyx_type_ulong, "unsigned long", "unsigned long", 4, false, "ulong", "PyLong_FromUnsignedLong", "0", "ULONG_MAX");
INT_TYPE(pyx_type_longlong, "long long", "long long", 5, true, "longlong", "PyLong_FromLongLong", "LLONG_MIN", "LLONG_MAX");
INT_TYPE(pyx_type_ulonglong, "unsigned long long", "unsigned long long", 5, false, "ulonglong", "PyLong_FromUnsignedLongLong", "0", "ULLONG_MAX");
/* Py_ssize_t and size_t rank with long: on LP64 they are long-sized */
INT_TYPE(pyx_type_ssize_t, "Py_ssize_t", "Py_ssize_t", 4, true, "ssize_t", "PyLong_FromSsize_t", "PY_SSIZE_T_MIN", "PY_SSIZE_T_MAX");
INT_TYPE(pyx_type_size_t, "size_t", "size_t", 4, false, "size_t", "PyLong_FromSize_t", "0", "SIZE_MAX");

PyxType pyx_type_float = {.kind = PYX_TY_FLOAT, .name = "float", .cname = "float", .rank = 6,
                          .is_signed = true, .rt = "double", .from_c = "PyFloat_FromDouble"};
PyxType pyx_type_double = {.kind = PYX_TY_FLOAT, .name = "double", .cname = "double", .rank = 7,
                           .is_signed = true, .rt = "double", .from_c = "PyFloat_FromDouble"};

#define BUILTIN_TYPE(var, b, nm, chk) \
    static PyxType var = {.kind = PYX_TY_OBJECT, .name = nm, .cname = "PyObject *", .builtin = b, .check = chk}
BUILTIN_TYPE(type_list, PYX_BI_LIST, "list", "PyList_CheckExact");
BUILTIN_TYPE(type_dict, PYX_BI_DICT, "dict", "PyDict_CheckExact");
BUILTIN_TYPE(type_tuple, PYX_BI_TUPLE, "tuple", "PyTuple_CheckExact");
BUILTIN_TYPE(type_str, PYX_BI_STR, "str", "PyUnicode_CheckExact");
BUILTIN_TYPE(type_bytes, PYX_BI_BYTES, "bytes", "PyBytes_CheckExact");
BUILTIN_TYPE(type_pyint, PYX_BI_INT, "int", "PyLong_CheckExact");
BUILTIN_TYPE(type_pyfloat, PYX_BI_FLOAT, "float", "PyFloat_CheckExact");
BUILTIN_TYPE(type_bool, PYX_BI_BOOL, "bool", "PyBool_Check");
BUILTIN_TYPE(type_set, PYX_BI_SET, "set", "PySet_CheckExact");

PyxType *pyx_type_builtin(PyxBuiltin b)
{
    switch (b) {
    case PYX_BI_LIST: return &type_list;
    case PYX_BI_DICT: return &type_dict;
    case PYX_BI_TUPLE: return &type_tuple;
    case PYX_BI_STR: return &type_str;
    case PYX_BI_BYTES: return &type_bytes;
    case PYX_BI_INT: return &type_pyint;
    case PYX_BI_FLOAT: return &type_pyfloat;
    case PYX_BI_BOOL: return &type_bool;
    case PYX_BI_SET: return &type_set;
    case PYX_BI_NONE: break;
    }
    return &pyx_type_object;
}

PyxType *pyx_type_by_name(const char *name)
{
    static const struct { const char *name; PyxType *type; } names[] = {
        {"char", &pyx_type_char}, {"short", &pyx_type_short}, {"int", &pyx_type_int},
        {"long", &pyx_type_long}, {"float", &pyx_type_float}, {"double", &pyx_type_double},
        {"bint", &pyx_type_bint}, {"Py_ssize_t", &pyx_type_ssize_t}, {"size_t", &pyx_type_size_t},
        {"ssize_t", &pyx_type_ssize_t}, {"void", &pyx_type_void}, {"object", &pyx_type_object},
        {"list", &type_list}, {"dict", &type_dict}, {"tuple", &type_tuple}, {"str", &type_str},
        {"unicode", &type_str}, {"bytes", &type_bytes}, {"set", &type_set},
        /* pure-Python mode spellings */
        {"cython.char", &pyx_type_char}, {"cython.short", &pyx_type_short}, {"cython.int", &pyx_type_int},
        {"cython.long", &pyx_type_long}, {"cython.longlong", &pyx_type_longlong},
        {"cython.uint", &pyx_type_uint}, {"cython.ulong", &pyx_type_ulong},
        {"cython.ulonglong", &pyx_type_ulonglong}, {"cython.float", &pyx_type_float},
        {"cython.double", &pyx_type_double}, {"cython.bint", &pyx_type_bint},
        {"cython.Py_ssize_t", &pyx_type_ssize_t}, {"cython.size_t", &pyx_type_size_t},
        {"cython.void", &pyx_type_void},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].name, name) == 0)
            return names[i].type;
    return NULL;
}

PyxType *pyx_type_by_words(const char *base, bool is_unsigned, bool is_signed, bool is_short, int longs)
{
    if (strcmp(base, "char") == 0) {
        if (is_short || longs)
            return NULL;
        return is_unsigned ? &pyx_type_uchar : is_signed ? &pyx_type_schar : &pyx_type_char;
    }
    if (strcmp(base, "double") == 0 || strcmp(base, "float") == 0) {
        if (is_unsigned || is_signed || is_short || longs > 1 || (longs && base[0] == 'f'))
            return NULL;
        return longs ? NULL : pyx_type_by_name(base);   /* long double: not supported yet */
    }
    if (strcmp(base, "int") != 0)
        return NULL;
    if (is_short)
        return longs ? NULL : is_unsigned ? &pyx_type_ushort : &pyx_type_short;
    switch (longs) {
    case 0: return is_unsigned ? &pyx_type_uint : &pyx_type_int;
    case 1: return is_unsigned ? &pyx_type_ulong : &pyx_type_long;
    case 2: return is_unsigned ? &pyx_type_ulonglong : &pyx_type_longlong;
    default: return NULL;
    }
}

PyxType *pyx_type_ptr(PyxArena *a, PyxType *base)
{
    PyxType *t = pyx_arena_new(a, PyxType);
    t->kind = PYX_TY_PTR;
    t->base = base;
    t->name = pyx_arena_printf(a, "%s *", base->name);
    t->cname = pyx_arena_printf(a, "%s *", base->cname);
    return t;
}

PyxType *pyx_type_array(PyxArena *a, PyxType *base, long len)
{
    PyxType *t = pyx_arena_new(a, PyxType);
    t->kind = PYX_TY_ARRAY;
    t->base = base;
    t->array_len = len;
    t->name = len >= 0 ? pyx_arena_printf(a, "%s[%ld]", base->name, len) : pyx_arena_printf(a, "%s[]", base->name);
    t->cname = pyx_arena_printf(a, "%s *", base->cname);
    return t;
}

bool pyx_type_is_c(const PyxType *t)
{
    return t->kind != PYX_TY_OBJECT && t->kind != PYX_TY_ERROR;
}

bool pyx_type_is_numeric(const PyxType *t)
{
    return t->kind == PYX_TY_INT || t->kind == PYX_TY_FLOAT || t->kind == PYX_TY_BINT;
}

bool pyx_type_is_object(const PyxType *t)
{
    return t->kind == PYX_TY_OBJECT;
}

bool pyx_type_equal(const PyxType *a, const PyxType *b)
{
    if (a == b)
        return true;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case PYX_TY_PTR:
        return pyx_type_equal(a->base, b->base);
    case PYX_TY_ARRAY:
        return a->array_len == b->array_len && pyx_type_equal(a->base, b->base);
    case PYX_TY_FUNC:
        if (a->nparams != b->nparams || a->varargs != b->varargs || !pyx_type_equal(a->base, b->base))
            return false;
        for (int i = 0; i < a->nparams; i++)
            if (!pyx_type_equal(a->params[i], b->params[i]))
                return false;
        return true;
    case PYX_TY_OBJECT:
        return a->builtin == b->builtin;
    default:
        return false;
    }
}

PyxType *pyx_type_promote(PyxType *a, PyxType *b)
{
    if (a->kind == PYX_TY_BINT)
        a = &pyx_type_int;
    if (b->kind == PYX_TY_BINT)
        b = &pyx_type_int;
    if (a->kind == PYX_TY_FLOAT && b->kind == PYX_TY_FLOAT)
        return a->rank >= b->rank ? a : b;
    if (a->kind == PYX_TY_FLOAT || b->kind == PYX_TY_FLOAT)
        return a->kind == PYX_TY_FLOAT ? a : b;   /* float + int is float, as in C */
    /* C's integer promotions: anything below int becomes int */
    if (a->rank < 3)
        a = &pyx_type_int;
    if (b->rank < 3)
        b = &pyx_type_int;
    if (a->rank != b->rank)
        return a->rank > b->rank ? a : b;
    if (a->is_signed != b->is_signed)
        return a->is_signed ? b : a;
    return a;
}

const char *pyx_type_assignable(const PyxType *to, const PyxType *from)
{
    if (to->kind == PYX_TY_ERROR || from->kind == PYX_TY_ERROR)
        return NULL;
    if (to->kind == PYX_TY_OBJECT) {
        if (from->kind == PYX_TY_OBJECT) {
            if (to->builtin == PYX_BI_NONE || from->builtin == PYX_BI_NONE || to->builtin == from->builtin)
                return NULL;
            if (to->builtin == PYX_BI_INT && from->builtin == PYX_BI_BOOL)
                return NULL;
            return "incompatible types";
        }
        if (pyx_type_is_numeric(from)) {
            if (to->builtin == PYX_BI_NONE || (to->builtin == PYX_BI_INT && from->kind != PYX_TY_FLOAT)
                || (to->builtin == PYX_BI_FLOAT && from->kind == PYX_TY_FLOAT)
                || (to->builtin == PYX_BI_BOOL && from->kind == PYX_TY_BINT))
                return NULL;
            return "incompatible types";
        }
        return "cannot convert a C pointer or array to a Python object";
    }
    if (from->kind == PYX_TY_OBJECT) {
        if (!pyx_type_is_numeric(to))
            return "cannot convert a Python object to a C pointer";
        switch (from->builtin) {
        case PYX_BI_NONE: case PYX_BI_INT: case PYX_BI_BOOL:
            return NULL;
        case PYX_BI_FLOAT:
            return to->kind == PYX_TY_FLOAT ? NULL : "incompatible types";
        default:
            return "incompatible types";
        }
    }
    if (pyx_type_is_numeric(to) && pyx_type_is_numeric(from))
        return NULL;
    if (to->kind == PYX_TY_PTR) {
        if (from->kind == PYX_TY_NULL)
            return NULL;
        if (from->kind == PYX_TY_PTR || from->kind == PYX_TY_ARRAY) {
            if (to->base->kind == PYX_TY_VOID || from->base->kind == PYX_TY_VOID
                || pyx_type_equal(to->base, from->base))
                return NULL;
        }
        return "incompatible pointer types";
    }
    if (to->kind == PYX_TY_BINT && (from->kind == PYX_TY_PTR || from->kind == PYX_TY_NULL))
        return NULL;
    return "incompatible types";
}

const char *pyx_type_str(PyxArena *a, const PyxType *t)
{
    (void)a;
    return t->name;
}

const char *pyx_type_decl(PyxArena *a, const PyxType *t, const char *name)
{
    switch (t->kind) {
    case PYX_TY_ARRAY: {
        /* int x[2][3]: the innermost dimension is written last */
        const PyxType *base = t;
        char dims[256] = "";
        size_t n = 0;
        while (base->kind == PYX_TY_ARRAY && n < sizeof dims - 24) {
            n += (size_t)snprintf(dims + n, sizeof dims - n, "[%ld]", base->array_len < 0 ? 0 : base->array_len);
            base = base->base;
        }
        return pyx_type_decl(a, base, pyx_arena_printf(a, "%s%s", name, dims));
    }
    case PYX_TY_PTR:
        if (t->base->kind == PYX_TY_FUNC || t->base->kind == PYX_TY_ARRAY)
            return pyx_type_decl(a, t->base, pyx_arena_printf(a, "(*%s)", name));
        return pyx_type_decl(a, t->base, pyx_arena_printf(a, "*%s", name));
    case PYX_TY_FUNC: {
        char params[512] = "";
        size_t n = 0;
        for (int i = 0; i < t->nparams && n < sizeof params - 64; i++)
            n += (size_t)snprintf(params + n, sizeof params - n, "%s%s", i ? ", " : "",
                                  pyx_type_decl(a, t->params[i], ""));
        if (t->varargs)
            n += (size_t)snprintf(params + n, sizeof params - n, "%s...", t->nparams ? ", " : "");
        if (t->nparams == 0 && !t->varargs)
            snprintf(params, sizeof params, "void");
        return pyx_type_decl(a, t->base, pyx_arena_printf(a, "%s(%s)", name, params));
    }
    case PYX_TY_OBJECT:
        return pyx_arena_printf(a, "PyObject *%s", name);
    default:
        return name[0] ? pyx_arena_printf(a, "%s %s", t->cname, name) : t->cname;
    }
}

PyxType *pyx_type_of_int_value(int64_t v)
{
    return v >= INT32_MIN && v <= INT32_MAX ? &pyx_type_int : &pyx_type_long;
}
