/* emit.c - typed AST -> C (see emit.h).
 *
 * One C function per Python function, plus a thin METH_FASTCALL wrapper for
 * the ones Python can call; the module body becomes the exec slot.  Each
 * expression yields a Val: C text plus its type, and whether it names a temp
 * holding a new reference.  Owned temps are released right after their one
 * use, and every temp is Py_XDECREF'd at the error label, so every path out
 * of a function releases what it owns.  Statements are written into a body
 * buffer first; declarations (only the temps actually used) and the error
 * and exit labels (only when something jumps to them) are added when the
 * function is finished, which keeps the output free of -Wall warnings.
 */
#include "emit.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- text buffers ------------------------------------------------------------ */

typedef struct Buf {
    char *p;
    size_t len, cap;
} Buf;

static void buf_vprintf(PyxArena *a, Buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *p = pyx_arena_alloc(a, cap);
        if (b->len)
            memcpy(p, b->p, b->len);
        b->p = p;
        b->cap = cap;
    }
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

static void buf_printf(PyxArena *a, Buf *b, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void buf_printf(PyxArena *a, Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(a, b, fmt, ap);
    va_end(ap);
}

static void buf_append(PyxArena *a, Buf *dst, const Buf *src)
{
    if (src->len)
        buf_printf(a, dst, "%.*s", (int)src->len, src->p);
}

/* Marks where the C file's own line numbers resume after #line directives
   into the source; pyx_emit_module replaces it once line numbers are known. */
#define LINE_RESET "#line PYX_RESET\n"

/* ---- module and function state ------------------------------------------------ */

typedef struct Emit {
    PyxArena *a;
    PyxModuleInfo *m;
    const PyxEmitOptions *o;
    Buf consts;        /* static PyObject *pyx_k_N; */
    Buf const_init;    /* creates them */
    int nconsts;
    const char **names;   /* interned identifier constants, pyx_n_<i> */
    int nnames, cap_names;
    Buf statics;       /* defaults and method defs */
    Buf funcs;
    Buf protos;
} Emit;

typedef struct Label {
    const char *name;
    bool used;
    struct Label *skip;   /* error labels: the same place after this frame's
                             traceback entry, for errors that already have it */
} Label;

typedef struct Loop {
    const char *user_break;   /* C statement for 'break' */
    Label *brk;
} Loop;

typedef struct Fn {
    Emit *E;
    PyxFunc *f;             /* NULL for the module body */
    Buf decl, body;
    int indent;
    int ntemp, nlabel;
    const char **otemps;    /* object temps: released at the error label */
    int notemps, cap_otemps;
    Label *err, *ret;       /* where errors and returns go now */
    Label err_main, ret_main, err_main_skip;
    Loop loops[64];
    int nloops;
    const char *tb_name;    /* function name in tracebacks */
    int lineno_used;
} Fn;

typedef struct Val {
    const char *c;
    PyxType *t;
    bool owned;     /* c is a temp holding a new reference */
} Val;

#define A (fn->E->a)

static void line(Fn *fn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void line(Fn *fn, const char *fmt, ...)
{
    for (int i = 0; i < fn->indent; i++)
        buf_printf(A, &fn->body, "    ");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(A, &fn->body, fmt, ap);
    va_end(ap);
    buf_printf(A, &fn->body, "\n");
}

static Label *new_label(Fn *fn, const char *what)
{
    Label *l = pyx_arena_new(A, Label);
    l->name = pyx_arena_printf(A, "pyx_L_%s_%d", what, ++fn->nlabel);
    return l;
}

/* An error label with its companion that skips adding the traceback entry. */
static Label *new_error_label(Fn *fn, const char *what)
{
    Label *l = new_label(fn, what);
    l->skip = pyx_arena_new(A, Label);
    l->skip->name = pyx_arena_printf(A, "%s_tb", l->name);
    return l;
}

static void place_label(Fn *fn, Label *l)
{
    if (l->used)
        buf_printf(A, &fn->body, "%s:;\n", l->name);
}

static const char *jump(Label *l)
{
    l->used = true;
    return l->name;
}

static const char *temp(Fn *fn, PyxType *t)
{
    const char *name = pyx_arena_printf(A, "pyx_t_%d", ++fn->ntemp);
    if (t->kind == PYX_TY_OBJECT) {
        buf_printf(A, &fn->decl, "    PyObject *%s = NULL;\n", name);
        if (fn->notemps == fn->cap_otemps) {
            int cap = fn->cap_otemps ? fn->cap_otemps * 2 : 16;
            const char **n = pyx_arena_alloc(A, sizeof *n * (size_t)cap);
            if (fn->notemps)
                memcpy(n, fn->otemps, sizeof *n * (size_t)fn->notemps);
            fn->otemps = n;
            fn->cap_otemps = cap;
        }
        fn->otemps[fn->notemps++] = name;
    } else {
        buf_printf(A, &fn->decl, "    %s = 0;\n", pyx_type_decl(A, t, name));
    }
    return name;
}

/* 'if (cond) goto error' with the statement's line for the traceback */
static void check(Fn *fn, const char *cond, PyxLoc loc)
{
    fn->lineno_used = 1;
    line(fn, "if (PYX_UNLIKELY(%s)) { pyx_lineno = %u; goto %s; }", cond, loc.line, jump(fn->err));
}

static void goto_error(Fn *fn, PyxLoc loc)
{
    fn->lineno_used = 1;
    line(fn, "pyx_lineno = %u; goto %s;", loc.line, jump(fn->err));
}

static void release(Fn *fn, Val v)
{
    if (v.owned)
        line(fn, "Py_CLEAR(%s);", v.c);
}

static Val cval(const char *c, PyxType *t)
{
    Val v = {c, t, false};
    return v;
}

/* ---- constants ------------------------------------------------------------------- */

/* A C string literal for arbitrary bytes. */
static const char *c_string(PyxArena *a, const char *s, uint32_t len)
{
    Buf b = {0};
    buf_printf(a, &b, "\"");
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(a, &b, "\\%c", c);
        else if (c == '?')
            buf_printf(a, &b, "\\?");
        else if (c >= 0x20 && c < 0x7F)
            buf_printf(a, &b, "%c", c);
        else
            buf_printf(a, &b, "\\%03o", c);
    }
    buf_printf(a, &b, "\"");
    return b.p;
}

static const char *new_const(Emit *E, const char *init_fmt, const char *arg1, uint32_t n)
{
    const char *name = pyx_arena_printf(E->a, "pyx_k_%d", ++E->nconsts);
    buf_printf(E->a, &E->consts, "static PyObject *%s;\n", name);
    buf_printf(E->a, &E->const_init, "    %s = ", name);
    buf_printf(E->a, &E->const_init, init_fmt, arg1, n);
    buf_printf(E->a, &E->const_init, ";\n    if (!%s) return -1;\n", name);
    return name;
}

/* The interned str constant for an identifier (attribute and global names). */
static const char *name_const(Emit *E, const char *name)
{
    for (int i = 0; i < E->nnames; i++)
        if (strcmp(E->names[i], name) == 0)
            return pyx_arena_printf(E->a, "pyx_n_%d", i);
    if (E->nnames == E->cap_names) {
        int cap = E->cap_names ? E->cap_names * 2 : 32;
        const char **n = pyx_arena_alloc(E->a, sizeof *n * (size_t)cap);
        if (E->nnames)
            memcpy(n, E->names, sizeof *n * (size_t)E->nnames);
        E->names = n;
        E->cap_names = cap;
    }
    E->names[E->nnames] = name;
    const char *c = pyx_arena_printf(E->a, "pyx_n_%d", E->nnames);
    buf_printf(E->a, &E->consts, "static PyObject *%s;  /* '%s' */\n", c, name);
    buf_printf(E->a, &E->const_init, "    %s = PyUnicode_InternFromString(%s);\n    if (!%s) return -1;\n",
               c, c_string(E->a, name, (uint32_t)strlen(name)), c);
    E->nnames++;
    return c;
}

static const char *str_const(Emit *E, PyxNode *s)
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

static const char *strip_underscores(PyxArena *a, const char *s)
{
    char *r = pyx_arena_strdup(a, s), *w = r;
    for (const char *p = s; *p; p++)
        if (*p != '_')
            *w++ = *p;
    *w = '\0';
    return r;
}

/* ---- conversions ------------------------------------------------------------------- */

static Val emit_expr(Fn *fn, PyxNode *e);

/* A C value as a new Python object (or the object itself). */
static Val to_object(Fn *fn, Val v, PyxLoc loc)
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
static const char *to_new_ref(Fn *fn, Val v, PyxLoc loc)
{
    v = to_object(fn, v, loc);
    if (!v.owned)
        line(fn, "Py_INCREF(%s);", v.c);
    return v.c;
}

static const char *type_object_of(PyxBuiltin b)
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
static Val coerce(Fn *fn, Val v, PyxType *to, PyxLoc loc)
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
static void move_into(Fn *fn, const char *res, Val v)
{
    line(fn, "%s = %s;", res, v.c);
    if (v.t->kind == PYX_TY_OBJECT) {
        if (v.owned)
            line(fn, "%s = NULL;", v.c);
        else
            line(fn, "Py_INCREF(%s);", res);
    }
}

/* Closes n blocks opened with 'if (...) {'. */
static void close_blocks(Fn *fn, int n)
{
    while (n-- > 0) {
        fn->indent--;
        line(fn, "}");
    }
}

/* A C value computed once into a temp (so it can be used twice). */
static Val materialize(Fn *fn, Val v)
{
    if (v.t->kind == PYX_TY_OBJECT || v.t->kind == PYX_TY_ERROR)
        return v;
    const char *t = temp(fn, v.t->kind == PYX_TY_ARRAY ? pyx_type_ptr(A, v.t->base) : v.t);
    line(fn, "%s = %s;", t, v.c);
    return cval(t, v.t->kind == PYX_TY_ARRAY ? pyx_type_ptr(A, v.t->base) : v.t);
}

static Val emit_as(Fn *fn, PyxNode *e, PyxType *to)
{
    return coerce(fn, emit_expr(fn, e), to, e->loc);
}

/* ---- names --------------------------------------------------------------------------- */

static Val emit_name(Fn *fn, PyxNode *e)
{
    PyxSymbol *sym = e->sym;
    if (e->type && e->type->kind == PYX_TY_NULL)
        return cval("NULL", &pyx_type_null);
    switch (sym->kind) {
    case PYX_SYM_LOCAL:
        if (sym->type->kind == PYX_TY_OBJECT && !sym->is_param)
            check(fn, pyx_arena_printf(A, "!%s && (pyx_rt_unbound_local(\"%s\"), 1)", sym->cname, sym->name), e->loc);
        return cval(sym->cname, sym->type);
    case PYX_SYM_CGLOBAL:
        return cval(sym->cname, sym->type);
    case PYX_SYM_EXTERN:
        if (sym->value)
            return emit_expr(fn, sym->value);
        return cval(sym->cname, sym->type);
    case PYX_SYM_BUILTIN: {
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_get_builtin(%s);", t, name_const(fn->E, sym->name));
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        Val v = {t, &pyx_type_object, true};
        return v;
    }
    default: {   /* module globals and def functions live in the module dict */
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_get_global(pyx_d, %s);", t, name_const(fn->E, sym->name));
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        Val v = {t, &pyx_type_object, true};
        return v;
    }
    }
}

/* ---- operators ------------------------------------------------------------------------- */

static const char *c_op(int op)
{
    switch (op) {
    case PYX_OP_ADD: return "+";
    case PYX_OP_SUB: return "-";
    case PYX_OP_MUL: return "*";
    case PYX_OP_DIV: return "/";
    case PYX_OP_FLOORDIV: return "/";
    case PYX_OP_MOD: return "%";
    case PYX_OP_LSHIFT: return "<<";
    case PYX_OP_RSHIFT: return ">>";
    case PYX_OP_BITOR: return "|";
    case PYX_OP_BITXOR: return "^";
    case PYX_OP_BITAND: return "&";
    case PYX_OP_EQ: return "==";
    case PYX_OP_NE: return "!=";
    case PYX_OP_LT: return "<";
    case PYX_OP_LE: return "<=";
    case PYX_OP_GT: return ">";
    case PYX_OP_GE: return ">=";
    case PYX_OP_IS: return "==";
    case PYX_OP_IS_NOT: return "!=";
    default: PYX_UNREACHABLE();
    }
}

static const char *py_number_op(int op, bool inplace)
{
    switch (op) {
    case PYX_OP_ADD: return inplace ? "PyNumber_InPlaceAdd" : "PyNumber_Add";
    case PYX_OP_SUB: return inplace ? "PyNumber_InPlaceSubtract" : "PyNumber_Subtract";
    case PYX_OP_MUL: return inplace ? "PyNumber_InPlaceMultiply" : "PyNumber_Multiply";
    case PYX_OP_MATMUL: return inplace ? "PyNumber_InPlaceMatrixMultiply" : "PyNumber_MatrixMultiply";
    case PYX_OP_DIV: return inplace ? "PyNumber_InPlaceTrueDivide" : "PyNumber_TrueDivide";
    case PYX_OP_FLOORDIV: return inplace ? "PyNumber_InPlaceFloorDivide" : "PyNumber_FloorDivide";
    case PYX_OP_MOD: return inplace ? "PyNumber_InPlaceRemainder" : "PyNumber_Remainder";
    case PYX_OP_LSHIFT: return inplace ? "PyNumber_InPlaceLshift" : "PyNumber_Lshift";
    case PYX_OP_RSHIFT: return inplace ? "PyNumber_InPlaceRshift" : "PyNumber_Rshift";
    case PYX_OP_BITOR: return inplace ? "PyNumber_InPlaceOr" : "PyNumber_Or";
    case PYX_OP_BITXOR: return inplace ? "PyNumber_InPlaceXor" : "PyNumber_Xor";
    case PYX_OP_BITAND: return inplace ? "PyNumber_InPlaceAnd" : "PyNumber_And";
    default: return NULL;
    }
}

static int rich_op(int op)
{
    switch (op) {
    case PYX_OP_LT: return 0;
    case PYX_OP_LE: return 1;
    case PYX_OP_EQ: return 2;
    case PYX_OP_NE: return 3;
    case PYX_OP_GT: return 4;
    case PYX_OP_GE: return 5;
    default: return -1;
    }
}

static const char *const rich_names[] = {"Py_LT", "Py_LE", "Py_EQ", "Py_NE", "Py_GT", "Py_GE"};

/* Python operator on two objects -> owned result. */
static Val object_binop(Fn *fn, int op, Val l, Val r, bool inplace, PyxLoc loc)
{
    const char *t = temp(fn, &pyx_type_object);
    if (op == PYX_OP_POW)
        line(fn, "%s = %s(%s, %s, Py_None);", t, inplace ? "PyNumber_InPlacePower" : "PyNumber_Power", l.c, r.c);
    else
        line(fn, "%s = %s(%s, %s);", t, py_number_op(op, inplace), l.c, r.c);
    release(fn, l);
    release(fn, r);
    check(fn, pyx_arena_printf(A, "!%s", t), loc);
    Val v = {t, &pyx_type_object, true};
    return v;
}

/* C arithmetic with Python's semantics where they differ from C:
   '/' is true division, '//' and '%' floor (unless cdivision), and
   division by zero raises ZeroDivisionError. */
static Val c_binop(Fn *fn, int op, Val l, Val r, PyxType *rt, PyxLoc loc)
{
    bool cdiv = fn->f ? fn->f->cdivision : fn->E->m->cdivision;
    PyxType *t = rt;
    if (op == PYX_OP_DIV) {
        Val a = coerce(fn, l, &pyx_type_double, loc), b = coerce(fn, r, &pyx_type_double, loc);
        if (cdiv && (l.t->kind == PYX_TY_FLOAT || r.t->kind == PYX_TY_FLOAT))
            return cval(pyx_arena_printf(A, "(%s / %s)", a.c, b.c), t);
        const char *res = temp(fn, &pyx_type_double);
        check(fn, pyx_arena_printf(A, "pyx_rt_truediv_double(%s, %s, &%s) < 0", a.c, b.c, res), loc);
        return cval(res, t);
    }
    if (op == PYX_OP_FLOORDIV || op == PYX_OP_MOD) {
        Val a = coerce(fn, l, t, loc), b = coerce(fn, r, t, loc);
        if (cdiv && t->kind == PYX_TY_INT)
            return cval(pyx_arena_printf(A, "(%s %s %s)", a.c, c_op(op), b.c), t);
        const char *res = temp(fn, t);
        const char *rtn = t->kind == PYX_TY_FLOAT ? "double" : t->rt;
        check(fn, pyx_arena_printf(A, "pyx_rt_%s_%s(%s, %s, &%s) < 0", op == PYX_OP_MOD ? "mod" : "floordiv",
                                   rtn, a.c, b.c, res), loc);
        return cval(res, t);
    }
    if (op == PYX_OP_POW) {
        if (t->kind == PYX_TY_INT) {
            /* a non-negative literal exponent: repeated multiplication */
            Val base = materialize(fn, coerce(fn, l, t, loc));
            long k = strtol(r.c, NULL, 10);
            if (k == 0)
                return cval(pyx_arena_printf(A, "((%s)1)", t->cname), t);
            Buf b = {0};
            buf_printf(A, &b, "(%s", base.c);
            for (long i = 1; i < k; i++)
                buf_printf(A, &b, " * %s", base.c);
            buf_printf(A, &b, ")");
            return cval(b.p, t);
        }
        Val a = coerce(fn, l, &pyx_type_double, loc), b = coerce(fn, r, &pyx_type_double, loc);
        return cval(pyx_arena_printf(A, "pow(%s, %s)", a.c, b.c), &pyx_type_double);
    }
    if (l.t->kind == PYX_TY_PTR || l.t->kind == PYX_TY_ARRAY)
        return cval(pyx_arena_printf(A, "(%s %s %s)", l.c, c_op(op), r.c), rt);
    Val a = coerce(fn, l, t, loc), b = coerce(fn, r, t, loc);
    return cval(pyx_arena_printf(A, "(%s %s %s)", a.c, c_op(op), b.c), t);
}

/* Does evaluating e emit no statements?  (C names, constants and C
   arithmetic that cannot raise.)  Then an operand to its left needs no temp
   to keep Python's left-to-right order. */
static bool pure_c(const PyxNode *e)
{
    if (e->type == NULL || !pyx_type_is_c(e->type))
        return false;
    switch (e->kind) {
    case PYX_NODE_INT: case PYX_NODE_FLOAT: case PYX_NODE_TRUE: case PYX_NODE_FALSE:
        return true;
    case PYX_NODE_NAME:
        return e->sym && (e->sym->kind == PYX_SYM_LOCAL || e->sym->kind == PYX_SYM_CGLOBAL
                          || (e->sym->kind == PYX_SYM_EXTERN && !e->sym->value));
    case PYX_NODE_BINOP:
        if (e->op == PYX_OP_DIV || e->op == PYX_OP_FLOORDIV || e->op == PYX_OP_MOD || e->op == PYX_OP_POW)
            return false;
        return pure_c(e->left) && pure_c(e->right);
    case PYX_NODE_UNARYOP:
        return pure_c(e->value);
    case PYX_NODE_CAST:
        return pure_c(e->value);
    case PYX_NODE_SUBSCRIPT:
        return pure_c(e->value) && pure_c(e->right);
    default:
        return false;
    }
}

static Val emit_binop(Fn *fn, PyxNode *e)
{
    Val l = emit_expr(fn, e->left);
    if (e->type->kind == PYX_TY_OBJECT) {
        Val lo = to_object(fn, l, e->loc);
        Val ro = to_object(fn, emit_expr(fn, e->right), e->loc);
        return object_binop(fn, e->op, lo, ro, false, e->loc);
    }
    /* keep left-to-right order when the right side has effects */
    if (!(l.t->kind == PYX_TY_PTR || l.t->kind == PYX_TY_ARRAY) && !pure_c(e->right))
        l = materialize(fn, l);
    Val r = emit_expr(fn, e->right);
    PyxType *t = e->type;
    if (e->op == PYX_OP_DIV)
        t = pyx_type_promote(l.t, r.t);
    if (e->op == PYX_OP_POW && e->type->kind == PYX_TY_INT)
        r.c = e->right->name;   /* a small literal exponent: repeated multiplication */
    Val v = c_binop(fn, e->op, l, r, t, e->loc);
    v.t = e->type;
    return v;
}

/* ---- conditions ----------------------------------------------------------------------- */

static const char *emit_truth(Fn *fn, Val v, PyxLoc loc)
{
    if (v.t->kind == PYX_TY_OBJECT) {
        const char *t = temp(fn, &pyx_type_int);
        line(fn, "%s = PyObject_IsTrue(%s);", t, v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(A, "%s < 0", t), loc);
        return t;
    }
    if (v.t->kind == PYX_TY_PTR || v.t->kind == PYX_TY_NULL)
        return pyx_arena_printf(A, "(%s != NULL)", v.c);
    return pyx_arena_printf(A, "(%s)", v.c);
}

/* One comparison 'a op b' as a C truth value (int). */
static const char *compare_truth(Fn *fn, int op, Val a, Val b, PyxLoc loc)
{
    if (pyx_type_is_c(a.t) && pyx_type_is_c(b.t) && op != PYX_OP_IN && op != PYX_OP_NOT_IN) {
        if (pyx_type_is_numeric(a.t) && pyx_type_is_numeric(b.t)) {
            PyxType *t = pyx_type_promote(a.t, b.t);
            a = coerce(fn, a, t, loc);
            b = coerce(fn, b, t, loc);
        }
        return pyx_arena_printf(A, "(%s %s %s)", a.c, c_op(op), b.c);
    }
    Val ao = to_object(fn, a, loc), bo = to_object(fn, b, loc);
    const char *t = temp(fn, &pyx_type_int);
    if (op == PYX_OP_IS || op == PYX_OP_IS_NOT) {
        if (strcmp(ao.c, bo.c) == 0)   /* 'None is None': C would warn about x == x */
            line(fn, "%s = %d;", t, op == PYX_OP_IS);
        else
            line(fn, "%s = (%s %s %s);", t, ao.c, op == PYX_OP_IS ? "==" : "!=", bo.c);
        release(fn, ao);
        release(fn, bo);
        return t;
    }
    if (op == PYX_OP_IN || op == PYX_OP_NOT_IN) {
        line(fn, "%s = PySequence_Contains(%s, %s);", t, bo.c, ao.c);
        release(fn, ao);
        release(fn, bo);
        check(fn, pyx_arena_printf(A, "%s < 0", t), loc);
        if (op == PYX_OP_NOT_IN)
            line(fn, "%s = !%s;", t, t);
        return t;
    }
    line(fn, "%s = PyObject_RichCompareBool(%s, %s, %s);", t, ao.c, bo.c, rich_names[rich_op(op)]);
    release(fn, ao);
    release(fn, bo);
    check(fn, pyx_arena_printf(A, "%s < 0", t), loc);
    return t;
}

static const char *emit_cond(Fn *fn, PyxNode *e);
static bool pure_c(const PyxNode *e);
static Val emit_comprehension(Fn *fn, PyxNode *e);

/* 'a < b < c' evaluates b once and stops at the first false comparison. */
static const char *compare_chain_truth(Fn *fn, PyxNode *e)
{
    Val left = emit_expr(fn, e->left);
    if (e->items.len == 1) {
        if (pyx_type_is_c(left.t) && !pure_c(e->items.items[0]->value))
            left = materialize(fn, left);
        Val right = emit_expr(fn, e->items.items[0]->value);
        return compare_truth(fn, e->items.items[0]->op, left, right, e->loc);
    }
    const char *res = temp(fn, &pyx_type_int);
    if (left.t->kind != PYX_TY_OBJECT)
        left = materialize(fn, left);
    int opened = 0;
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *c = e->items.items[i];
        Val right = emit_expr(fn, c->value);
        bool last = i == e->items.len - 1;
        if (!last) {
            if (right.t->kind == PYX_TY_OBJECT) {
                if (!right.owned) {
                    const char *t = temp(fn, &pyx_type_object);
                    line(fn, "%s = %s; Py_INCREF(%s);", t, right.c, t);
                    right.c = t;
                    right.owned = true;
                }
            } else {
                right = materialize(fn, right);
            }
        }
        Val keep = right;
        if (!last && right.owned) {
            /* compare_truth releases its operands: give it a borrowed view */
            keep.owned = false;
        }
        const char *t = compare_truth(fn, c->op, left, keep, c->loc);
        line(fn, "%s = %s;", res, t);
        if (left.owned)
            release(fn, left);
        left = right;
        if (!last) {
            line(fn, "if (%s) {", res);
            fn->indent++;
            opened++;
        } else if (left.owned) {
            release(fn, left);
        }
    }
    close_blocks(fn, opened);
    /* a chain stopped early leaves its pending operand owned: clear it */
    return res;
}

static const char *emit_cond(Fn *fn, PyxNode *e)
{
    if (e->kind == PYX_NODE_NOT)
        return pyx_arena_printf(A, "(!%s)", emit_cond(fn, e->value));
    if (e->kind == PYX_NODE_COMPARE)
        return compare_chain_truth(fn, e);
    if (e->kind == PYX_NODE_BOOLOP) {
        const char *res = temp(fn, &pyx_type_int);
        int opened = 0;
        for (int i = 0; i < e->items.len; i++) {
            line(fn, "%s = %s;", res, emit_cond(fn, e->items.items[i]));
            if (i < e->items.len - 1) {
                line(fn, "if (%s%s) {", e->op == PYX_OP_AND ? "" : "!", res);
                fn->indent++;
                opened++;
            }
        }
        close_blocks(fn, opened);
        return res;
    }
    return emit_truth(fn, emit_expr(fn, e), e->loc);
}

/* ---- calls -------------------------------------------------------------------------------- */

/* The error test for a call of a C function with exception spec 'f'. */
static const char *exc_test(Fn *fn, PyxFunc *f, const char *res)
{
    if (f->nothrow)
        return NULL;
    switch (f->exc) {
    case PYX_EXC_VALUE:
        return pyx_arena_printf(A, "%s == %s", res, f->exc_value);
    case PYX_EXC_CHECK:
        return pyx_arena_printf(A, "%s == %s && PyErr_Occurred()", res, f->exc_value);
    case PYX_EXC_STAR:
        return "PyErr_Occurred()";
    case PYX_EXC_NULL:
        return pyx_arena_printf(A, "!%s", res);
    default:
        return NULL;
    }
}

static Val emit_c_call(Fn *fn, PyxNode *e)
{
    PyxSymbol *sym = e->value->sym;
    PyxFunc *f = sym->kind == PYX_SYM_FUNC ? sym->func : NULL;
    PyxType *ft = f ? NULL : (sym->type->kind == PYX_TY_FUNC ? sym->type : sym->type->base);
    Buf args = {0};
    Val *owned = pyx_arena_alloc(A, sizeof(Val) * (size_t)(e->items.len + 1));
    int nowned = 0;
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *arg = e->items.items[i];
        if (arg == NULL) {   /* the default, evaluated when the def statement ran */
            buf_printf(A, &args, "%spyx_dflt_%s_%d", i ? ", " : "", f->name, i);
            continue;
        }
        PyxType *pt = f ? f->params[i]->type : i < ft->nparams ? ft->params[i] : NULL;
        Val v = emit_expr(fn, arg);
        if (pt)
            v = coerce(fn, v, pt, arg->loc);
        else if (v.t->kind == PYX_TY_FLOAT)
            v = coerce(fn, v, &pyx_type_double, arg->loc);   /* C varargs promote floats */
        if (v.t->kind != PYX_TY_OBJECT && i + 1 < e->items.len)
            v = materialize(fn, v);
        if (v.owned)
            owned[nowned++] = v;
        buf_printf(A, &args, "%s%s", i ? ", " : "", v.c);
    }
    PyxType *ret = f ? f->ret : ft->base;
    const char *callee = f ? f->cname : sym->cname;
    if (!f && sym->kind == PYX_SYM_LOCAL)
        callee = pyx_arena_printf(A, "(*%s)", sym->cname);
    const char *call = pyx_arena_printf(A, "%s(%s)", callee, args.p ? args.p : "");
    if (ret->kind == PYX_TY_VOID) {
        line(fn, "%s;", call);
        for (int i = 0; i < nowned; i++)
            release(fn, owned[i]);
        if (f && exc_test(fn, f, ""))
            check(fn, exc_test(fn, f, ""), e->loc);
        return cval("0", &pyx_type_void);
    }
    const char *t = temp(fn, ret);
    line(fn, "%s = %s;", t, call);
    for (int i = 0; i < nowned; i++)
        release(fn, owned[i]);
    if (f && exc_test(fn, f, t))
        check(fn, exc_test(fn, f, t), e->loc);
    Val v = {t, ret, ret->kind == PYX_TY_OBJECT};
    return v;
}

/* Builtins computed in C for C arguments (sema marked them with op = 1). */
static Val emit_c_builtin(Fn *fn, PyxNode *e)
{
    const char *b = e->value->name;
    PyxType *t = e->type;
    if (strcmp(b, "len") == 0) {
        Val o = emit_expr(fn, e->items.items[0]);
        const char *r = temp(fn, &pyx_type_ssize_t);
        line(fn, "%s = PyObject_Length(%s);", r, o.c);
        release(fn, o);
        check(fn, pyx_arena_printf(A, "%s < 0", r), e->loc);
        return cval(r, t);
    }
    if (strcmp(b, "float") == 0)
        return coerce(fn, emit_expr(fn, e->items.items[0]), &pyx_type_double, e->loc);
    if (strcmp(b, "abs") == 0) {
        Val v = materialize(fn, coerce(fn, emit_expr(fn, e->items.items[0]), t, e->loc));
        if (t->kind == PYX_TY_FLOAT)
            return cval(pyx_arena_printf(A, "fabs(%s)", v.c), t);
        if (!t->is_signed)
            return v;
        /* abs(INT_MIN) overflows in C as in Cython; the result type is the operand's */
        return cval(pyx_arena_printf(A, "(%s < 0 ? -%s : %s)", v.c, v.c, v.c), t);
    }
    /* min / max: left to right, first extreme wins as in Python */
    bool is_min = strcmp(b, "min") == 0;
    const char *r = temp(fn, t);
    for (int i = 0; i < e->items.len; i++) {
        Val v = coerce(fn, emit_expr(fn, e->items.items[i]), t, e->loc);
        if (i == 0) {
            line(fn, "%s = %s;", r, v.c);
        } else {
            Val m = materialize(fn, v);
            line(fn, "if (%s %s %s) %s = %s;", m.c, is_min ? "<" : ">", r, r, m.c);
        }
    }
    return cval(r, t);
}

static Val emit_py_call(Fn *fn, PyxNode *e)
{
    Val callee = emit_expr(fn, e->value);
    int n = e->items.len, nk = e->keywords.len;
    Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + nk + 1));
    for (int i = 0; i < n; i++)
        vals[i] = to_object(fn, emit_expr(fn, e->items.items[i]), e->items.items[i]->loc);
    for (int i = 0; i < nk; i++)
        vals[n + i] = to_object(fn, emit_expr(fn, e->keywords.items[i]->value), e->keywords.items[i]->loc);
    const char *kwnames = "NULL";
    if (nk) {
        Buf init = {0};
        buf_printf(A, &init, "PyTuple_Pack(%d", nk);
        for (int i = 0; i < nk; i++)
            buf_printf(A, &init, ", %s", name_const(fn->E, e->keywords.items[i]->name));
        buf_printf(A, &init, ")");
        kwnames = new_const(fn->E, "%s", init.p, 0);
    }
    const char *t = temp(fn, &pyx_type_object);
    Buf args = {0};
    buf_printf(A, &args, "NULL");
    for (int i = 0; i < n + nk; i++)
        buf_printf(A, &args, ", %s", vals[i].c);
    line(fn, "{");
    line(fn, "    PyObject *pyx_args[] = {%s};", args.p);
    line(fn, "    %s = PyObject_Vectorcall(%s, pyx_args + 1, %d | PY_VECTORCALL_ARGUMENTS_OFFSET, %s);",
         t, callee.c, n, kwnames);
    line(fn, "}");
    release(fn, callee);
    for (int i = 0; i < n + nk; i++)
        release(fn, vals[i]);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    Val v = {t, &pyx_type_object, true};
    return v;
}

static Val emit_call(Fn *fn, PyxNode *e)
{
    if (e->value->kind == PYX_NODE_NAME && e->value->sym && e->value->sym->kind == PYX_SYM_BUILTIN
        && strcmp(e->value->name, "globals") == 0 && e->items.len == 0 && e->keywords.len == 0) {
        /* the module's namespace, not the calling frame's */
        line(fn, "Py_INCREF(pyx_d);");
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_d;", t);
        return (Val){t, &pyx_type_object, true};
    }
    PyxSymbol *sym = e->value->kind == PYX_NODE_NAME ? e->value->sym : NULL;
    if (sym && ((sym->kind == PYX_SYM_FUNC && sym->func && sym->func->is_c)
                || ((sym->kind == PYX_SYM_EXTERN || sym->kind == PYX_SYM_LOCAL) && sym->type
                    && (sym->type->kind == PYX_TY_FUNC || (sym->type->kind == PYX_TY_PTR && sym->type->base->kind == PYX_TY_FUNC)))))
        return emit_c_call(fn, e);
    if (e->op == 1)
        return emit_c_builtin(fn, e);
    return emit_py_call(fn, e);
}

/* ---- displays ------------------------------------------------------------------------------ */

static Val emit_display(Fn *fn, PyxNode *e)
{
    const char *t = temp(fn, &pyx_type_object);
    int n = e->items.len;
    switch (e->kind) {
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: {
        Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
        for (int i = 0; i < n; i++)
            vals[i] = to_object(fn, emit_expr(fn, e->items.items[i]), e->items.items[i]->loc);
        bool tuple = e->kind == PYX_NODE_TUPLE;
        line(fn, "%s = %s(%d);", t, tuple ? "PyTuple_New" : "PyList_New", n);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        for (int i = 0; i < n; i++) {
            if (!vals[i].owned)
                line(fn, "Py_INCREF(%s);", vals[i].c);
            line(fn, "%s(%s, %d, %s);", tuple ? "PyTuple_SET_ITEM" : "PyList_SET_ITEM", t, i, vals[i].c);
            if (vals[i].owned)
                line(fn, "%s = NULL;", vals[i].c);
        }
        break;
    }
    case PYX_NODE_SET:
        line(fn, "%s = PySet_New(NULL);", t);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        for (int i = 0; i < n; i++) {
            Val v = to_object(fn, emit_expr(fn, e->items.items[i]), e->items.items[i]->loc);
            const char *r = temp(fn, &pyx_type_int);
            line(fn, "%s = PySet_Add(%s, %s);", r, t, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "%s < 0", r), e->loc);
        }
        break;
    case PYX_NODE_DICT:
        line(fn, "%s = PyDict_New();", t);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        for (int i = 0; i < n; i++) {
            PyxNode *it = e->items.items[i];
            Val k = to_object(fn, emit_expr(fn, it->left), it->loc);
            Val v = to_object(fn, emit_expr(fn, it->value), it->loc);
            const char *r = temp(fn, &pyx_type_int);
            line(fn, "%s = PyDict_SetItem(%s, %s, %s);", r, t, k.c, v.c);
            release(fn, k);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "%s < 0", r), e->loc);
        }
        break;
    default:
        PYX_UNREACHABLE();
    }
    Val v = {t, e->type, true};
    return v;
}

/* ---- expressions --------------------------------------------------------------------------- */

/* The key of obj[key] as an object: a slice object for obj[a:b:c]. */
static Val emit_key(Fn *fn, PyxNode *right)
{
    if (right->kind != PYX_NODE_SLICE)
        return to_object(fn, emit_expr(fn, right), right->loc);
    Val none = cval("Py_None", &pyx_type_object);
    Val lo = right->lower ? to_object(fn, emit_expr(fn, right->lower), right->loc) : none;
    Val hi = right->upper ? to_object(fn, emit_expr(fn, right->upper), right->loc) : none;
    Val st = right->step ? to_object(fn, emit_expr(fn, right->step), right->loc) : none;
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = PySlice_New(%s, %s, %s);", t, lo.c, hi.c, st.c);
    release(fn, lo);
    release(fn, hi);
    release(fn, st);
    check(fn, pyx_arena_printf(A, "!%s", t), right->loc);
    return (Val){t, &pyx_type_object, true};
}

/* f'...': each replacement field converted (!r !s !a), formatted with its
   spec (itself an f-string), and the pieces joined. */
static Val emit_fstring(Fn *fn, PyxNode *e)
{
    int n = e->items.len;
    Val *parts = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        PyxNode *p = e->items.items[i];
        if (p->kind == PYX_NODE_STR) {
            parts[i] = cval(str_const(fn->E, p), p->type);
            continue;
        }
        Val v = to_object(fn, emit_expr(fn, p->value), p->loc);
        if (p->op) {
            const char *conv = p->op == 'r' ? "PyObject_Repr" : p->op == 'a' ? "PyObject_ASCII" : "PyObject_Str";
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = %s(%s);", t, conv, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "!%s", t), p->loc);
            v = (Val){t, &pyx_type_object, true};
        }
        Val spec = p->right ? emit_fstring(fn, p->right) : cval(new_const(fn->E, "PyUnicode_FromStringAndSize(%s, %u)", "\"\"", 0), &pyx_type_object);
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_Format(%s, %s);", t, v.c, spec.c);
        release(fn, v);
        release(fn, spec);
        check(fn, pyx_arena_printf(A, "!%s", t), p->loc);
        parts[i] = (Val){t, &pyx_type_object, true};
    }
    const char *tuple = temp(fn, &pyx_type_object);
    line(fn, "%s = PyTuple_New(%d);", tuple, n);
    check(fn, pyx_arena_printf(A, "!%s", tuple), e->loc);
    for (int i = 0; i < n; i++) {
        if (!parts[i].owned)
            line(fn, "Py_INCREF(%s);", parts[i].c);
        line(fn, "PyTuple_SET_ITEM(%s, %d, %s);", tuple, i, parts[i].c);
        if (parts[i].owned)
            line(fn, "%s = NULL;", parts[i].c);
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = PyUnicode_Join(%s, %s);", t,
         new_const(fn->E, "PyUnicode_FromStringAndSize(%s, %u)", "\"\"", 0), tuple);
    line(fn, "Py_CLEAR(%s);", tuple);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    return (Val){t, e->type, true};
}

static Val emit_subscript(Fn *fn, PyxNode *e)
{
    Val base = emit_expr(fn, e->value);
    if (base.t->kind == PYX_TY_PTR || base.t->kind == PYX_TY_ARRAY) {
        Val idx = emit_expr(fn, e->right);
        return cval(pyx_arena_printf(A, "%s[%s]", base.c, idx.c), e->type);
    }
    Val key = emit_key(fn, e->right);
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = PyObject_GetItem(%s, %s);", t, base.c, key.c);
    release(fn, base);
    release(fn, key);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    return (Val){t, &pyx_type_object, true};
}

static Val emit_expr(Fn *fn, PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_NAME:
        return emit_name(fn, e);
    case PYX_NODE_INT:
        if (e->type->kind == PYX_TY_OBJECT) {
            const char *c = new_const(fn->E, "PyLong_FromString(%s, NULL, 0)",
                                      c_string(A, strip_underscores(A, e->name), (uint32_t)strlen(strip_underscores(A, e->name))), 0);
            return cval(c, &pyx_type_object);
        } else {
            const char *s = strip_underscores(A, e->name);
            /* octal literals are written 0o17 in Python, 017 in C */
            if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
                s = pyx_arena_printf(A, "0%s", s + 2);
            else if (s[0] == '-' && s[1] == '0' && (s[2] == 'o' || s[2] == 'O'))
                s = pyx_arena_printf(A, "-0%s", s + 3);
            if (s[0] == '-')
                return cval(pyx_arena_printf(A, "(%sL)", s), e->type);
            return cval(pyx_arena_printf(A, "%sL", s), e->type);
        }
    case PYX_NODE_FLOAT: {
        const char *s = strip_underscores(A, e->name);
        if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL && strchr(s, 'E') == NULL)
            s = pyx_arena_printf(A, "%s.0", s);
        if (s[0] == '.')
            s = pyx_arena_printf(A, "0%s", s);
        return cval(s, &pyx_type_double);
    }
    case PYX_NODE_IMAG: {
        const char *s = strip_underscores(A, e->name);
        const char *c = new_const(fn->E, "PyComplex_FromDoubles(0.0, %s)",
                                  pyx_arena_strndup(A, s, strlen(s) - 1), 0);
        return cval(c, &pyx_type_object);
    }
    case PYX_NODE_STR:
        if (e->type->kind == PYX_TY_PTR)   /* b"..." as a C string */
            return cval(c_string(A, e->name, e->len), e->type);
        if (e->flags & PYX_F(CHAR))
            return cval(pyx_arena_printf(A, "((char)%d)", (int)(signed char)e->name[0]), &pyx_type_char);
        return cval(str_const(fn->E, e), e->type);
    case PYX_NODE_TRUE:
        return cval("1", &pyx_type_bint);
    case PYX_NODE_FALSE:
        return cval("0", &pyx_type_bint);
    case PYX_NODE_NONE:
        return cval("Py_None", &pyx_type_object);
    case PYX_NODE_ELLIPSIS:
        return cval("Py_Ellipsis", &pyx_type_object);
    case PYX_NODE_BINOP:
        return emit_binop(fn, e);
    case PYX_NODE_UNARYOP: {
        Val v = emit_expr(fn, e->value);
        if (e->type->kind == PYX_TY_OBJECT) {
            v = to_object(fn, v, e->loc);
            const char *t = temp(fn, &pyx_type_object);
            const char *f = e->op == PYX_OP_UMINUS ? "PyNumber_Negative" : e->op == PYX_OP_UPLUS ? "PyNumber_Positive" : "PyNumber_Invert";
            line(fn, "%s = %s(%s);", t, f, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
            return (Val){t, &pyx_type_object, true};
        }
        v = coerce(fn, v, e->type, e->loc);
        const char *op = e->op == PYX_OP_UMINUS ? "-" : e->op == PYX_OP_UPLUS ? "+" : "~";
        return cval(pyx_arena_printf(A, "(%s%s)", op, v.c), e->type);
    }
    case PYX_NODE_NOT:
        return cval(emit_cond(fn, e), &pyx_type_bint);
    case PYX_NODE_COMPARE:
        if (e->type->kind != PYX_TY_OBJECT)
            return cval(compare_chain_truth(fn, e), &pyx_type_bint);
        if (e->items.len == 1 && rich_op(e->items.items[0]->op) >= 0) {
            Val a = to_object(fn, emit_expr(fn, e->left), e->loc);
            Val b = to_object(fn, emit_expr(fn, e->items.items[0]->value), e->loc);
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = PyObject_RichCompare(%s, %s, %s);", t, a.c, b.c, rich_names[rich_op(e->items.items[0]->op)]);
            release(fn, a);
            release(fn, b);
            check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
            return (Val){t, &pyx_type_object, true};
        } else {
            /* chains and is/in: compute the truth, then the bool */
            const char *c = compare_chain_truth(fn, e);
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = PyBool_FromLong(%s);", t, c);
            return (Val){t, &pyx_type_object, true};
        }
    case PYX_NODE_BOOLOP: {
        /* 'a and b' is a if a is false, else b; the result has e's type */
        const char *res = temp(fn, e->type);
        int opened = 0;
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            Val v = coerce(fn, emit_expr(fn, it), e->type, it->loc);
            if (e->type->kind == PYX_TY_OBJECT && i > 0)
                line(fn, "Py_CLEAR(%s);", res);
            move_into(fn, res, v);
            if (i < e->items.len - 1) {
                const char *truth = emit_truth(fn, (Val){res, e->type, false}, it->loc);
                line(fn, "if (%s%s) {", e->op == PYX_OP_AND ? "" : "!", truth);
                fn->indent++;
                opened++;
            }
        }
        close_blocks(fn, opened);
        Val r = {res, e->type, e->type->kind == PYX_TY_OBJECT};
        return r;
    }
    case PYX_NODE_IF_EXP: {
        const char *cond = emit_cond(fn, e->test);
        const char *res = temp(fn, e->type);
        line(fn, "if (%s) {", cond);
        fn->indent++;
        move_into(fn, res, coerce(fn, emit_expr(fn, e->left), e->type, e->loc));
        fn->indent--;
        line(fn, "} else {");
        fn->indent++;
        move_into(fn, res, coerce(fn, emit_expr(fn, e->right), e->type, e->loc));
        fn->indent--;
        line(fn, "}");
        return (Val){res, e->type, e->type->kind == PYX_TY_OBJECT};
    }
    case PYX_NODE_CALL:
        return emit_call(fn, e);
    case PYX_NODE_ATTRIBUTE: {
        Val o = emit_expr(fn, e->value);
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_GetAttr(%s, %s);", t, o.c, name_const(fn->E, e->name));
        release(fn, o);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        return (Val){t, &pyx_type_object, true};
    }
    case PYX_NODE_SUBSCRIPT:
        return emit_subscript(fn, e);
    case PYX_NODE_FSTRING:
        return emit_fstring(fn, e);
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP:
        return emit_comprehension(fn, e);
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: case PYX_NODE_SET: case PYX_NODE_DICT:
        return emit_display(fn, e);
    case PYX_NODE_CAST: {
        Val v = emit_expr(fn, e->value);
        if (e->type->kind == PYX_TY_OBJECT) {
            v = to_object(fn, v, e->loc);
            v.t = e->type;   /* <list>x is unchecked, as in Cython */
            return v;
        }
        if (v.t->kind == PYX_TY_OBJECT)
            return coerce(fn, v, e->type, e->loc);
        return cval(pyx_arena_printf(A, "((%s)(%s))", pyx_type_decl(A, e->type, ""), v.c), e->type);
    }
    case PYX_NODE_ADDRESS_OF: {
        Val v = emit_expr(fn, e->value);
        return cval(pyx_arena_printf(A, "(&%s)", v.c), e->type);
    }
    case PYX_NODE_SIZEOF:
        if (e->ctype) {   /* sema resolved the type into e->ctype->type */
            return cval(pyx_arena_printf(A, "sizeof(%s)", pyx_type_decl(A, e->ctype->type, "")), &pyx_type_size_t);
        } else {
            Val v = emit_expr(fn, e->value);
            return cval(pyx_arena_printf(A, "sizeof(%s)", v.c), &pyx_type_size_t);
        }
    default:
        PYX_UNREACHABLE();
    }
}

/* ---- assignment ------------------------------------------------------------------------------ */

/* Stores v (consumed: an owned value is moved, a borrowed one increfed)
   into the object slot 'dst', releasing what dst held. */
static void store_object(Fn *fn, const char *dst, Val v, PyxLoc loc)
{
    const char *nv = to_new_ref(fn, v, loc);
    line(fn, "Py_XSETREF(%s, %s);", dst, nv);
    if (v.owned || v.t->kind != PYX_TY_OBJECT)
        line(fn, "%s = NULL;", nv);
}

static void assign_to(Fn *fn, PyxNode *target, Val v)
{
    PyxLoc loc = target->loc;
    switch (target->kind) {
    case PYX_NODE_NAME: {
        PyxSymbol *sym = target->sym;
        if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL) {
            Val c = coerce(fn, v, sym->type, loc);
            if (sym->type->kind == PYX_TY_OBJECT)
                store_object(fn, sym->cname, c, loc);
            else
                line(fn, "%s = %s;", sym->cname, c.c);
            return;
        }
        Val o = to_object(fn, v, loc);
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = PyDict_SetItem(pyx_d, %s, %s);", r, name_const(fn->E, sym->name), o.c);
        release(fn, o);
        check(fn, pyx_arena_printf(A, "%s < 0", r), loc);
        return;
    }
    case PYX_NODE_SUBSCRIPT: {
        Val base = emit_expr(fn, target->value);
        if (base.t->kind == PYX_TY_PTR || base.t->kind == PYX_TY_ARRAY) {
            Val idx = emit_expr(fn, target->right);
            Val c = coerce(fn, v, target->type, loc);
            line(fn, "%s[%s] = %s;", base.c, idx.c, c.c);
            return;
        }
        Val key = emit_key(fn, target->right);
        Val o = to_object(fn, v, loc);
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = PyObject_SetItem(%s, %s, %s);", r, base.c, key.c, o.c);
        release(fn, base);
        release(fn, key);
        release(fn, o);
        check(fn, pyx_arena_printf(A, "%s < 0", r), loc);
        return;
    }
    case PYX_NODE_ATTRIBUTE: {
        Val base = emit_expr(fn, target->value);
        Val o = to_object(fn, v, loc);
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = PyObject_SetAttr(%s, %s, %s);", r, base.c, name_const(fn->E, target->name), o.c);
        release(fn, base);
        release(fn, o);
        check(fn, pyx_arena_printf(A, "%s < 0", r), loc);
        return;
    }
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: {
        /* unpack into owned temps first, so a failing conversion of one
           target still releases the rest */
        int n = target->items.len;
        Val o = to_object(fn, v, loc);
        const char *arr = pyx_arena_printf(A, "pyx_u_%d", ++fn->ntemp);
        buf_printf(A, &fn->decl, "    PyObject *%s[%d];\n", arr, n);
        check(fn, pyx_arena_printf(A, "pyx_rt_unpack(%s, %d, %s) < 0", o.c, n, arr), loc);
        release(fn, o);
        const char **items = pyx_arena_alloc(A, sizeof(char *) * (size_t)n);
        for (int i = 0; i < n; i++) {
            items[i] = temp(fn, &pyx_type_object);
            line(fn, "%s = %s[%d];", items[i], arr, i);
        }
        for (int i = 0; i < n; i++)
            assign_to(fn, target->items.items[i], (Val){items[i], &pyx_type_object, true});
        return;
    }
    default:
        PYX_UNREACHABLE();
    }
}

/* 'a, b = b, a + b': every value first, then every target, left to right. */
static void emit_parallel_assign(Fn *fn, PyxNode *target, PyxNode *value)
{
    int n = target->items.len;
    Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)n);
    for (int i = 0; i < n; i++) {
        Val v = emit_expr(fn, value->items.items[i]);
        if (v.t->kind == PYX_TY_OBJECT && !v.owned) {
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = %s; Py_INCREF(%s);", t, v.c, t);
            v = (Val){t, v.t, true};
        } else if (v.t->kind != PYX_TY_OBJECT) {
            v = materialize(fn, v);
        }
        vals[i] = v;
    }
    for (int i = 0; i < n; i++)
        assign_to(fn, target->items.items[i], vals[i]);
}

/* 'slot op= value' for a C lvalue slot of type tt: C arithmetic with
   Python's operator semantics; a Python operand makes it Python arithmetic
   converted back with a range check (the seed tutorial's OverflowError). */
static void aug_assign_c(Fn *fn, const char *slot, PyxType *tt, PyxNode *s)
{
    Val cur = cval(slot, tt);
    Val v = emit_expr(fn, s->value);
    if (v.t->kind == PYX_TY_OBJECT) {
        Val co = to_object(fn, cur, s->loc);
        Val r = object_binop(fn, s->op, co, v, true, s->loc);
        line(fn, "%s = %s;", slot, coerce(fn, r, tt, s->loc).c);
        return;
    }
    PyxType *t = tt->kind == PYX_TY_PTR ? tt : pyx_type_promote(tt, v.t);
    if (s->op == PYX_OP_POW && t->kind == PYX_TY_INT && s->value->kind != PYX_NODE_INT)
        t = &pyx_type_double;
    if (s->op == PYX_OP_POW && t->kind == PYX_TY_INT)
        v.c = s->value->name;
    Val r = c_binop(fn, s->op, cur, v, s->op == PYX_OP_DIV ? &pyx_type_double : t, s->loc);
    line(fn, "%s = %s;", slot, coerce(fn, r, tt, s->loc).c);
}

static void emit_aug_assign(Fn *fn, PyxNode *s)
{
    PyxNode *tg = s->target;
    PyxType *tt = tg->type;
    if (tg->kind == PYX_NODE_NAME && pyx_type_is_c(tt)) {
        aug_assign_c(fn, tg->sym->cname, tt, s);
        return;
    }
    if (tg->kind == PYX_NODE_SUBSCRIPT && tg->value->type && (tg->value->type->kind == PYX_TY_PTR || tg->value->type->kind == PYX_TY_ARRAY)) {
        Val base = materialize(fn, emit_expr(fn, tg->value));
        Val idx = materialize(fn, emit_expr(fn, tg->right));
        aug_assign_c(fn, pyx_arena_printf(A, "%s[%s]", base.c, idx.c), tt, s);
        return;
    }
    /* object target: read, in-place operator, write back */
    if (tg->kind == PYX_NODE_NAME) {
        Val cur = emit_name(fn, tg);
        Val v = to_object(fn, emit_expr(fn, s->value), s->loc);
        Val r = object_binop(fn, s->op, cur, v, true, s->loc);
        assign_to(fn, tg, r);
        return;
    }
    if (tg->kind == PYX_NODE_ATTRIBUTE) {
        Val base = emit_expr(fn, tg->value);
        if (!base.owned) {
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = %s; Py_INCREF(%s);", t, base.c, t);
            base = (Val){t, &pyx_type_object, true};
        }
        const char *cur = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_GetAttr(%s, %s);", cur, base.c, name_const(fn->E, tg->name));
        check(fn, pyx_arena_printf(A, "!%s", cur), s->loc);
        Val v = to_object(fn, emit_expr(fn, s->value), s->loc);
        Val r = object_binop(fn, s->op, (Val){cur, &pyx_type_object, true}, v, true, s->loc);
        const char *rc = temp(fn, &pyx_type_int);
        line(fn, "%s = PyObject_SetAttr(%s, %s, %s);", rc, base.c, name_const(fn->E, tg->name), r.c);
        release(fn, r);
        release(fn, base);
        check(fn, pyx_arena_printf(A, "%s < 0", rc), s->loc);
        return;
    }
    /* obj[key] op= v */
    Val base = emit_expr(fn, tg->value);
    if (!base.owned) {
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = %s; Py_INCREF(%s);", t, base.c, t);
        base = (Val){t, &pyx_type_object, true};
    }
    Val key = emit_key(fn, tg->right);
    if (!key.owned) {
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = %s; Py_INCREF(%s);", t, key.c, t);
        key = (Val){t, &pyx_type_object, true};
    }
    const char *cur = temp(fn, &pyx_type_object);
    line(fn, "%s = PyObject_GetItem(%s, %s);", cur, base.c, key.c);
    check(fn, pyx_arena_printf(A, "!%s", cur), s->loc);
    Val v = to_object(fn, emit_expr(fn, s->value), s->loc);
    Val r = object_binop(fn, s->op, (Val){cur, &pyx_type_object, true}, v, true, s->loc);
    const char *rc = temp(fn, &pyx_type_int);
    line(fn, "%s = PyObject_SetItem(%s, %s, %s);", rc, base.c, key.c, r.c);
    release(fn, r);
    release(fn, base);
    release(fn, key);
    check(fn, pyx_arena_printf(A, "%s < 0", rc), s->loc);
}

/* ---- statements ------------------------------------------------------------------------------ */

static void emit_stmts(Fn *fn, PyxNodeList *body);

static void emit_line_marker(Fn *fn, PyxNode *s)
{
    const PyxSource *src = s->loc.src;
    uint32_t b, n;
    pyx_source_line(src, s->loc.start, &b, &n);
    char *text = pyx_arena_strndup(A, src->text + b, n);
    for (char *p = text; *p; p++)
        if (*p == '*' && p[1] == '/')
            p[1] = '\\';   /* keep the comment closed */
    while (*text == ' ' || *text == '\t')
        text++;
    if (fn->E->o->line_directives)
        buf_printf(A, &fn->body, "#line %u \"%s\"\n", s->loc.line, fn->E->o->line_name);
    line(fn, "/* %s:%u: %s */", fn->E->o->source_name, s->loc.line, text);
}

typedef void (*BodyFn)(Fn *fn, void *ctx);

static void emit_body_stmts(Fn *fn, void *ctx)
{
    emit_stmts(fn, (PyxNodeList *)ctx);
}

/* Is 'iter' range(...) with C integer arguments, looping into 'target'? */
static bool c_range_loop(PyxNode *target, PyxNode *iter)
{
    if (iter->kind != PYX_NODE_CALL || iter->value->kind != PYX_NODE_NAME || strcmp(iter->value->name, "range") != 0
        || !iter->value->sym || iter->value->sym->kind != PYX_SYM_BUILTIN || iter->keywords.len
        || iter->items.len < 1 || iter->items.len > 3 || target->kind != PYX_NODE_NAME)
        return false;
    for (int i = 0; i < iter->items.len; i++)
        if (!iter->items.items[i] || iter->items.items[i]->type->kind != PYX_TY_INT)
            return false;
    return true;
}

/* for target in range(...) with C integer bounds: a C loop.  The body sees
   'loop' as its innermost loop. */
static void emit_range_loop(Fn *fn, PyxNode *target, PyxNode *call, Loop *loop, BodyFn body, void *ctx)
{
    PyxType *ct = &pyx_type_longlong;
    if (target->type->kind == PYX_TY_INT)
        ct = target->type;
    int n = call->items.len;
    Val start = cval("0", ct), stop, step = cval("1", ct);
    const char *vs = temp(fn, ct), *ve = temp(fn, ct), *vst = temp(fn, ct);
    if (n == 1) {
        stop = emit_as(fn, call->items.items[0], ct);
    } else {
        start = emit_as(fn, call->items.items[0], ct);
        line(fn, "%s = %s;", vs, start.c);
        start = cval(vs, ct);
        stop = emit_as(fn, call->items.items[1], ct);
        if (n == 3)
            step = emit_as(fn, call->items.items[2], ct);
    }
    line(fn, "%s = %s;", vs, start.c);
    line(fn, "%s = %s;", ve, stop.c);
    line(fn, "%s = %s;", vst, step.c);
    long k = 1;
    bool const_step = n < 3;
    if (n == 3) {
        PyxNode *st = call->items.items[2];
        if (st->kind == PYX_NODE_INT) {
            k = strtol(strip_underscores(A, st->name), NULL, 0);
            const_step = true;
        }
    }
    if (n == 3 && (!const_step || k == 0)) {
        fn->lineno_used = 1;
        line(fn, "if (PYX_UNLIKELY(%s == 0)) { pyx_rt_raise_range_step_zero(); pyx_lineno = %u; goto %s; }",
             vst, call->loc.line, jump(fn->err));
    }
    const char *c = temp(fn, ct);
    if (const_step && (k == 1 || k == -1)) {
        /* c < stop with c += 1 cannot pass the type's maximum */
        line(fn, "for (%s = %s; %s %s %s; %s += %s) {", c, vs, c, k > 0 ? "<" : ">", ve, c, vst);
    } else {
        /* other steps count iterations first, so a loop ending near the
           type's limit stops instead of wrapping around */
        const char *cnt = temp(fn, &pyx_type_ulonglong);
        line(fn, "if (%s > 0) %s = %s < %s ? ((unsigned long long)%s - (unsigned long long)%s - 1) / (unsigned long long)%s + 1 : 0;",
             vst, cnt, vs, ve, ve, vs, vst);
        line(fn, "else %s = %s > %s ? ((unsigned long long)%s - (unsigned long long)%s - 1) / (0ULL - (unsigned long long)%s) + 1 : 0;",
             cnt, vs, ve, vs, ve, vst);
        line(fn, "for (%s = %s; %s > 0; %s--, %s += %s) {", c, vs, cnt, cnt, c, vst);
    }
    fn->indent++;
    assign_to(fn, target, cval(c, ct));
    fn->loops[fn->nloops++] = *loop;
    body(fn, ctx);
    fn->nloops--;
    fn->indent--;
    line(fn, "}");
}

/* for target in <any iterable>: PyObject_GetIter / PyIter_Next.  On
   exhaustion jumps to 'natural' when given (a loop else), else leaves the
   loop; either way the caller releases the returned iterator temp. */
static const char *emit_iter_loop(Fn *fn, PyxNode *target, PyxNode *iter, Loop *loop, Label *natural,
                                  BodyFn body, void *ctx)
{
    Val iterable = to_object(fn, emit_expr(fn, iter), iter->loc);
    const char *it = temp(fn, &pyx_type_object);
    line(fn, "%s = PyObject_GetIter(%s);", it, iterable.c);
    release(fn, iterable);
    check(fn, pyx_arena_printf(A, "!%s", it), iter->loc);
    const char *item = temp(fn, &pyx_type_object);
    line(fn, "for (;;) {");
    fn->indent++;
    line(fn, "%s = PyIter_Next(%s);", item, it);
    line(fn, "if (!%s) {", item);
    fn->indent++;
    check(fn, "PyErr_Occurred()", iter->loc);
    if (natural)
        line(fn, "goto %s;", jump(natural));
    else
        line(fn, "break;");
    fn->indent--;
    line(fn, "}");
    assign_to(fn, target, (Val){item, &pyx_type_object, true});
    if (target->type && pyx_type_is_c(target->type))
        line(fn, "Py_CLEAR(%s);", item);
    fn->loops[fn->nloops++] = *loop;
    body(fn, ctx);
    fn->nloops--;
    fn->indent--;
    line(fn, "}");
    return it;
}

static void emit_for(Fn *fn, PyxNode *s)
{
    Label *brk = new_label(fn, "break");
    if (s->op == 1 || c_range_loop(s->target, s->value)) {
        Loop loop = {s->orelse.len ? pyx_arena_printf(A, "goto %s;", brk->name) : "break;", brk};
        emit_range_loop(fn, s->target, s->value, &loop, emit_body_stmts, &s->body);
        emit_stmts(fn, &s->orelse);
        place_label(fn, brk);
        return;
    }
    Label *natural = s->orelse.len ? new_label(fn, "exhausted") : NULL;
    Loop loop = {"break;", brk};
    const char *it = emit_iter_loop(fn, s->target, s->value, &loop, natural, emit_body_stmts, &s->body);
    line(fn, "Py_CLEAR(%s);", it);
    if (s->orelse.len) {
        line(fn, "goto %s;", jump(brk));
        place_label(fn, natural);
        line(fn, "Py_CLEAR(%s);", it);
        emit_stmts(fn, &s->orelse);
        place_label(fn, brk);
    }
}

/* [elt for ... if ...]: nested loops appending to the result, in the
   enclosing C function (the loop variables are its hidden locals). */
typedef struct Comp {
    PyxNode *node;
    int level;
    const char *result;
} Comp;

static void emit_comp_level(Fn *fn, Comp *c);

static void comp_body(Fn *fn, void *ctx)
{
    Comp *c = ctx;
    PyxNode *gen = c->node->handlers.items[c->level];
    int opened = 0;
    for (int i = 0; i < gen->items.len; i++) {
        line(fn, "if (%s) {", emit_cond(fn, gen->items.items[i]));
        fn->indent++;
        opened++;
    }
    if (c->level + 1 < c->node->handlers.len) {
        Comp next = {c->node, c->level + 1, c->result};
        emit_comp_level(fn, &next);
    } else {
        PyxNode *e = c->node;
        const char *r = temp(fn, &pyx_type_int);
        if (e->kind == PYX_NODE_DICT_COMP) {
            Val k = to_object(fn, emit_expr(fn, e->left), e->loc);
            Val v = to_object(fn, emit_expr(fn, e->value), e->loc);
            line(fn, "%s = PyDict_SetItem(%s, %s, %s);", r, c->result, k.c, v.c);
            release(fn, k);
            release(fn, v);
        } else {
            Val v = to_object(fn, emit_expr(fn, e->value), e->loc);
            line(fn, "%s = %s(%s, %s);", r, e->kind == PYX_NODE_SET_COMP ? "PySet_Add" : "PyList_Append", c->result, v.c);
            release(fn, v);
        }
        check(fn, pyx_arena_printf(A, "%s < 0", r), e->loc);
    }
    close_blocks(fn, opened);
}

static void emit_comp_level(Fn *fn, Comp *c)
{
    PyxNode *gen = c->node->handlers.items[c->level];
    Label *brk = new_label(fn, "break");
    Loop loop = {"break;", brk};
    if (c_range_loop(gen->target, gen->value)) {
        emit_range_loop(fn, gen->target, gen->value, &loop, comp_body, c);
    } else {
        const char *it = emit_iter_loop(fn, gen->target, gen->value, &loop, NULL, comp_body, c);
        line(fn, "Py_CLEAR(%s);", it);
    }
}

static Val emit_comprehension(Fn *fn, PyxNode *e)
{
    const char *res = temp(fn, &pyx_type_object);
    line(fn, "%s = %s;", res, e->kind == PYX_NODE_LIST_COMP ? "PyList_New(0)" : e->kind == PYX_NODE_SET_COMP ? "PySet_New(NULL)" : "PyDict_New()");
    check(fn, pyx_arena_printf(A, "!%s", res), e->loc);
    Comp c = {e, 0, res};
    emit_comp_level(fn, &c);
    return (Val){res, e->type, true};
}

static void emit_while(Fn *fn, PyxNode *s)
{
    Label *brk = new_label(fn, "break");
    Label *natural = new_label(fn, "exhausted");
    Loop loop = {"break;", brk};
    line(fn, "for (;;) {");
    fn->indent++;
    const char *c = emit_cond(fn, s->test);
    if (s->orelse.len)
        line(fn, "if (!%s) goto %s;", c, jump(natural));
    else
        line(fn, "if (!%s) break;", c);
    fn->loops[fn->nloops++] = loop;
    emit_stmts(fn, &s->body);
    fn->nloops--;
    fn->indent--;
    line(fn, "}");
    if (s->orelse.len) {
        line(fn, "goto %s;", jump(brk));
        place_label(fn, natural);
        emit_stmts(fn, &s->orelse);
        place_label(fn, brk);
    }
}

static void emit_return(Fn *fn, PyxNode *s)
{
    PyxType *rt = fn->f->ret;
    if (rt->kind == PYX_TY_VOID) {
        line(fn, "goto %s;", jump(fn->ret));
        return;
    }
    if (rt->kind == PYX_TY_OBJECT) {
        Val v = s->value ? coerce(fn, emit_expr(fn, s->value), rt, s->loc) : cval("Py_None", &pyx_type_object);
        const char *nv = to_new_ref(fn, v, s->loc);
        line(fn, "Py_XSETREF(pyx_r, %s);", nv);
        if (v.owned)
            line(fn, "%s = NULL;", nv);
    } else {
        Val v = s->value ? coerce(fn, emit_expr(fn, s->value), rt, s->loc) : cval("0", rt);
        line(fn, "pyx_r = %s;", v.c);
    }
    line(fn, "goto %s;", jump(fn->ret));
}

/* The entry of a try/with error block: an error raised in the protected
   body releases the temps that body made (those before it stay live) and
   adds this frame's traceback entry; errors that already carry it enter at
   the skip label. */
static void enter_error_block(Fn *fn, Label *err, int first_temp, int end_temp)
{
    place_label(fn, err);
    if (err->used) {
        for (int i = first_temp; i < end_temp; i++)
            line(fn, "Py_CLEAR(%s);", fn->otemps[i]);
        line(fn, "pyx_rt_add_traceback(\"%s\", \"%s\", pyx_lineno, NULL);", fn->tb_name, fn->E->o->source_name);
    }
    place_label(fn, err->skip);
    fn->lineno_used = 1;
}

/* try: body finally: final
   The final block is written out once per way in: falling off the end of
   the body, a return (then the return continues outward) and an exception
   (saved while the block runs, then re-raised). */
static void emit_try_finally(Fn *fn, PyxNode *s)
{
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Label *err = new_error_label(fn, "finally_error"), *ret = new_label(fn, "finally_return");
    Label *end = new_label(fn, "finally_end");
    const char *saved = pyx_arena_printf(A, "pyx_exc_%d", fn->nlabel);
    fn->err = err;
    fn->ret = ret;
    int first_temp = fn->notemps;   /* temps live before the try stay live */
    line(fn, "/* try */");
    emit_stmts(fn, &s->body);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    fn->ret = outer_ret;
    line(fn, "/* finally */");
    emit_stmts(fn, &s->finalbody);
    if (ret->used || err->used)
        line(fn, "goto %s;", jump(end));
    if (ret->used) {
        place_label(fn, ret);
        emit_stmts(fn, &s->finalbody);
        line(fn, "goto %s;", jump(outer_ret));
    }
    if (err->used || err->skip->used) {
        buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
        enter_error_block(fn, err, first_temp, end_temp);
        line(fn, "pyx_rt_exc_fetch(%s);", saved);
        Label *inner = new_error_label(fn, "finally_raised");
        fn->err = inner;
        emit_stmts(fn, &s->finalbody);
        fn->err = outer_err;
        /* the saved exception has this frame's entry already */
        line(fn, "pyx_rt_exc_restore(%s);", saved);
        line(fn, "goto %s;", jump(outer_err->skip));
        if (inner->used) {
            place_label(fn, inner);
            line(fn, "pyx_rt_exc_drop(%s);", saved);
            line(fn, "goto %s;", jump(outer_err));
        }
        if (inner->skip->used) {
            place_label(fn, inner->skip);
            line(fn, "pyx_rt_exc_drop(%s);", saved);
            line(fn, "goto %s;", jump(outer_err->skip));
        }
    }
    place_label(fn, end);
}

/* del target */
static void emit_delete(Fn *fn, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL) {
            check(fn, pyx_arena_printf(A, "!%s && (pyx_rt_unbound_local(\"%s\"), 1)", sym->cname, sym->name), t->loc);
            line(fn, "Py_CLEAR(%s);", sym->cname);
            return;
        }
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = PyDict_DelItem(pyx_d, %s);", r, name_const(fn->E, sym->name));
        line(fn, "if (%s < 0 && PyErr_ExceptionMatches(PyExc_KeyError)) {", r);
        line(fn, "    PyErr_Clear();");
        line(fn, "    PyErr_Format(PyExc_NameError, \"name '%%s' is not defined\", \"%s\");", sym->name);
        line(fn, "}");
        check(fn, pyx_arena_printf(A, "%s < 0", r), t->loc);
        return;
    }
    case PYX_NODE_SUBSCRIPT: case PYX_NODE_ATTRIBUTE: {
        Val base = emit_expr(fn, t->value);
        const char *r = temp(fn, &pyx_type_int);
        if (t->kind == PYX_NODE_SUBSCRIPT) {
            Val key = emit_key(fn, t->right);
            line(fn, "%s = PyObject_DelItem(%s, %s);", r, base.c, key.c);
            release(fn, key);
        } else {
            line(fn, "%s = PyObject_DelAttr(%s, %s);", r, base.c, name_const(fn->E, t->name));
        }
        release(fn, base);
        check(fn, pyx_arena_printf(A, "%s < 0", r), t->loc);
        return;
    }
    case PYX_NODE_TUPLE: case PYX_NODE_LIST:
        for (int i = 0; i < t->items.len; i++)
            emit_delete(fn, t->items.items[i]);
        return;
    default:
        PYX_UNREACHABLE();
    }
}

/* with A as a, B as b: body  ==  with A as a: (with B as b: body)
   On an exception __exit__ gets it (as sys.exc_info() too) and decides
   whether it goes on; on return or normal exit __exit__(None, None, None). */
static void emit_with_items(Fn *fn, PyxNode *s, int k)
{
    if (k == s->items.len) {
        emit_stmts(fn, &s->body);
        return;
    }
    PyxNode *item = s->items.items[k];
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Val mgr = to_object(fn, emit_expr(fn, item->value), item->loc);
    const char *ex = temp(fn, &pyx_type_object), *value = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_with_enter(%s, &%s);", value, mgr.c, ex);
    release(fn, mgr);
    check(fn, pyx_arena_printf(A, "!%s", value), item->loc);
    /* from here on __exit__ must run whatever happens */
    Label *err = new_error_label(fn, "with_error"), *ret = new_label(fn, "with_return");
    Label *end = new_label(fn, "with_end");
    fn->err = err;
    fn->ret = ret;
    int first_temp = fn->notemps;
    if (item->target)
        assign_to(fn, item->target, (Val){value, &pyx_type_object, true});
    else
        line(fn, "Py_CLEAR(%s);", value);
    emit_with_items(fn, s, k + 1);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    fn->ret = outer_ret;
    const char *r = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_with_exit(%s, NULL);", r, ex);
    line(fn, "Py_CLEAR(%s);", ex);
    check(fn, pyx_arena_printf(A, "%s < 0", r), item->loc);
    if (!err->used && !err->skip->used && !ret->used)
        return;
    line(fn, "goto %s;", jump(end));
    if (ret->used) {
        place_label(fn, ret);
        line(fn, "%s = pyx_rt_with_exit(%s, NULL);", r, ex);
        line(fn, "Py_CLEAR(%s);", ex);
        check(fn, pyx_arena_printf(A, "%s < 0", r), item->loc);
        line(fn, "goto %s;", jump(outer_ret));
    }
    if (err->used || err->skip->used) {
        const char *exc = temp(fn, &pyx_type_object);
        const char *saved = pyx_arena_printf(A, "pyx_hx_%d", ++fn->nlabel);
        buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
        enter_error_block(fn, err, first_temp, end_temp);
        line(fn, "%s = pyx_rt_exc_catch();", exc);
        line(fn, "pyx_rt_exc_enter(%s, %s);", exc, saved);
        line(fn, "%s = pyx_rt_with_exit(%s, %s);", r, ex, exc);
        line(fn, "pyx_rt_exc_leave(%s);", saved);
        line(fn, "Py_CLEAR(%s);", ex);
        line(fn, "if (%s < 0) {", r);
        line(fn, "    Py_CLEAR(%s);", exc);
        line(fn, "    pyx_lineno = %u; goto %s;", item->loc.line, jump(outer_err));
        line(fn, "}");
        line(fn, "if (%s) {", r);
        line(fn, "    Py_CLEAR(%s);", exc);   /* suppressed */
        line(fn, "    goto %s;", jump(end));
        line(fn, "}");
        line(fn, "pyx_rt_exc_rethrow(%s);", exc);
        line(fn, "%s = NULL;", exc);
        line(fn, "goto %s;", jump(outer_err->skip));
    }
    place_label(fn, end);
}

/* The end of 'except E as name': Python deletes the name. */
static void unbind_handler_name(Fn *fn, PyxNode *h)
{
    if (h->target == NULL)
        return;
    PyxSymbol *sym = h->target->sym;
    if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL)
        line(fn, "Py_CLEAR(%s);", sym->cname);
    else
        line(fn, "if (PyDict_DelItem(pyx_d, %s) < 0) PyErr_Clear();", name_const(fn->E, sym->name));
}

/* try: body (except [E [as name]]: handler)* [else: ...]
   An error in the body lands at the handlers with this frame's traceback
   entry added (as CPython's traceback shows the frame that caught it); the
   first matching handler runs with the exception as sys.exc_info() and as
   the context of anything raised in it; no match re-raises without adding
   the frame again. */
static void emit_try_except(Fn *fn, PyxNode *s)
{
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Label *handlers = new_error_label(fn, "except"), *end = new_label(fn, "try_end");
    fn->err = handlers;
    int first_temp = fn->notemps;   /* temps live before the try stay live */
    line(fn, "/* try */");
    emit_stmts(fn, &s->body);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    if (s->orelse.len) {
        line(fn, "/* else */");
        emit_stmts(fn, &s->orelse);
    }
    if (!handlers->used && !handlers->skip->used)
        return;
    line(fn, "goto %s;", jump(end));
    const char *exc = temp(fn, &pyx_type_object);
    enter_error_block(fn, handlers, first_temp, end_temp);
    line(fn, "%s = pyx_rt_exc_catch();", exc);
    for (int i = 0; i < s->handlers.len; i++) {
        PyxNode *h = s->handlers.items[i];
        int opened = 0;
        if (h->value) {
            Val t = to_object(fn, emit_expr(fn, h->value), h->value->loc);
            const char *m = temp(fn, &pyx_type_int);
            line(fn, "%s = pyx_rt_exc_matches(%s, %s);", m, exc, t.c);
            release(fn, t);
            check(fn, pyx_arena_printf(A, "%s < 0", m), h->loc);
            line(fn, "if (%s) {", m);
            fn->indent++;
            opened = 1;
        }
        const char *saved = pyx_arena_printf(A, "pyx_hx_%d", ++fn->nlabel);
        buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
        line(fn, "pyx_rt_exc_enter(%s, %s);", exc, saved);
        if (h->target)
            assign_to(fn, h->target, (Val){exc, &pyx_type_object, false});
        Label *herr = new_error_label(fn, "handler_error"), *hret = new_label(fn, "handler_return");
        fn->err = herr;
        fn->ret = hret;
        emit_stmts(fn, &h->body);
        fn->err = outer_err;
        fn->ret = outer_ret;
        line(fn, "pyx_rt_exc_leave(%s);", saved);
        line(fn, "Py_CLEAR(%s);", exc);
        unbind_handler_name(fn, h);
        line(fn, "goto %s;", jump(end));
        Label *exits[3] = {herr, herr->skip, hret};
        Label *targets[3] = {outer_err, outer_err->skip, outer_ret};
        for (int k = 0; k < 3; k++) {
            if (!exits[k]->used)
                continue;
            place_label(fn, exits[k]);
            line(fn, "pyx_rt_exc_leave(%s);", saved);
            line(fn, "Py_CLEAR(%s);", exc);
            unbind_handler_name(fn, h);
            line(fn, "goto %s;", jump(targets[k]));
        }
        if (opened) {
            fn->indent--;
            line(fn, "}");
        }
        if (!h->value)
            break;   /* a bare except catches everything */
    }
    if (s->handlers.len && s->handlers.items[s->handlers.len - 1]->value) {
        /* nothing matched: the exception goes on, its traceback complete */
        line(fn, "pyx_rt_exc_rethrow(%s);", exc);
        line(fn, "%s = NULL;", exc);
        line(fn, "goto %s;", jump(outer_err->skip));
    }
    place_label(fn, end);
}

static void emit_import(Fn *fn, PyxNode *s)
{
    if (s->kind == PYX_NODE_IMPORT) {
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *al = s->items.items[i];
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = pyx_rt_import(%s, pyx_d, NULL, 0, %d);", t, name_const(fn->E, al->name), al->asname != NULL);
            check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
            PyxNode n = {.kind = PYX_NODE_NAME, .loc = al->loc, .sym = al->sym};
            n.name = al->sym->name;
            assign_to(fn, &n, (Val){t, &pyx_type_object, true});
        }
        return;
    }
    Buf fl = {0};
    buf_printf(A, &fl, "PyTuple_Pack(%d", s->items.len);
    for (int i = 0; i < s->items.len; i++)
        buf_printf(A, &fl, ", %s", name_const(fn->E, s->items.items[i]->name));
    buf_printf(A, &fl, ")");
    const char *fromlist = new_const(fn->E, "%s", fl.p, 0);
    const char *mod = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_import(%s, pyx_d, %s, %d, 0);", mod, name_const(fn->E, s->name ? s->name : ""), fromlist, s->level);
    check(fn, pyx_arena_printf(A, "!%s", mod), s->loc);
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *al = s->items.items[i];
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_import_from(%s, %s);", t, mod, name_const(fn->E, al->name));
        check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
        PyxNode n = {.kind = PYX_NODE_NAME, .loc = al->loc, .sym = al->sym};
        n.name = al->sym->name;
        assign_to(fn, &n, (Val){t, &pyx_type_object, true});
    }
    line(fn, "Py_CLEAR(%s);", mod);
}

static void emit_def_statement(Fn *fn, PyxNode *s);

static void emit_stmt(Fn *fn, PyxNode *s)
{
    if (s->kind != PYX_NODE_FUNCTION_DEF || fn->f == NULL)
        emit_line_marker(fn, s);
    switch (s->kind) {
    case PYX_NODE_EXPR_STMT: {
        if (s->value->kind == PYX_NODE_STR)
            break;   /* docstrings and bare strings do nothing */
        Val v = emit_expr(fn, s->value);
        if (v.t->kind == PYX_TY_OBJECT)
            release(fn, v);
        else if (v.t->kind != PYX_TY_VOID)
            line(fn, "(void)%s;", v.c);   /* also marks a call's result temp as used */
        break;
    }
    case PYX_NODE_ASSIGN: {
        if (s->value == NULL)
            break;
        PyxNode *t0 = s->items.items[0];
        if (s->items.len == 1 && (t0->kind == PYX_NODE_TUPLE || t0->kind == PYX_NODE_LIST)
            && (s->value->kind == PYX_NODE_TUPLE || s->value->kind == PYX_NODE_LIST)
            && s->value->items.len == t0->items.len) {
            emit_parallel_assign(fn, t0, s->value);
            break;
        }
        Val v = emit_expr(fn, s->value);
        if (s->items.len > 1 && v.t->kind != PYX_TY_OBJECT)
            v = materialize(fn, v);
        for (int i = 0; i < s->items.len; i++) {
            Val use = v;
            if (i < s->items.len - 1 && v.owned)
                use.owned = false;   /* later targets still need it */
            assign_to(fn, s->items.items[i], use);
        }
        break;
    }
    case PYX_NODE_AUG_ASSIGN:
        emit_aug_assign(fn, s);
        break;
    case PYX_NODE_PASS: case PYX_NODE_GLOBAL: case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM:
    case PYX_NODE_EXTERN_BLOCK: case PYX_NODE_CTYPEDEF: case PYX_NODE_DEF_CONST:
        break;
    case PYX_NODE_BREAK:
        line(fn, "%s", fn->loops[fn->nloops - 1].user_break);
        if (strncmp(fn->loops[fn->nloops - 1].user_break, "goto", 4) == 0)
            fn->loops[fn->nloops - 1].brk->used = true;
        break;
    case PYX_NODE_CONTINUE:
        line(fn, "continue;");
        break;
    case PYX_NODE_RETURN:
        emit_return(fn, s);
        break;
    case PYX_NODE_IF: {
        const char *c = emit_cond(fn, s->test);
        line(fn, "if (%s) {", c);
        fn->indent++;
        emit_stmts(fn, &s->body);
        fn->indent--;
        if (s->orelse.len) {
            line(fn, "} else {");
            fn->indent++;
            emit_stmts(fn, &s->orelse);
            fn->indent--;
        }
        line(fn, "}");
        break;
    }
    case PYX_NODE_WHILE:
        emit_while(fn, s);
        break;
    case PYX_NODE_FOR:
        emit_for(fn, s);
        break;
    case PYX_NODE_ASSERT: {
        line(fn, "if (pyx_rt_assertions_enabled()) {");
        fn->indent++;
        const char *c = emit_cond(fn, s->test);
        line(fn, "if (!%s) {", c);
        fn->indent++;
        if (s->value) {
            Val m = to_object(fn, emit_expr(fn, s->value), s->loc);
            line(fn, "PyErr_SetObject(PyExc_AssertionError, %s);", m.c);
            release(fn, m);
        } else {
            line(fn, "PyErr_SetNone(PyExc_AssertionError);");
        }
        goto_error(fn, s->loc);
        fn->indent--;
        line(fn, "}");
        fn->indent--;
        line(fn, "}");
        break;
    }
    case PYX_NODE_RAISE: {
        if (s->value == NULL) {
            /* re-raise: the exception keeps its traceback, this frame included */
            line(fn, "pyx_rt_reraise();");
            fn->lineno_used = 1;
            line(fn, "pyx_lineno = %u; goto %s;", s->loc.line, fn->err->skip ? jump(fn->err->skip) : jump(fn->err));
            break;
        }
        Val v = to_object(fn, emit_expr(fn, s->value), s->loc);
        Val c = s->cause ? to_object(fn, emit_expr(fn, s->cause), s->loc) : cval("NULL", &pyx_type_object);
        line(fn, "pyx_rt_raise(%s, %s);", v.c, c.c);
        release(fn, v);
        release(fn, c);
        goto_error(fn, s->loc);
        break;
    }
    case PYX_NODE_TRY:
        if (s->handlers.len == 0) {
            emit_try_finally(fn, s);
        } else if (s->finalbody.len == 0) {
            emit_try_except(fn, s);
        } else {
            /* try/except/finally: the except part runs inside the finally */
            PyxNode inner = *s, outer = *s;
            inner.finalbody.len = 0;
            PyxNode *one = &inner;
            outer.body.items = &one;
            outer.body.len = outer.body.cap = 1;
            outer.handlers.len = 0;
            outer.orelse.len = 0;
            emit_try_finally(fn, &outer);
        }
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        emit_import(fn, s);
        break;
    case PYX_NODE_WITH:
        emit_with_items(fn, s, 0);
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < s->items.len; i++)
            emit_delete(fn, s->items.items[i]);
        break;
    case PYX_NODE_FUNCTION_DEF:
        if (fn->f == NULL)
            emit_def_statement(fn, s);
        break;
    case PYX_NODE_CDEF_VARS:
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *v = s->items.items[i];
            if (v->value) {
                PyxNode n = {.kind = PYX_NODE_NAME, .loc = v->loc, .sym = v->sym, .name = v->name, .type = v->sym->type};
                assign_to(fn, &n, emit_expr(fn, v->value));
            }
        }
        break;
    case PYX_NODE_CDEF_BLOCK:
        emit_stmts(fn, &s->body);
        break;
    default:
        PYX_UNREACHABLE();
    }
}

static void emit_stmts(Fn *fn, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++)
        emit_stmt(fn, body->items[i]);
}

/* ---- functions ------------------------------------------------------------------------------ */

static void fn_init(Fn *fn, Emit *E, PyxFunc *f, const char *tb_name)
{
    memset(fn, 0, sizeof *fn);
    fn->E = E;
    fn->f = f;
    fn->indent = 1;
    fn->err_main.name = "pyx_L_error";
    fn->err_main_skip.name = "pyx_L_error_tb";
    fn->err_main.skip = &fn->err_main_skip;
    fn->ret_main.name = "pyx_L_done";
    fn->err = &fn->err_main;
    fn->ret = &fn->ret_main;
    fn->tb_name = tb_name;
}

static const char *c_params(Emit *E, PyxFunc *f)
{
    Buf b = {0};
    for (int i = 0; i < f->nparams; i++)
        buf_printf(E->a, &b, "%s%s", i ? ", " : "", pyx_type_decl(E->a, f->params[i]->type, f->params[i]->cname));
    return f->nparams ? b.p : "void";
}

static const char *c_signature(Emit *E, PyxFunc *f)
{
    PyxType *rt = f->ret->kind == PYX_TY_ERROR ? &pyx_type_object : f->ret;
    return pyx_type_decl(E->a, rt, pyx_arena_printf(E->a, "%s(%s)", f->cname, c_params(E, f)));
}

/* Parameter defaults are evaluated when the def statement runs (Python's
   rule, Cython's for cdef functions too) into one static slot each. */
static void declare_default_slots(Emit *E, PyxFunc *f)
{
    PyxNode *def = f->def;
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (!p->value || !p->sym)
            continue;
        if (p->sym->type->kind == PYX_TY_OBJECT)
            buf_printf(E->a, &E->statics, "static PyObject *pyx_dflt_%s_%d;\n", f->name, i);
        else
            buf_printf(E->a, &E->statics, "static %s;\n", pyx_type_decl(E->a, p->sym->type, pyx_arena_printf(E->a, "pyx_dflt_%s_%d", f->name, i)));
    }
}

/* The C body of a Python/C function. */
static void emit_function(Emit *E, PyxFunc *f)
{
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, f, pyx_arena_printf(E->a, "%s.%s", E->m->name, f->name));
    PyxType *rt = f->ret;
    /* locals */
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->is_param)
            continue;
        if (s->type->kind == PYX_TY_OBJECT)
            buf_printf(E->a, &fn->decl, "    PyObject *%s = NULL;\n", s->cname);
        else if (s->type->kind == PYX_TY_ARRAY)   /* a variable may be only written: no warning */
            buf_printf(E->a, &fn->decl, "    PYX_UNUSED %s;\n", pyx_type_decl(E->a, s->type, s->cname));
        else
            buf_printf(E->a, &fn->decl, "    PYX_UNUSED %s = 0;\n", pyx_type_decl(E->a, s->type, s->cname));
    }
    /* object parameters are owned by the body: a reassignment releases them */
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i]->type->kind == PYX_TY_OBJECT)
            line(fn, "Py_INCREF(%s);", f->params[i]->cname);
    emit_stmts(fn, &f->def->body);
    /* falling off the end returns None (or 0 / nothing for C functions) */
    if (rt->kind == PYX_TY_OBJECT) {
        line(fn, "Py_INCREF(Py_None);");
        line(fn, "pyx_r = Py_None;");
    }
    Buf out = {0};
    buf_printf(E->a, &out, "/* %s:%u: %s %s */\n", E->o->source_name, f->def->loc.line,
               f->is_c ? (f->is_py ? "cpdef" : "cdef") : "def", f->name);
    buf_printf(E->a, &out, "static %s%s\n{\n", (f->def->flags & PYX_F(INLINE)) ? "inline " : "", c_signature(E, f));
    if (rt->kind == PYX_TY_OBJECT)
        buf_printf(E->a, &out, "    PyObject *pyx_r = NULL;\n");
    else if (rt->kind != PYX_TY_VOID)
        buf_printf(E->a, &out, "    %s = 0;\n", pyx_type_decl(E->a, rt, "pyx_r"));
    if (fn->lineno_used)
        buf_printf(E->a, &out, "    int pyx_lineno = 0;\n");
    buf_append(E->a, &out, &fn->decl);
    buf_append(E->a, &out, &fn->body);
    buf_printf(E->a, &out, "%s", LINE_RESET);
    if (fn->err_main.used || fn->err_main_skip.used) {
        buf_printf(E->a, &out, "    goto pyx_L_done;\n");
        fn->ret_main.used = true;
        if (fn->err_main.used) {
            buf_printf(E->a, &out, "pyx_L_error:;\n");
            for (int i = 0; i < fn->notemps; i++)
                buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", fn->otemps[i]);
            buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", \"%s\", pyx_lineno, NULL);\n", fn->tb_name, E->o->source_name);
        }
        if (fn->err_main_skip.used)
            buf_printf(E->a, &out, "pyx_L_error_tb:;\n");
        if (f->is_c && f->exc == PYX_EXC_NONE) {
            buf_printf(E->a, &out, "    pyx_rt_write_unraisable(\"%s\");\n", fn->tb_name);
            if (rt->kind == PYX_TY_OBJECT)
                buf_printf(E->a, &out, "    Py_XSETREF(pyx_r, Py_None);\n    Py_INCREF(Py_None);\n");
            else if (rt->kind != PYX_TY_VOID)
                buf_printf(E->a, &out, "    pyx_r = 0;\n");
        } else if (rt->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &out, "    Py_CLEAR(pyx_r);\n");
        } else if (rt->kind != PYX_TY_VOID) {
            buf_printf(E->a, &out, "    pyx_r = %s;\n", f->exc_value ? f->exc_value : "0");
        }
    }
    if (fn->ret_main.used)
        buf_printf(E->a, &out, "pyx_L_done:;\n");
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->type->kind == PYX_TY_OBJECT)
            buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", s->cname);
    }
    if (rt->kind != PYX_TY_VOID)
        buf_printf(E->a, &out, "    return pyx_r;\n");
    buf_printf(E->a, &out, "}\n\n");
    buf_append(E->a, &E->funcs, &out);
}

/* The Python-callable wrapper: binds the call to the signature, converts
   typed arguments with Cython's errors, calls the C body and boxes a C
   result. */
static void emit_wrapper(Emit *E, PyxFunc *f)
{
    PyxNode *def = f->def;
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, f, pyx_arena_printf(E->a, "%s.%s", E->m->name, f->name));
    int n = f->nparams, npos = 0, nposonly = 0, nrequired = 0, nkwonly = 0;
    Buf names = {0}, kwreq = {0};
    bool seen_default = false;
    bool varargs = false, varkw = false;
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (p->op == PYX_PARAM_VARARGS || p->op == PYX_PARAM_VARKW) {
            varargs |= p->op == PYX_PARAM_VARARGS;
            varkw |= p->op == PYX_PARAM_VARKW;
            continue;
        }
        buf_printf(E->a, &names, "\"%s\", ", p->name);
        if (p->op == PYX_PARAM_KWONLY) {
            nkwonly++;
            buf_printf(E->a, &kwreq, "%d, ", p->value == NULL);
        } else {
            npos++;
            if (p->op == PYX_PARAM_POSONLY)
                nposonly++;
            if (p->value)
                seen_default = true;
            else if (!seen_default)
                nrequired++;
        }
    }
    Buf out = {0};
    buf_printf(E->a, &out, "static PyObject *%s(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)\n{\n", f->wcname);
    buf_printf(E->a, &out, "    static const char *const names[] = {%sNULL};\n", names.p ? names.p : "");
    if (nkwonly)
        buf_printf(E->a, &out, "    static const unsigned char kwonly_required[] = {%s};\n", kwreq.p);
    buf_printf(E->a, &out, "    static const PyxRtArgSpec spec = {\"%s\", names, NULL, %d, %d, %d, %d, %s, %d, %d};\n",
               f->name, npos, nposonly, nrequired, nkwonly, nkwonly ? "kwonly_required" : "NULL", varargs, varkw);
    buf_printf(E->a, &out, "    PyObject *values[%d];\n", n ? n : 1);
    if (varargs || varkw)
        buf_printf(E->a, &out, "    PyObject *star_args = NULL, *star_kwargs = NULL;\n");
    buf_printf(E->a, &out, "    (void)self;\n");
    buf_printf(E->a, &out, "    if (pyx_rt_parse_args(&spec, args, nargs, kwnames, values, %s, %s) < 0)\n        return NULL;\n",
               varargs ? "&star_args" : "NULL", varkw ? "&star_kwargs" : "NULL");
    Buf call = {0};
    bool any_conv = false;
    int vi = 0;   /* index into values: *args and **kwargs have no slot */
    for (int i = 0; i < n; i++) {
        PyxSymbol *p = f->params[i];
        PyxNode *pn = def->params.items[i];
        if (pn->op == PYX_PARAM_VARARGS || pn->op == PYX_PARAM_VARKW) {
            buf_printf(E->a, &call, "%s%s", i ? ", " : "", pn->op == PYX_PARAM_VARARGS ? "star_args" : "star_kwargs");
            continue;
        }
        int v = vi++;
        const char *dflt = pyx_arena_printf(E->a, "pyx_dflt_%s_%d", f->name, i);
        if (p->type->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &out, "    PyObject *%s = values[%d]%s;\n", p->cname, v,
                       pn->value ? pyx_arena_printf(E->a, " ? values[%d] : %s", v, dflt) : "");
            if (p->type->builtin != PYX_BI_NONE) {
                any_conv = true;
                buf_printf(E->a, &out, "    if (pyx_rt_arg_type_test(%s, %s, %d, \"%s\") < 0) goto pyx_L_error;\n",
                           p->cname, type_object_of(p->type->builtin), !(pn->flags & PYX_F(NOT_NONE)), p->name);
            } else if (pn->flags & PYX_F(NOT_NONE)) {
                any_conv = true;
                buf_printf(E->a, &out, "    if (%s == Py_None) { PyErr_SetString(PyExc_TypeError, \"Argument '%s' must not be None\"); goto pyx_L_error; }\n",
                           p->cname, p->name);
            }
        } else {
            any_conv = true;
            buf_printf(E->a, &out, "    %s;\n", pyx_type_decl(E->a, p->type, p->cname));
            const char *rt = p->type->kind == PYX_TY_BINT ? "bint" : p->type->rt;
            const char *conv;
            if (p->type->kind == PYX_TY_FLOAT && p->type != &pyx_type_double)
                conv = pyx_arena_printf(E->a, "{ double d_; if (pyx_rt_as_double(values[%d], &d_) < 0) goto pyx_L_error; %s = (float)d_; }", v, p->cname);
            else
                conv = pyx_arena_printf(E->a, "if (pyx_rt_as_%s(values[%d], &%s) < 0) goto pyx_L_error;", rt, v, p->cname);
            if (pn->value)
                buf_printf(E->a, &out, "    if (!values[%d]) %s = %s; else %s\n", v, p->cname, dflt, conv);
            else
                buf_printf(E->a, &out, "    %s\n", conv);
        }
        buf_printf(E->a, &call, "%s%s", i ? ", " : "", p->cname);
    }
    PyxType *rt = f->ret;
    if (varargs || varkw) {
        /* the body takes its own references: release the wrapper's after the call */
        /* (only def functions take them, so the result is an object) */
        buf_printf(E->a, &out, "    PyObject *res = %s(%s);\n", f->cname, call.p ? call.p : "");
        buf_printf(E->a, &out, "    Py_XDECREF(star_args);\n    Py_XDECREF(star_kwargs);\n    return res;\n");
    } else if (rt->kind == PYX_TY_OBJECT) {
        buf_printf(E->a, &out, "    return %s(%s);\n", f->cname, call.p ? call.p : "");
    } else if (rt->kind == PYX_TY_VOID) {
        buf_printf(E->a, &out, "    %s(%s);\n", f->cname, call.p ? call.p : "");
        if (f->exc != PYX_EXC_NONE && !f->nothrow)
            buf_printf(E->a, &out, "    if (PyErr_Occurred()) return NULL;\n");
        buf_printf(E->a, &out, "    Py_RETURN_NONE;\n");
    } else {
        buf_printf(E->a, &out, "    %s = %s(%s);\n", pyx_type_decl(E->a, rt, "r"), f->cname, call.p ? call.p : "");
        const char *test = f->exc != PYX_EXC_NONE ? exc_test(fn, f, "r") : NULL;
        if (test)
            buf_printf(E->a, &out, "    if (%s) return NULL;\n", test);
        buf_printf(E->a, &out, "    return %s(r);\n", rt->kind == PYX_TY_INT && rt->rank < 4 && !rt->is_signed ? "PyLong_FromLong" : rt->from_c);
    }
    if (any_conv) {
        buf_printf(E->a, &out, "pyx_L_error:\n");
        if (varargs || varkw)
            buf_printf(E->a, &out, "    Py_XDECREF(star_args);\n    Py_XDECREF(star_kwargs);\n");
        buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", \"%s\", %u, NULL);\n", fn->tb_name, E->o->source_name, def->loc.line);
        buf_printf(E->a, &out, "    return NULL;\n");
    }
    buf_printf(E->a, &out, "}\n\n");
    buf_append(E->a, &E->funcs, &out);
    /* the method definition */
    buf_printf(E->a, &E->statics, "static PyObject *%s(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);\n", f->wcname);
    buf_printf(E->a, &E->statics, "static PyMethodDef pyx_mdef_%s = {\"%s\", (PyCFunction)(void (*)(void))%s, METH_FASTCALL | METH_KEYWORDS, %s};\n",
               f->name, f->name, f->wcname, f->doc ? c_string(E->a, f->doc, (uint32_t)f->doc_len) : "NULL");
}

/* 'def f(...)' executing in the module body: evaluate the defaults, make the
   function object and bind it in the module dict. */
static void emit_def_statement(Fn *fn, PyxNode *s)
{
    PyxFunc *f = s->func;
    if (f == NULL)
        return;
    for (int i = 0; i < s->params.len; i++) {
        PyxNode *p = s->params.items[i];
        if (!p->value)
            continue;
        const char *slot = pyx_arena_printf(A, "pyx_dflt_%s_%d", f->name, i);
        Val v = coerce(fn, emit_expr(fn, p->value), p->sym->type, p->value->loc);
        if (p->sym->type->kind == PYX_TY_OBJECT)
            store_object(fn, slot, v, p->loc);
        else
            line(fn, "%s = %s;", slot, v.c);
    }
    if (!f->is_py)
        return;   /* a cdef function is no Python object */
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = PyCFunction_NewEx(&pyx_mdef_%s, pyx_m, pyx_modname);", t, f->name);
    check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
    const char *r = temp(fn, &pyx_type_int);
    line(fn, "%s = PyDict_SetItem(pyx_d, %s, %s);", r, name_const(fn->E, f->name), t);
    line(fn, "Py_CLEAR(%s);", t);
    check(fn, pyx_arena_printf(A, "%s < 0", r), s->loc);
}

/* The module body: the exec slot of multi-phase init. */
static void emit_module_body(Emit *E)
{
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, NULL, "<module>");
    PyxNode *mod = E->m->ast;
    Buf cleanup = {0};   /* the module body's own locals (comprehension variables) */
    for (int i = 0; i < E->m->ninit_locals; i++) {
        PyxSymbol *l = E->m->init_locals[i];
        if (l->type->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &fn->decl, "    PyObject *%s = NULL;\n", l->cname);
            buf_printf(E->a, &cleanup, "    Py_XDECREF(%s);\n", l->cname);
        } else {
            buf_printf(E->a, &fn->decl, "    PYX_UNUSED %s = 0;\n", pyx_type_decl(E->a, l->type, l->cname));
        }
    }
    emit_stmts(fn, &mod->body);
    Buf out = {0};
    buf_printf(E->a, &out, "static int pyx_exec(PyObject *module)\n{\n");
    if (fn->lineno_used)
        buf_printf(E->a, &out, "    int pyx_lineno = 0;\n");
    buf_append(E->a, &out, &fn->decl);
    buf_printf(E->a, &out, "    if (pyx_m != NULL) {\n"
                           "        PyErr_SetString(PyExc_ImportError, \"pyxc modules cannot be loaded twice in one process\");\n"
                           "        return -1;\n    }\n");
    buf_printf(E->a, &out, "    pyx_m = module;\n    pyx_d = PyModule_GetDict(module);\n");
    buf_printf(E->a, &out, "    if (pyx_init_constants() < 0) {\n        pyx_m = NULL;\n        return -1;\n    }\n");
    buf_printf(E->a, &out, "    pyx_modname = PyUnicode_FromString(\"%s\");\n    if (!pyx_modname) return -1;\n", E->m->name);
    /* __test__ for doctest, as Cython provides */
    buf_printf(E->a, &out, "    {\n        PyObject *t = PyDict_New();\n"
                           "        if (!t || PyDict_SetItemString(pyx_d, \"__test__\", t) < 0) { Py_XDECREF(t); return -1; }\n");
    for (int i = 0; i < E->m->nfuncs; i++) {
        PyxFunc *f = E->m->funcs[i];
        if (!f->doc || !f->is_py)
            continue;
        buf_printf(E->a, &out, "        {\n            PyObject *d = PyUnicode_DecodeUTF8(%s, %d, \"surrogatepass\");\n"
                               "            if (!d || PyDict_SetItemString(t, \"%s (line %u)\", d) < 0) { Py_XDECREF(d); Py_DECREF(t); return -1; }\n"
                               "            Py_DECREF(d);\n        }\n",
                   c_string(E->a, f->doc, (uint32_t)f->doc_len), f->doc_len, f->name, f->def->loc.line);
    }
    buf_printf(E->a, &out, "        Py_DECREF(t);\n    }\n");
    buf_append(E->a, &out, &fn->body);
    buf_printf(E->a, &out, "%s", LINE_RESET);
    buf_append(E->a, &out, &cleanup);
    buf_printf(E->a, &out, "    return 0;\n");
    if (fn->err_main.used || fn->err_main_skip.used) {
        if (fn->err_main.used) {
            buf_printf(E->a, &out, "pyx_L_error:;\n");
            for (int i = 0; i < fn->notemps; i++)
                buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", fn->otemps[i]);
            buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", \"%s\", pyx_lineno, NULL);\n", fn->tb_name, E->o->source_name);
        }
        if (fn->err_main_skip.used)
            buf_printf(E->a, &out, "pyx_L_error_tb:;\n");
        buf_append(E->a, &out, &cleanup);
        buf_printf(E->a, &out, "    return -1;\n");
    }
    buf_printf(E->a, &out, "}\n\n");
    buf_append(E->a, &E->funcs, &out);
}

/* C functions whose bodies cannot raise need no error checks at their call
   sites, which also lets gcc optimise recursion as it would plain C.  Start
   from "none raises" and emit each body into a scratch copy of the module
   state until no function that can raise is still marked otherwise. */
static void find_nothrow(Emit *E)
{
    PyxModuleInfo *m = E->m;
    for (int i = 0; i < m->nfuncs; i++) {
        PyxFunc *f = m->funcs[i];
        f->nothrow = f->is_c && f->ret->kind != PYX_TY_OBJECT && f->exc != PYX_EXC_NONE;
    }
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < m->nfuncs; i++) {
            PyxFunc *f = m->funcs[i];
            if (!f->nothrow)
                continue;
            Emit scratch = *E;   /* appends past E's lengths: overwritten later, never read */
            Fn fnv, *fn = &fnv;
            fn_init(fn, &scratch, f, f->name);
            emit_stmts(fn, &f->def->body);
            for (int j = 0; j < f->nparams && !fn->err_main.used; j++)
                if (f->params[j]->type->kind == PYX_TY_OBJECT)
                    fn->err_main.used = true;
            if (fn->err_main.used || fn->err_main_skip.used) {
                f->nothrow = false;
                changed = true;
            }
        }
    }
}

int pyx_emit_module(PyxArena *a, PyxModuleInfo *m, const PyxEmitOptions *o, FILE *out)
{
    Emit E = {0};
    E.a = a;
    E.m = m;
    E.o = o;
    find_nothrow(&E);
    for (int i = 0; i < m->nfuncs; i++) {
        PyxFunc *f = m->funcs[i];
        buf_printf(a, &E.protos, "static %sPYX_UNUSED %s;\n", (f->def->flags & PYX_F(INLINE)) ? "inline " : "", c_signature(&E, f));
        declare_default_slots(&E, f);
        emit_function(&E, f);
        if (f->is_py)
            emit_wrapper(&E, f);
    }
    emit_module_body(&E);

    fprintf(out, "/* Generated by pyxc %s from %s.  Do not edit. */\n", "0.1", o->source_name);
    fprintf(out, "#include \"pyx_rt.h\"\n");
    for (int i = 0; i < m->nincludes; i++)
        fprintf(out, "#include <%s>\n", m->includes[i]);
    fprintf(out, "\nstatic PyObject *pyx_m;         /* the module (borrowed) */\n");
    fprintf(out, "static PyObject *pyx_d;         /* its __dict__ (borrowed) */\n");
    fprintf(out, "static PyObject *pyx_modname;   /* its name, for function objects */\n");
    for (int i = 0; i < m->ncglobals; i++) {
        PyxSymbol *g = m->cglobals[i];
        if (g->type->kind == PYX_TY_OBJECT)
            fprintf(out, "static PyObject *%s;\n", g->cname);
        else
            fprintf(out, "static %s;\n", pyx_type_decl(a, g->type, g->cname));
    }
    fprintf(out, "%.*s", (int)E.consts.len, E.consts.p ? E.consts.p : "");
    fprintf(out, "%.*s", (int)E.statics.len, E.statics.p ? E.statics.p : "");
    fprintf(out, "%.*s\n", (int)E.protos.len, E.protos.p ? E.protos.p : "");
    fprintf(out, "static int pyx_init_constants(void)\n{\n%.*s    return 0;\n}\n\n",
            (int)E.const_init.len, E.const_init.p ? E.const_init.p : "");
    /* the functions, with #line markers resolved against the C file's lines */
    long cline = 1;
    {
        /* count what is already written: the header part */
        fflush(out);
        long pos = ftell(out);
        if (pos > 0) {
            rewind(out);
            int ch;
            while ((ch = fgetc(out)) != EOF)
                if (ch == '\n')
                    cline++;
            fseek(out, 0, SEEK_END);
        }
    }
    const char *p = E.funcs.p ? E.funcs.p : "", *end = p + E.funcs.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
        if (n == sizeof LINE_RESET - 1 && memcmp(p, LINE_RESET, n) == 0) {
            if (o->line_directives && o->c_name)
                fprintf(out, "#line %ld \"%s\"\n", cline + 1, o->c_name);
            else
                fputc('\n', out);
        } else {
            fwrite(p, 1, n, out);
        }
        cline++;
        p += n;
    }
    fprintf(out, "static PyModuleDef_Slot pyx_slots[] = {\n    {Py_mod_exec, (void *)pyx_exec},\n    {0, NULL},\n};\n\n");
    fprintf(out, "static struct PyModuleDef pyx_moduledef = {\n    PyModuleDef_HEAD_INIT, \"%s\", %s, 0, NULL, pyx_slots, NULL, NULL, NULL,\n};\n\n",
            m->name, m->doc ? c_string(a, m->doc, (uint32_t)m->doc_len) : "NULL");
    fprintf(out, "PyMODINIT_FUNC PyInit_%s(void)\n{\n    return PyModuleDef_Init(&pyx_moduledef);\n}\n", m->name);
    return ferror(out) ? -1 : 0;
}
