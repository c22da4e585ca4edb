/* emit_conv.c - constants and conversions: interned names and literal
 * objects created once at import, C values boxed into objects and objects
 * unboxed into C types with Cython's errors (see pyx_type_assignable).
 */
#include "emit_int.h"

/* Starts the code that creates one constant (a new function every CONST_PART). */
static void const_unit(Emit *E)
{
    if (E->nconst_units && E->nconst_units % CONST_PART == 0)
        buf_printf(E->a, &E->const_init, "    return 0;\n}\n\nstatic int pyx_init_constants_%d(void)\n{\n",
                   E->nconst_units / CONST_PART);
    E->nconst_units++;
}

const char *new_const(Emit *E, const char *init_fmt, const char *arg1, uint32_t n)
{
    const_unit(E);
    const char *name = pyx_name_const(E->a, ++E->nconsts);
    buf_printf(E->a, &E->consts, "static PyObject *%s;\n", name);
    buf_printf(E->a, &E->const_init, "    %s = ", name);
    buf_printf(E->a, &E->const_init, init_fmt, arg1, n);
    buf_printf(E->a, &E->const_init, ";\n    if (!%s) return -1;\n", name);
    return name;
}

/* The interned str constant for an identifier (attribute and global names). */
const char *name_const(Emit *E, const char *name)
{
    const char *c = pyx_map_get(&E->names, name);
    if (c)
        return c;
    c = pyx_name_interned(E->a, E->names.len);
    pyx_map_put(&E->names, name, (void *)c);
    const_unit(E);
    buf_printf(E->a, &E->consts, "static PyObject *%s;  /* '%s' */\n", c, c_comment_text(E->a, name, strlen(name)));
    buf_printf(E->a, &E->const_init, "    %s = PyUnicode_InternFromString(%s);\n    if (!%s) return -1;\n",
               c, c_string(E->a, name, (uint32_t)strlen(name)), c);
    return c;
}

/* A PyxRtGlobalCache (zero-initialised: nothing cached) under key, made on
   first use. */
static const char *lookup_cache(Emit *E, const char *key, const char *what, const char *name)
{
    const char *c = pyx_map_get(&E->gcaches, key);
    if (c)
        return c;
    c = pyx_name_global_cache(E->a, E->gcaches.len);
    pyx_map_put(&E->gcaches, key, (void *)c);
    buf_printf(E->a, &E->consts, "static PyxRtGlobalCache %s;  /* %s'%s' */\n", c, what, c_comment_text(E->a, name, strlen(name)));
    return c;
}

/* The lookup cache of a global or builtin name read in this module (one per name). */
const char *global_cache(Emit *E, const char *name)
{
    return lookup_cache(E, name, "", name);
}

/* The cache of module attributes named 'name' read in this module ('math.exp'
   is a global of math); keyed ".name", which no global is. */
const char *attr_cache(Emit *E, const char *name)
{
    return lookup_cache(E, pyx_arena_printf(E->a, ".%s", name), "module attribute ", name);
}

/* The int object of value v, made once at import (borrowed). */
const char *int_const(Emit *E, int64_t v)
{
    const char *key = pyx_arena_printf(E->a, "%lld", (long long)v);
    const char *c = pyx_map_get(&E->numbers, key);
    if (!c) {
        c = new_const(E, v == INT64_MIN ? "PyLong_FromLongLong(-9223372036854775807LL - 1)%.0s" : "PyLong_FromLongLong(%sLL)",
                      key, 0);
        pyx_map_put(&E->numbers, key, (void *)c);
    }
    return c;
}

/* The float object of a C double literal, made once at import (borrowed). */
const char *float_const(Emit *E, const char *c_literal)
{
    const char *c = pyx_map_get(&E->numbers, c_literal);
    if (!c) {
        c = new_const(E, "PyFloat_FromDouble(%s)", c_literal, 0);
        pyx_map_put(&E->numbers, c_literal, (void *)c);
    }
    return c;
}

const char *str_const(Emit *E, PyxNode *s)
{
    const char *lit = c_string(E->a, s->name, s->len);
    if (s->flags & PYX_F(BYTES))
        return new_const(E, "PyBytes_FromStringAndSize(%s, %u)", lit, s->len);
    if (s->flags & PYX_F(ESCAPED)) {   /* \N{...} names resolved by CPython */
        const char *c = new_const(E, "PyUnicode_DecodeUnicodeEscape(%s, %u, NULL)", lit, s->len);
        buf_printf(E->a, &E->const_init, "    PyUnicode_InternInPlace(&%s);\n", c);
        return c;
    }
    const char *c = new_const(E, "PyUnicode_DecodeUTF8(%s, %u, \"surrogatepass\")", lit, s->len);
    buf_printf(E->a, &E->const_init, "    PyUnicode_InternInPlace(&%s);\n", c);
    return c;
}

const char *strip_underscores(PyxArena *a, const char *s)
{
    char *r = pyx_arena_strdup(a, s), *w = r;
    for (const char *p = s; *p; p++)
        if (*p != '_')
            *w++ = *p;
    *w = '\0';
    return r;
}

/* A C value as a new Python object (or the object itself). */
Val to_object(Fn *fn, Val v, PyxLoc loc)
{
    if (v.t->kind == PYX_TY_OBJECT || v.t->kind == PYX_TY_ERROR)
        return v;
    const char *t = temp(fn, &pyx_type_object);
    const char *from = v.t->from_c ? v.t->from_c : "PyLong_FromLong";
    if (v.t->kind == PYX_TY_INT && v.t->rank < 4 && !v.t->is_signed)
        from = "PyLong_FromLong";
    line(fn, "%s = %s(%s);", t, from, v.c);
    check(fn, pyx_arena_printf(A, "!%s", t), loc);
    Val r = {t, &pyx_type_object, true};
    return r;
}

/* A new reference to the value (increfs a borrowed object). */
const char *to_new_ref(Fn *fn, Val v, PyxLoc loc)
{
    v = to_object(fn, v, loc);
    if (!v.owned)
        line(fn, "Py_INCREF(%s);", v.c);
    return v.c;
}

const char *type_object_of(PyxBuiltin b)
{
    switch (b) {
    case PYX_BI_LIST: return "&PyList_Type";
    case PYX_BI_DICT: return "&PyDict_Type";
    case PYX_BI_TUPLE: return "&PyTuple_Type";
    case PYX_BI_STR: return "&PyUnicode_Type";
    case PYX_BI_BYTES: return "&PyBytes_Type";
    case PYX_BI_INT: return "&PyLong_Type";
    case PYX_BI_FLOAT: return "&PyFloat_Type";
    case PYX_BI_BOOL: return "&PyBool_Type";
    case PYX_BI_SET: return "&PySet_Type";
    default: return "&PyBaseObject_Type";
    }
}

/* v converted to type 'to' (Cython's coercions); the result is owned when
   it is a new object. */
Val coerce(Fn *fn, Val v, PyxType *to, PyxLoc loc)
{
    if (to->kind == PYX_TY_ERROR || v.t->kind == PYX_TY_ERROR)
        return v;
    if (to->kind == PYX_TY_OBJECT) {
        Val o = to_object(fn, v, loc);
        if (to->builtin != PYX_BI_NONE && o.t->builtin != to->builtin)
            check(fn, pyx_arena_printf(A, "pyx_rt_type_test(%s, %s) < 0", o.c, type_object_of(to->builtin)), loc);
        o.t = to;
        return o;
    }
    if (v.t->kind == PYX_TY_OBJECT) {
        const char *t = temp(fn, to);
        if (to->kind == PYX_TY_FLOAT && to != &pyx_type_double) {
            const char *d = temp(fn, &pyx_type_double);
            check(fn, pyx_arena_printf(A, "pyx_rt_as_double(%s, &%s) < 0", v.c, d), loc);
            line(fn, "%s = (float)%s;", t, d);
        } else {
            const char *rt = to->kind == PYX_TY_BINT ? "bint" : to->rt;
            check(fn, pyx_arena_printf(A, "pyx_rt_as_%s(%s, &%s) < 0", rt, v.c, t), loc);
        }
        release(fn, v);
        return cval(t, to);
    }
    if (pyx_type_equal(to, v.t))
        return v;
    if (to->kind == PYX_TY_BINT)
        return cval(pyx_arena_printf(A, "((%s) != 0)", v.c), to);
    if (v.t->kind == PYX_TY_ARRAY)
        return cval(v.c, to);   /* arrays decay to pointers */
    return cval(pyx_arena_printf(A, "((%s)(%s))", pyx_type_decl(A, to, ""), v.c), to);
}

/* res = v, where res is a temp of v's type: an object is moved (owned) or
   increfed (borrowed) into it. */
void move_into(Fn *fn, const char *res, Val v)
{
    line(fn, "%s = %s;", res, v.c);
    if (v.t->kind == PYX_TY_OBJECT) {
        if (v.owned)
            line(fn, "%s = NULL;", v.c);
        else
            line(fn, "Py_INCREF(%s);", res);
    }
}

/* A C value computed once into a temp (so it can be used twice). */
Val materialize(Fn *fn, Val v)
{
    if (v.t->kind == PYX_TY_OBJECT || v.t->kind == PYX_TY_ERROR)
        return v;
    if (v.t->kind != PYX_TY_ARRAY && pyx_name_is_temp(v.c))
        return v;   /* already a temp: nothing writes it again before its use */
    const char *t = temp(fn, v.t->kind == PYX_TY_ARRAY ? pyx_type_ptr(A, v.t->base) : v.t);
    line(fn, "%s = %s;", t, v.c);
    return cval(t, v.t->kind == PYX_TY_ARRAY ? pyx_type_ptr(A, v.t->base) : v.t);
}

/* ---- assignment ------------------------------------------------------------------------------ */

/* Stores v (consumed: an owned value is moved, a borrowed one increfed)
   into the object slot 'dst', releasing what dst held. */
void store_object(Fn *fn, const char *dst, Val v, PyxLoc loc)
{
    const char *nv = to_new_ref(fn, v, loc);
    line(fn, "Py_XSETREF(%s, %s);", dst, nv);
    if (v.owned || v.t->kind != PYX_TY_OBJECT)
        line(fn, "%s = NULL;", nv);
}
