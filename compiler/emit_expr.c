/* emit_expr.c - expressions: names, operators (C arithmetic with Python's
 * semantics where they differ, Python operators on objects), conditions,
 * calls, displays, subscripts, f-strings.  Each returns a Val.
 */
#include "emit_int.h"

/* ---- names --------------------------------------------------------------------------- */

Val emit_name(Fn *fn, PyxNode *e)
{
    PyxSymbol *sym = e->sym;
    if (e->type && e->type->kind == PYX_TY_NULL)
        return cval("NULL", &pyx_type_null);
    switch (sym->kind) {
    case PYX_SYM_LOCAL:
        if (sym->type->kind == PYX_TY_OBJECT && !sym->is_param && !(e->sflags & PYX_SF(BOUND)))
            check(fn, pyx_arena_printf(A, "!%s && (pyx_rt_unbound_local(\"%s\"), 1)", sym->cname, sym->name), e->loc);
        if (sym->walrus) {   /* the value now: what is evaluated next may rebind it */
            const char *t = temp(fn, sym->type);
            line(fn, "%s = %s;", t, sym->cname);
            if (sym->type->kind == PYX_TY_OBJECT) {
                line(fn, "Py_INCREF(%s);", t);
                return (Val){t, sym->type, true};
            }
            return cval(t, sym->type);
        }
        return cval(sym->cname, sym->type);
    case PYX_SYM_CGLOBAL:
        return cval(sym->cname, sym->type);
    case PYX_SYM_CLASSVAR:   /* a class body's name (emit_class.c) */
        return class_name_load(fn, sym, e->loc);
    case PYX_SYM_CELL: {   /* a new reference: what runs next may rebind the variable */
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_cell_get(%s, \"%s\", %d);", t, sym->cname, sym->name, sym->free);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        Val v = {t, &pyx_type_object, true};
        return pyx_type_is_c(sym->type) ? coerce(fn, v, sym->type, e->loc) : v;
    }
    case PYX_SYM_EXTERN:
        if (sym->value)
            return emit_expr(fn, sym->value);
        return cval(sym->cname, sym->type);
    default: {   /* module globals and def functions live in the module dict; a builtin
                    read as an object is looked up as CPython does, globals first */
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_get_global_cached(pyx_d, %s, &%s);", t, name_const(fn->E, sym->name), global_cache(fn->E, sym->name));
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

/* The C call of a Python operator on two objects: "f(a, b" (closed by the
   caller).  + - * / // % & | ^ go through the runtime's fast paths for floats
   and small ints (pyx_rt.h). */
static const char *py_number_op(int op, bool inplace)
{
    switch (op) {
    case PYX_OP_ADD: return inplace ? "pyx_rt_iadd" : "pyx_rt_add";
    case PYX_OP_SUB: return inplace ? "pyx_rt_isub" : "pyx_rt_sub";
    case PYX_OP_MUL: return inplace ? "pyx_rt_imul" : "pyx_rt_mul";
    case PYX_OP_MATMUL: return inplace ? "PyNumber_InPlaceMatrixMultiply" : "PyNumber_MatrixMultiply";
    case PYX_OP_DIV: return inplace ? "pyx_rt_truediv_inplace" : "pyx_rt_truediv_binary";
    case PYX_OP_FLOORDIV: return inplace ? "pyx_rt_floordiv_inplace" : "pyx_rt_floordiv_binary";
    case PYX_OP_MOD: return inplace ? "pyx_rt_mod_inplace" : "pyx_rt_mod_binary";
    case PYX_OP_LSHIFT: return inplace ? "PyNumber_InPlaceLshift" : "PyNumber_Lshift";
    case PYX_OP_RSHIFT: return inplace ? "PyNumber_InPlaceRshift" : "PyNumber_Rshift";
    case PYX_OP_BITOR: return inplace ? "pyx_rt_ior" : "pyx_rt_or";
    case PYX_OP_BITXOR: return inplace ? "pyx_rt_ixor" : "pyx_rt_xor";
    case PYX_OP_BITAND: return inplace ? "pyx_rt_iand" : "pyx_rt_and";
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

/* b op a for a op b */
static int swapped_op(int op)
{
    switch (op) {
    case PYX_OP_LT: return PYX_OP_GT;
    case PYX_OP_LE: return PYX_OP_GE;
    case PYX_OP_GT: return PYX_OP_LT;
    case PYX_OP_GE: return PYX_OP_LE;
    default: return op;
    }
}

/* Python operator on two objects -> owned result. */
Val object_binop(Fn *fn, int op, Val l, Val r, bool inplace, PyxLoc loc)
{
    const char *t = temp(fn, &pyx_type_object);
    const char *reuse = op == PYX_OP_ADD ? "+" : op == PYX_OP_SUB ? "-" : op == PYX_OP_MUL ? "*" : op == PYX_OP_DIV ? "/" : NULL;
    if (op == PYX_OP_POW)
        line(fn, "%s = %s(%s, %s, Py_None);", t, inplace ? "PyNumber_InPlacePower" : "PyNumber_Power", l.c, r.c);
    else if (reuse && (l.owned || r.owned))   /* a float temporary may take the result */
        line(fn, "%s = pyx_rt_arith_reuse(%s, %s, '%s', %d, %s, %s);", t, l.c, r.c, reuse, inplace,
             l.owned ? pyx_arena_printf(A, "&%s", l.c) : "NULL", r.owned ? pyx_arena_printf(A, "&%s", r.c) : "NULL");
    else
        line(fn, "%s = %s(%s, %s);", t, py_number_op(op, inplace), l.c, r.c);
    release(fn, l);
    release(fn, r);
    check(fn, pyx_arena_printf(A, "!%s", t), loc);
    Val v = {t, &pyx_type_object, true};
    return v;
}

/* e is a Python int that sema made a C integer (a literal, an inferred
   local, arithmetic of those), not a declared C value: '/' by zero then
   says int's "division by zero"; Cython-typed C ints keep "float ...". */
bool python_int(PyxNode *e)
{
    if (e->type->kind != PYX_TY_INT && e->type->kind != PYX_TY_BINT)
        return false;
    switch (e->kind) {
    case PYX_NODE_INT: case PYX_NODE_TRUE: case PYX_NODE_FALSE:
        return true;
    case PYX_NODE_NAME:
        return e->sym && !e->sym->declared;
    case PYX_NODE_UNARYOP:
        return python_int(e->value);
    case PYX_NODE_BINOP:
        return python_int(e->left) && python_int(e->right);
    default:
        return false;
    }
}

/* l op r in C, both already of type t (sema converted them), with Python's
   semantics where C's differ: '/' is true division, '//' and '%' floor,
   and division by zero raises ZeroDivisionError, unless cdivision asks
   for C's.  int ** k (a small constant k) multiplies.  ints: both operands
   were integers ('/' by zero says "division by zero", not "float ..."). */
Val c_arith(Fn *fn, int op, Val l, Val r, PyxType *t, bool cdiv, int64_t k, bool ints, PyxLoc loc)
{
    switch (op) {
    case PYX_OP_DIV: {
        if (cdiv)
            return cval(pyx_arena_printf(A, "(%s / %s)", l.c, r.c), t);
        const char *div = ints ? "pyx_rt_truediv_ints" : "pyx_rt_truediv_double";
        if (t == &pyx_type_double) {
            const char *res = temp(fn, t);
            check(fn, pyx_arena_printf(A, "%s(%s, %s, &%s) < 0", div, l.c, r.c, res), loc);
            return cval(res, t);
        } else {
            const char *res = temp(fn, &pyx_type_double);
            check(fn, pyx_arena_printf(A, "%s(%s, %s, &%s) < 0", div, l.c, r.c, res), loc);
            return cval(pyx_arena_printf(A, "((%s)%s)", t->cname, res), t);
        }
    }
    case PYX_OP_FLOORDIV: case PYX_OP_MOD: {
        if (cdiv && t->kind == PYX_TY_INT)
            return cval(pyx_arena_printf(A, "(%s %s %s)", l.c, c_op(op), r.c), t);
        const char *res = temp(fn, t);
        const char *rtn = t->kind == PYX_TY_FLOAT ? "double" : t->rt;
        check(fn, pyx_arena_printf(A, "pyx_rt_%s_%s(%s, %s, &%s) < 0", op == PYX_OP_MOD ? "mod" : "floordiv",
                                   rtn, l.c, r.c, res), loc);
        return cval(res, t);
    }
    case PYX_OP_POW:
        if (t->kind == PYX_TY_INT) {
            if (k == 0)
                return cval("1", t);
            Val base = materialize(fn, l);
            Buf b = {0};
            buf_printf(A, &b, "(%s", base.c);
            for (int64_t i = 1; i < k; i++)
                buf_printf(A, &b, " * %s", base.c);
            buf_printf(A, &b, ")");
            return cval(b.p, t);
        }
        return cval(pyx_arena_printf(A, "pow(%s, %s)", l.c, r.c), t);
    default:
        return cval(pyx_arena_printf(A, "(%s %s %s)", l.c, c_op(op), r.c), t);
    }
}

/* Does evaluating e emit no statements?  (C names, constants and C
   arithmetic that cannot raise.)  Then an operand to its left needs no temp
   to keep Python's left-to-right order. */
static bool pure_c(const PyxNode *e)
{
    if (e->type == NULL || !pyx_type_is_c(e->type) || (e->conv && !pyx_type_is_c(e->conv)))
        return false;
    if (e->sflags & PYX_SF(CONST))
        return true;
    switch (e->kind) {
    case PYX_NODE_FLOAT:
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
    if (e->type->kind == PYX_TY_OBJECT) {
        Val lo = emit_value(fn, e->left);
        Val ro = emit_value(fn, e->right);
        return object_binop(fn, e->op, lo, ro, false, e->loc);
    }
    if (e->type->kind == PYX_TY_PTR) {   /* pointer arithmetic */
        Val l = emit_expr(fn, e->left);
        Val r = emit_expr(fn, e->right);
        return cval(pyx_arena_printf(A, "(%s %s %s)", l.c, c_op(e->op), r.c), e->type);
    }
    bool small_pow = e->op == PYX_OP_POW && e->type->kind == PYX_TY_INT;
    Val l = emit_value(fn, e->left);
    /* keep left-to-right order when the right side has effects */
    if (!small_pow && !pure_c(e->right))
        l = materialize(fn, l);
    Val r = small_pow ? cval("", e->type) : emit_value(fn, e->right);
    return c_arith(fn, e->op, l, r, e->type, e->sflags & PYX_SF(CDIVISION), small_pow ? e->right->ival : 0,
                   python_int(e->left) && python_int(e->right), e->loc);
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

/* One comparison 'a op b' (c is its COMPARATOR) as a C truth value. */
static const char *compare_truth(Fn *fn, PyxNode *c, Val a, Val b)
{
    int op = c->op;
    PyxLoc loc = c->loc;
    PyxType *in = c->conv;
    if (in == NULL) {
        if (pyx_type_is_numeric(a.t) && pyx_type_is_numeric(b.t)) {   /* an int and a float, exactly */
            bool af = a.t->kind == PYX_TY_FLOAT;
            int r = rich_op(af ? swapped_op(op) : op);
            PYX_ASSERT(r >= 0 && r < 6);
            return pyx_arena_printf(A, "pyx_rt_compare_int_double(%s, %s, %s)", af ? b.c : a.c, af ? a.c : b.c,
                                    rich_names[r]);
        }
        return pyx_arena_printf(A, "(%s %s %s)", a.c, c_op(op), b.c);   /* pointers */
    }
    if (in->kind != PYX_TY_OBJECT) {
        a = coerce(fn, a, in, loc);
        b = coerce(fn, b, in, loc);
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
    line(fn, "%s = pyx_rt_richcompare_bool(%s, %s, %s);", t, ao.c, bo.c, rich_names[rich_op(op)]);
    release(fn, ao);
    release(fn, bo);
    check(fn, pyx_arena_printf(A, "%s < 0", t), loc);
    return t;
}

/* 'a < b < c' evaluates b once and stops at the first false comparison. */
static const char *compare_chain_truth(Fn *fn, PyxNode *e)
{
    Val left = emit_value(fn, e->left);
    if (e->items.len == 1) {
        if (pyx_type_is_c(left.t) && !pure_c(e->items.items[0]->value))
            left = materialize(fn, left);
        Val right = emit_value(fn, e->items.items[0]->value);
        return compare_truth(fn, e->items.items[0], left, right);
    }
    const char *res = temp(fn, &pyx_type_int);
    if (left.t->kind != PYX_TY_OBJECT)
        left = materialize(fn, left);
    /* every operand is released after the blocks, so that a chain stopped
       early (a false comparison) releases the ones it did not reach too */
    Val *owned = pyx_arena_alloc(A, sizeof(Val) * (size_t)(e->items.len + 1));
    int nowned = 0;
    if (left.owned)
        owned[nowned++] = left;
    Label *end = new_label(fn, "chain_end");
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *c = e->items.items[i];
        Val right = emit_value(fn, c->value);
        bool last = i == e->items.len - 1;
        if (!last) {   /* the next comparison needs it too: an owned object or a C temp */
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
        if (right.owned)
            owned[nowned++] = right;
        Val lv = left, rv = right;
        lv.owned = rv.owned = false;   /* compare_truth releases what it owns: lend it both */
        line(fn, "%s = %s;", res, compare_truth(fn, c, lv, rv));
        left = right;
        if (!last)
            line(fn, "if (!%s) goto %s;", res, jump(end));
    }
    place_label(fn, end);
    for (int i = 0; i < nowned; i++)
        release(fn, owned[i]);
    return res;
}

const char *emit_cond(Fn *fn, PyxNode *e)
{
    if (e->kind == PYX_NODE_NOT)
        return pyx_arena_printf(A, "(!%s)", emit_cond(fn, e->value));
    if (e->kind == PYX_NODE_COMPARE)
        return compare_chain_truth(fn, e);
    if (e->kind == PYX_NODE_BOOLOP) {
        /* a flat sequence of jumps, not nested blocks: a long chain stays linear */
        const char *res = temp(fn, &pyx_type_int);
        Label *end = new_label(fn, "bool_end");
        for (int i = 0; i < e->items.len; i++) {
            line(fn, "%s = %s;", res, emit_cond(fn, e->items.items[i]));
            if (i < e->items.len - 1)
                line(fn, "if (%s%s) goto %s;", e->op == PYX_OP_AND ? "!" : "", res, jump(end));
        }
        place_label(fn, end);
        return res;
    }
    return emit_truth(fn, emit_expr(fn, e), e->loc);
}

/* ---- calls -------------------------------------------------------------------------------- */

/* The error test for a call of a C function with exception spec 'f'. */
const char *exc_test(Fn *fn, PyxFunc *f, const char *res)
{
    if (f->nothrow)
        return NULL;
    /* the value in the function's own type: -1 is 255 for an unsigned char */
    const char *value = f->exc_value && f->ret->kind != PYX_TY_PTR
                        ? pyx_arena_printf(A, "(%s)%s", pyx_type_decl(A, f->ret, ""), f->exc_value) : f->exc_value;
    switch (f->exc) {
    case PYX_EXC_VALUE:
        return pyx_arena_printf(A, "%s == %s", res, value);
    case PYX_EXC_CHECK:
        return pyx_arena_printf(A, "%s == %s && PyErr_Occurred()", res, value);
    case PYX_EXC_STAR:
        return "PyErr_Occurred()";
    case PYX_EXC_NULL:
        return pyx_arena_printf(A, "!%s", res);
    default:
        return NULL;
    }
}

/* A call of this module's cdef/cpdef function or of an extern C function
   (or a function pointer): the arguments sema bound (e->args), each
   converted to its parameter's type, defaults from their slots. */
static Val emit_c_call(Fn *fn, PyxNode *e)
{
    PyxSymbol *sym = e->value->sym;
    PyxFunc *f = e->call_kind == PYX_CALL_C_FUNC ? sym->func : NULL;
    PyxType *ft = f ? NULL : (sym->type->kind == PYX_TY_FUNC ? sym->type : sym->type->base);
    int n = e->args.len;
    Buf args = {0};
    Val *owned = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
    int nowned = 0;
    for (int i = 0; i < n; i++) {
        PyxNode *arg = e->args.items[i];
        if (arg == NULL) {   /* the default, evaluated when the def statement ran */
            buf_printf(A, &args, "%s%s", i ? ", " : "", f->dflt[i]);
            continue;
        }
        Val v = emit_value(fn, arg);
        if (v.t->kind != PYX_TY_OBJECT && i + 1 < n && e->args.items[i + 1] && !pure_c(e->args.items[i + 1]))
            v = materialize(fn, v);
        if (v.owned)
            owned[nowned++] = v;
        buf_printf(A, &args, "%s%s", i ? ", " : "", v.c);
    }
    PyxType *ret = f ? f->ret : ft->base;
    const char *callee = f ? trace_callee(fn, f) : sym->kind == PYX_SYM_LOCAL ? pyx_arena_printf(A, "(*%s)", sym->cname) : sym->cname;
    const char *call = pyx_arena_printf(A, "%s(%s)", callee, args.p ? args.p : "");
    const char *t = NULL;
    if (ret->kind == PYX_TY_VOID) {
        line(fn, "%s;", call);
    } else {
        t = temp(fn, ret);
        line(fn, "%s = %s;", t, call);
    }
    for (int i = 0; i < nowned; i++)
        release(fn, owned[i]);
    const char *test = f ? exc_test(fn, f, t ? t : "") : NULL;
    if (test)
        check(fn, test, e->loc);
    else if (e->sflags & PYX_SF(RECURSIVE))
        line(fn, "PYX_KEEP_CALL();");
    if (!t)
        return cval("0", &pyx_type_void);
    return (Val){t, ret, ret->kind == PYX_TY_OBJECT};
}

/* Builtins computed in C for C arguments (PYX_CALL_BUILTIN). */
static Val emit_c_builtin(Fn *fn, PyxNode *e)
{
    PyxType *t = e->type;
    switch (e->builtin) {
    case PYX_BUILTIN_LEN: {
        Val o = emit_value(fn, e->items.items[0]);
        const char *r = temp(fn, &pyx_type_ssize_t);
        line(fn, "%s = PyObject_Length(%s);", r, o.c);
        release(fn, o);
        check(fn, pyx_arena_printf(A, "%s < 0", r), e->loc);
        return cval(r, t);
    }
    case PYX_BUILTIN_FLOAT:
        return emit_value(fn, e->items.items[0]);
    case PYX_BUILTIN_ABS: {
        Val v = materialize(fn, emit_value(fn, e->items.items[0]));
        if (t->kind == PYX_TY_FLOAT)
            return cval(pyx_arena_printf(A, "fabs(%s)", v.c), t);
        if (!t->is_signed)
            return v;
        /* abs(INT_MIN) overflows in C as in Cython; the result type is the operand's */
        return cval(pyx_arena_printf(A, "(%s < 0 ? -%s : %s)", v.c, v.c, v.c), t);
    }
    case PYX_BUILTIN_MIN: case PYX_BUILTIN_MAX: {
        /* left to right, the first extreme wins as in Python */
        const char *r = temp(fn, t);
        for (int i = 0; i < e->items.len; i++) {
            Val v = emit_value(fn, e->items.items[i]);
            if (i == 0) {
                line(fn, "%s = %s;", r, v.c);
            } else {
                Val m = materialize(fn, v);
                line(fn, "if (%s %s %s) %s = %s;", m.c, e->builtin == PYX_BUILTIN_MIN ? "<" : ">", r, r, m.c);
            }
        }
        return cval(r, t);
    }
    default:
        PYX_UNREACHABLE();
    }
}

static Val emit_py_call(Fn *fn, PyxNode *e)
{
    /* obj.name(...): obj, then the method (unbound: an int that says whether
       it is a method descriptor to call with obj first), then the arguments */
    bool method = e->call_kind == PYX_CALL_METHOD;
    Val obj = {0}, callee;
    const char *unbound = NULL;
    if (method) {
        PyxNode *attr = e->value;
        obj = emit_value(fn, attr->value);
        const char *m = temp(fn, &pyx_type_object);
        unbound = temp(fn, &pyx_type_int);
        line(fn, "%s = pyx_rt_get_method(%s, %s, &%s, &%s);", m, obj.c, name_const(fn->E, attr->name), unbound,
             attr_cache(fn->E, attr->name));
        check(fn, pyx_arena_printf(A, "!%s", m), attr->loc);
        callee = (Val){m, &pyx_type_object, true};
    } else {
        callee = emit_value(fn, e->value);
    }
    int n = e->items.len, nk = e->keywords.len;
    Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + nk + 1));
    for (int i = 0; i < n; i++)
        vals[i] = emit_value(fn, e->items.items[i]);
    for (int i = 0; i < nk; i++)
        vals[n + i] = emit_value(fn, e->keywords.items[i]->value);
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
    buf_printf(A, &args, "%s", method ? obj.c : "NULL");
    for (int i = 0; i < n + nk; i++)
        buf_printf(A, &args, ", %s", vals[i].c);
    line(fn, "{");
    line(fn, "    PyObject *pyx_args[] = {%s};", args.p);
    if (method)
        line(fn, "    %s = pyx_rt_call_method(%s, %s, pyx_args, %d, %s);", t, callee.c, unbound, n, kwnames);
    else
        line(fn, "    %s = PyObject_Vectorcall(%s, pyx_args + 1, %d | PY_VECTORCALL_ARGUMENTS_OFFSET, %s);",
             t, callee.c, n, kwnames);
    line(fn, "}");
    release(fn, callee);
    if (method)
        release(fn, obj);
    for (int i = 0; i < n + nk; i++)
        release(fn, vals[i]);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    Val v = {t, &pyx_type_object, true};
    return v;
}

/* 'f(a, *b, x=c, **d)': the positional arguments into a tuple, the
   keywords into a dict, each '*'/'**' unpacked where it stands (CPython's
   order: callee, positional left to right, then keywords). */
static Val emit_unpack_call(Fn *fn, PyxNode *e)
{
    Val callee = emit_value(fn, e->value);
    int n = e->items.len;
    const char *args = temp(fn, &pyx_type_object);
    if (n == 1 && e->items.items[0]->kind == PYX_NODE_STARRED) {   /* f(*x): CPython names f if x is no iterable */
        Val x = emit_value(fn, e->items.items[0]->value);
        line(fn, "%s = pyx_rt_star_args(%s, %s);", args, callee.c, x.c);
        release(fn, x);
        check(fn, pyx_arena_printf(A, "!%s", args), e->loc);
    } else {
        line(fn, "%s = PyList_New(0);", args);
        check(fn, pyx_arena_printf(A, "!%s", args), e->loc);
        for (int i = 0; i < n; i++) {
            PyxNode *it = e->items.items[i];
            bool star = it->kind == PYX_NODE_STARRED;
            Val v = emit_value(fn, star ? it->value : it);
            const char *r = temp(fn, &pyx_type_int);
            if (star)
                line(fn, "%s = pyx_rt_star_extend(%s, %s, %s);", r, args, callee.c, v.c);
            else
                line(fn, "%s = PyList_Append(%s, %s);", r, args, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "%s < 0", r), it->loc);
        }
        const char *tuple = temp(fn, &pyx_type_object);
        line(fn, "%s = PyList_AsTuple(%s);", tuple, args);
        line(fn, "Py_CLEAR(%s);", args);
        check(fn, pyx_arena_printf(A, "!%s", tuple), e->loc);
        args = tuple;
    }
    const char *kwargs = "NULL";
    if (e->keywords.len) {
        kwargs = temp(fn, &pyx_type_object);
        line(fn, "%s = PyDict_New();", kwargs);
        check(fn, pyx_arena_printf(A, "!%s", kwargs), e->loc);
        for (int i = 0; i < e->keywords.len; i++) {
            PyxNode *kw = e->keywords.items[i];
            Val v = emit_value(fn, kw->value);
            const char *r = temp(fn, &pyx_type_int);
            if (kw->name)
                line(fn, "%s = pyx_rt_kwargs_add(%s, %s, %s, %s);", r, kwargs, callee.c, name_const(fn->E, kw->name), v.c);
            else
                line(fn, "%s = pyx_rt_kwargs_merge(%s, %s, %s);", r, kwargs, callee.c, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "%s < 0", r), kw->loc);
        }
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = PyObject_Call(%s, %s, %s);", t, callee.c, args, kwargs);
    release(fn, callee);
    line(fn, "Py_CLEAR(%s);", args);
    if (e->keywords.len)
        line(fn, "Py_CLEAR(%s);", kwargs);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    return (Val){t, &pyx_type_object, true};
}

static Val emit_call(Fn *fn, PyxNode *e)
{
    switch (e->call_kind) {
    case PYX_CALL_GLOBALS: {   /* the module's namespace, not the calling frame's */
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_d;", t);
        line(fn, "Py_INCREF(%s);", t);
        return (Val){t, e->type, true};
    }
    case PYX_CALL_LOCALS: case PYX_CALL_DIR: case PYX_CALL_EXEC:   /* emit_locals.c */
        return emit_frame_call(fn, e);
    case PYX_CALL_C_FUNC: case PYX_CALL_C_EXTERN:
        return emit_c_call(fn, e);
    case PYX_CALL_BUILTIN:
        return emit_c_builtin(fn, e);
    case PYX_CALL_UNPACK:
        return emit_unpack_call(fn, e);
    case PYX_CALL_SUPER:
        return emit_super_call(fn, e);   /* emit_class.c */
    default:
        return emit_py_call(fn, e);
    }
}

/* ---- displays ------------------------------------------------------------------------------ */

static bool has_unpacking(PyxNode *e)
{
    for (int i = 0; i < e->items.len; i++)
        if (e->items.items[i]->kind == PYX_NODE_STARRED || e->items.items[i]->kind == PYX_NODE_DOUBLE_STARRED)
            return true;
    return false;
}

/* '[a, *b]', '(a, *b)': a list grown item by item (a tuple made of it at
   the end); '{a, *b}' and '{k: v, **m}' update the set or dict in place. */
static void emit_unpacking_items(Fn *fn, PyxNode *e, const char *t)
{
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *it = e->items.items[i];
        bool star = it->kind == PYX_NODE_STARRED || it->kind == PYX_NODE_DOUBLE_STARRED;
        const char *r = temp(fn, &pyx_type_int);
        if (e->kind == PYX_NODE_DICT && !star) {
            Val k = emit_value(fn, it->left);
            Val v = emit_value(fn, it->value);
            line(fn, "%s = PyDict_SetItem(%s, %s, %s);", r, t, k.c, v.c);
            release(fn, k);
            release(fn, v);
        } else {
            Val v = emit_value(fn, star ? it->value : it);
            if (e->kind == PYX_NODE_DICT)
                line(fn, "%s = pyx_rt_dict_update(%s, %s);", r, t, v.c);
            else if (e->kind == PYX_NODE_SET)
                line(fn, "%s = %s(%s, %s);", r, star ? "pyx_rt_set_update" : "PySet_Add", t, v.c);
            else if (star)
                line(fn, "%s = pyx_rt_star_extend(%s, NULL, %s);", r, t, v.c);
            else
                line(fn, "%s = PyList_Append(%s, %s);", r, t, v.c);
            release(fn, v);
        }
        check(fn, pyx_arena_printf(A, "%s < 0", r), it->loc);
    }
}

static Val emit_display(Fn *fn, PyxNode *e)
{
    const char *t = temp(fn, &pyx_type_object);
    int n = e->items.len;
    if (has_unpacking(e)) {
        line(fn, "%s = %s;", t, e->kind == PYX_NODE_DICT ? "PyDict_New()" : e->kind == PYX_NODE_SET ? "PySet_New(NULL)" : "PyList_New(0)");
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        emit_unpacking_items(fn, e, t);
        if (e->kind == PYX_NODE_TUPLE) {
            const char *tuple = temp(fn, &pyx_type_object);
            line(fn, "%s = PyList_AsTuple(%s);", tuple, t);
            line(fn, "Py_CLEAR(%s);", t);
            check(fn, pyx_arena_printf(A, "!%s", tuple), e->loc);
            t = tuple;
        }
        return (Val){t, e->type, true};
    }
    switch (e->kind) {
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: {
        Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
        for (int i = 0; i < n; i++)
            vals[i] = emit_value(fn, e->items.items[i]);
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
            Val v = emit_value(fn, e->items.items[i]);
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
            Val k = emit_value(fn, it->left);
            Val v = emit_value(fn, it->value);
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
Val emit_key(Fn *fn, PyxNode *right)
{
    if (right->kind != PYX_NODE_SLICE)
        return emit_value(fn, right);
    Val none = cval("Py_None", &pyx_type_object);
    Val lo = right->lower ? emit_value(fn, right->lower) : none;
    Val hi = right->upper ? emit_value(fn, right->upper) : none;
    Val st = right->step ? emit_value(fn, right->step) : none;
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
        Val v = emit_value(fn, p->value);
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
    line(fn, "%s = pyx_rt_getitem(%s, %s);", t, base.c, key.c);
    release(fn, base);
    release(fn, key);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    return (Val){t, &pyx_type_object, true};
}

/* A C integer constant as C source: unsuffixed when an int, 'L' for a
   long (LP64), and INT64_MIN spelled so that it is not -(too big). */
static const char *c_int_literal(Fn *fn, int64_t v, PyxType *t)
{
    if (v == INT64_MIN)
        return "(-9223372036854775807L - 1)";
    if (t->kind == PYX_TY_BINT)
        return v ? "1" : "0";
    if (t->kind != PYX_TY_INT || t->rank > 3 || !t->is_signed || v > INT32_MAX || v < INT32_MIN)
        return pyx_arena_printf(A, v < 0 ? "(%lldL)" : "%lldL", (long long)v);
    return pyx_arena_printf(A, v < 0 ? "(%lld)" : "%lld", (long long)v);
}

/* e's value, converted to the type its context asks for (e->conv).
   Constants that become objects are made once, at import. */
Val emit_value(Fn *fn, PyxNode *e)
{
    PyxType *to = e->conv;
    if (to && to->kind == PYX_TY_OBJECT && e->type && pyx_type_is_c(e->type)) {
        if ((e->sflags & PYX_SF(CONST)) && e->type->kind == PYX_TY_BINT)
            return cval(e->ival ? "Py_True" : "Py_False", &pyx_type_object);
        if (e->sflags & PYX_SF(CONST))
            return cval(int_const(fn->E, e->ival), &pyx_type_object);
        if (e->kind == PYX_NODE_FLOAT)
            return cval(float_const(fn->E, float_literal(A, e->name)), &pyx_type_object);
        if (e->kind == PYX_NODE_UNARYOP && e->op == PYX_OP_UMINUS && e->value->kind == PYX_NODE_FLOAT
            && e->type->kind == PYX_TY_FLOAT)   /* '-0.5' */
            return cval(float_const(fn->E, pyx_arena_printf(A, "-%s", float_literal(A, e->value->name))), &pyx_type_object);
    }
    Val v = emit_expr(fn, e);
    return to ? coerce(fn, v, to, e->loc) : v;
}

/* A Python float literal as a C double literal. */
const char *float_literal(PyxArena *a, const char *text)
{
    const char *s = strip_underscores(a, text);
    if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL && strchr(s, 'E') == NULL)
        s = pyx_arena_printf(a, "%s.0", s);
    if (s[0] == '.')
        s = pyx_arena_printf(a, "0%s", s);
    return s;
}

Val emit_expr(Fn *fn, PyxNode *e)
{
    if ((e->sflags & PYX_SF(CONST)) && pyx_type_is_c(e->type))
        return cval(c_int_literal(fn, e->ival, e->type), e->type);
    switch (e->kind) {
    case PYX_NODE_NAME:
        if (e->sym && e->sym->kind == PYX_SYM_EXTERN && e->sym->value)   /* a DEF constant */
            return emit_expr(fn, e->sym->value);
        return emit_name(fn, e);
    case PYX_NODE_INT: {   /* not a C constant: a Python int */
        const char *digits = strip_underscores(A, e->name);
        return cval(new_const(fn->E, "PyLong_FromString(%s, NULL, 0)", c_string(A, digits, (uint32_t)strlen(digits)), 0),
                    &pyx_type_object);
    }
    case PYX_NODE_FLOAT:
        return cval(float_literal(A, e->name), &pyx_type_double);
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
    case PYX_NODE_SLICE:   /* in a subscript's tuple */
        return emit_key(fn, e);
    case PYX_NODE_NONE:
        return cval("Py_None", &pyx_type_object);
    case PYX_NODE_ELLIPSIS:
        return cval("Py_Ellipsis", &pyx_type_object);
    case PYX_NODE_BINOP:
        return emit_binop(fn, e);
    case PYX_NODE_UNARYOP: {
        Val v = emit_value(fn, e->value);
        if (e->type->kind == PYX_TY_OBJECT) {
            const char *t = temp(fn, &pyx_type_object);
            const char *f = e->op == PYX_OP_UMINUS ? "PyNumber_Negative" : e->op == PYX_OP_UPLUS ? "PyNumber_Positive" : "PyNumber_Invert";
            line(fn, "%s = %s(%s);", t, f, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
            return (Val){t, &pyx_type_object, true};
        }
        const char *op = e->op == PYX_OP_UMINUS ? "-" : e->op == PYX_OP_UPLUS ? "+" : "~";
        return cval(pyx_arena_printf(A, "(%s%s)", op, v.c), e->type);
    }
    case PYX_NODE_NOT:
        return cval(emit_cond(fn, e), &pyx_type_bint);
    case PYX_NODE_COMPARE:
        if (e->type->kind != PYX_TY_OBJECT)
            return cval(compare_chain_truth(fn, e), &pyx_type_bint);
        if (e->items.len == 1 && rich_op(e->items.items[0]->op) >= 0) {
            Val a = emit_value(fn, e->left);
            Val b = emit_value(fn, e->items.items[0]->value);
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = pyx_rt_richcompare(%s, %s, %s);", t, a.c, b.c, rich_names[rich_op(e->items.items[0]->op)]);
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
    case PYX_NODE_NAMED_EXPR: {   /* stored, and the value of the expression too */
        Val v = emit_value(fn, e->value);
        if (v.t->kind != PYX_TY_OBJECT)
            v = materialize(fn, v);
        Val store = v;
        store.owned = false;
        assign_to(fn, e->target, store);
        return v;
    }
    case PYX_NODE_BOOLOP: {
        /* 'a and b' is a if a is false, else b; the result has e's type */
        const char *res = temp(fn, e->type);
        Label *end = new_label(fn, "bool_end");
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            Val v = emit_value(fn, it);
            if (e->type->kind == PYX_TY_OBJECT && i > 0)
                line(fn, "Py_CLEAR(%s);", res);
            move_into(fn, res, v);
            if (i < e->items.len - 1) {
                const char *truth = emit_truth(fn, (Val){res, e->type, false}, it->loc);
                line(fn, "if (%s%s) goto %s;", e->op == PYX_OP_AND ? "!" : "", truth, jump(end));
            }
        }
        place_label(fn, end);
        Val r = {res, e->type, e->type->kind == PYX_TY_OBJECT};
        return r;
    }
    case PYX_NODE_IF_EXP: {
        const char *cond = emit_cond(fn, e->test);
        const char *res = temp(fn, e->type);
        line(fn, "if (%s) {", cond);
        fn->indent++;
        move_into(fn, res, emit_value(fn, e->left));
        fn->indent--;
        line(fn, "} else {");
        fn->indent++;
        move_into(fn, res, emit_value(fn, e->right));
        fn->indent--;
        line(fn, "}");
        return (Val){res, e->type, e->type->kind == PYX_TY_OBJECT};
    }
    case PYX_NODE_CALL:
        return emit_call(fn, e);
    case PYX_NODE_ATTRIBUTE: {
        Val o = emit_value(fn, e->value);
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_getattr(%s, %s, &%s);", t, o.c, name_const(fn->E, e->name), attr_cache(fn->E, e->name));
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
    case PYX_NODE_LAMBDA:
        return emit_closure(fn, e);
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM: case PYX_NODE_AWAIT:
        return emit_yield(fn, e);
    case PYX_NODE_GENERATOR:
        return emit_genexp(fn, e);
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
        return cval(pyx_arena_printf(A, "((%s)%s)", pyx_type_decl(A, e->type, ""), v.c), e->type);
    }
    case PYX_NODE_ADDRESS_OF: {
        Val v = emit_expr(fn, e->value);
        return cval(pyx_arena_printf(A, "(&%s)", v.c), e->type);
    }
    case PYX_NODE_SIZEOF: {
        PyxNode *v = e->value;
        if (e->ctype)
            return cval(pyx_arena_printf(A, "sizeof(%s)", pyx_type_decl(A, e->ctype->type, "")), &pyx_type_size_t);
        if (v->kind == PYX_NODE_NAME && (v->sym == NULL || v->sym->kind == PYX_SYM_TYPE))   /* sizeof(int) */
            return cval(pyx_arena_printf(A, "sizeof(%s)", pyx_type_decl(A, v->type, "")), &pyx_type_size_t);
        return cval(pyx_arena_printf(A, "sizeof(%s)", emit_expr(fn, v).c), &pyx_type_size_t);
    }
    default:
        PYX_UNREACHABLE();
    }
}
