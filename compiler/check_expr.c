/* check_expr.c - typing expressions: every expression node gets a PyxType;
 * integer constants are evaluated and folded; user errors in typed code are
 * reported here.
 */
#include "sema_int.h"

static PyxType *check_comprehension(Sema *S, PyxNode *e);

/* ---- constants -------------------------------------------------------------------- */

/* Value of an integer literal as written (any base, underscores, any
   length); false when it does not fit in 64 bits (it is a Python int). */
bool parse_int_literal(const char *s, int64_t *value)
{
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
        base = 8, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        base = 2, s += 2;
    uint64_t v = 0;
    bool any = false;
    for (; *s; s++) {
        if (*s == '_')
            continue;
        unsigned d = *s >= '0' && *s <= '9' ? (unsigned)(*s - '0')
                   : *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10)
                   : *s >= 'A' && *s <= 'F' ? (unsigned)(*s - 'A' + 10) : 99;
        if (d >= base)
            return false;
        if (v > (UINT64_MAX - d) / base)
            return false;
        v = v * base + d;
        any = true;
    }
    if (!any || v > (uint64_t)INT64_MAX)
        return false;
    *value = (int64_t)v;
    return true;
}

/* a op b on Python ints, exactly; false when the result is not a 64-bit
   int (overflow, a float result, or an error Python raises at run time). */
bool fold_int_op(int op, int64_t a, int64_t b, int64_t *r)
{
    switch (op) {
    case PYX_OP_ADD: return !__builtin_add_overflow(a, b, r);
    case PYX_OP_SUB: return !__builtin_sub_overflow(a, b, r);
    case PYX_OP_MUL: return !__builtin_mul_overflow(a, b, r);
    case PYX_OP_FLOORDIV: case PYX_OP_MOD: {
        if (b == 0 || (a == INT64_MIN && b == -1))
            return false;
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            q--;
            m += b;
        }
        *r = op == PYX_OP_MOD ? m : q;
        return true;
    }
    case PYX_OP_POW: {
        if (b < 0)
            return false;   /* a float */
        int64_t result = 1, base = a;
        for (int64_t e = b; e > 0; e >>= 1) {
            if ((e & 1) && __builtin_mul_overflow(result, base, &result))
                return false;
            if (e > 1 && __builtin_mul_overflow(base, base, &base))
                return false;
        }
        *r = result;
        return true;
    }
    case PYX_OP_LSHIFT:
        if (b < 0 || (b >= 63 && a != 0))
            return false;
        if (a == 0) {
            *r = 0;
            return true;
        }
        if (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))
            return false;
        *r = (int64_t)((uint64_t)a << b);
        return true;
    case PYX_OP_RSHIFT:
        if (b < 0)
            return false;
        *r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;   /* arithmetic shift: floor, as Python */
        return true;
    case PYX_OP_BITAND: *r = a & b; return true;
    case PYX_OP_BITOR: *r = a | b; return true;
    case PYX_OP_BITXOR: *r = a ^ b; return true;
    default:
        return false;
    }
}

/* Evaluates an integer constant expression from its syntax (literals, DEF
   names, arithmetic, unary minus), before or without typing: array sizes,
   exception values, range bounds.  ok=false when it is not one or leaves
   64 bits. */
long const_int_value(Sema *S, PyxNode *e, bool *ok)
{
    int64_t v = 0, a, b;
    switch (e->kind) {
    case PYX_NODE_INT:
        if (!parse_int_literal(e->name, &v))
            *ok = false;
        return v;
    case PYX_NODE_TRUE:
        return 1;
    case PYX_NODE_FALSE:
        return 0;
    case PYX_NODE_NAME: {
        PyxSymbol *sym = lookup(S, e->name);
        if (sym && sym->value)
            return const_int_value(S, sym->value, ok);
        *ok = false;
        return 0;
    }
    case PYX_NODE_UNARYOP:
        a = const_int_value(S, e->value, ok);
        if (e->op == PYX_OP_UMINUS && a != INT64_MIN)
            return -a;
        if (e->op == PYX_OP_UPLUS)
            return a;
        if (e->op == PYX_OP_INVERT)
            return ~a;
        *ok = false;
        return 0;
    case PYX_NODE_BINOP:
        a = const_int_value(S, e->left, ok);
        b = *ok ? const_int_value(S, e->right, ok) : 0;
        if (*ok && !fold_int_op(e->op, a, b, &v))
            *ok = false;
        return *ok ? v : 0;
    default:
        *ok = false;
        return 0;
    }
}

PyxType *set_type(PyxNode *e, PyxType *t)
{
    e->type = t;
    return t;
}

/* The context converts e's value to t: recorded for emit (PyxNode.conv). */
void convert_to(PyxNode *e, PyxType *t)
{
    e->conv = t;
}

static bool is_const(const PyxNode *e)
{
    return (e->sflags & PYX_SF(CONST)) && e->type && (e->type->kind == PYX_TY_INT || e->type->kind == PYX_TY_BINT);
}

static bool is_typed(const PyxNode *e)
{
    return (e->sflags & PYX_SF(TYPED)) != 0;
}

/* An integer constant: the C type C itself gives the literal (int, else long). */
static PyxType *set_const(PyxNode *e, int64_t v, PyxType *t)
{
    e->sflags |= PYX_SF(CONST);
    e->ival = v;
    return set_type(e, t ? t : pyx_type_of_int_value(v));
}

static bool is_lvalue(PyxNode *e)
{
    if (e->kind == PYX_NODE_NAME)
        return e->sym && (e->sym->kind == PYX_SYM_LOCAL || e->sym->kind == PYX_SYM_CGLOBAL);
    if (e->kind == PYX_NODE_SUBSCRIPT)
        return e->value->type && (e->value->type->kind == PYX_TY_PTR || e->value->type->kind == PYX_TY_ARRAY);
    return false;
}

PyxType *check_name(Sema *S, PyxNode *e)
{
    if (strcmp(e->name, "NULL") == 0 && lookup(S, "NULL") == NULL)
        return set_type(e, &pyx_type_null);
    PyxSymbol *sym = lookup(S, e->name);
    if (sym == NULL)   /* unknown at compile time: looked up in the module dict, then builtins */
        sym = scope_add(S, S->module, PYX_SYM_PYGLOBAL, e->name, &pyx_type_object, e->loc);
    e->sym = sym;
    switch (sym->kind) {
    case PYX_SYM_TYPE:
        pyx_diag_error(S->d, e->loc, "'%s' is a type, not a value", e->name);
        return type_error(e);
    case PYX_SYM_MODULE:
        pyx_diag_error(S->d, e->loc, "cimported module '%s' cannot be used as a Python object", e->name);
        return type_error(e);
    case PYX_SYM_EXTERN:
        if (sym->value) {   /* DEF constant: the value's type and constant */
            PyxType *t = check_expr(S, sym->value);
            e->sflags |= sym->value->sflags & (PYX_SF(CONST) | PYX_SF(BIG));
            e->ival = sym->value->ival;
            return set_type(e, t);
        }
        e->sflags |= PYX_SF(TYPED);
        return set_type(e, sym->type);
    case PYX_SYM_FUNC:
        if (sym->func && !sym->func->is_py) {
            pyx_diag_error(S->d, e->loc, "cdef function '%s' can only be called, not used as a Python object", e->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_object);
    default:
        if (sym->declared || sym->kind == PYX_SYM_CGLOBAL)
            e->sflags |= PYX_SF(TYPED);
        return set_type(e, sym->type ? sym->type : &pyx_type_object);
    }
}

static bool is_bitwise(int op)
{
    return op == PYX_OP_BITAND || op == PYX_OP_BITOR || op == PYX_OP_BITXOR;
}

/* Both operands converted to t. */
static PyxType *binop_in(PyxNode *e, PyxType *t)
{
    convert_to(e->left, t);
    convert_to(e->right, t);
    return set_type(e, t);
}

/* a op b on two C numbers.  Constants fold exactly as Python ints (a result
   that leaves 64 bits, or a float from a negative power, makes the whole
   expression Python arithmetic); '/' is true division; int ** int is C
   only for a small constant exponent; float ** float is C pow() only in
   typed code, since it differs from Python's (OverflowError, complex
   results).  Otherwise C's usual arithmetic conversions. */
static PyxType *numeric_binop(Sema *S, PyxNode *e, PyxType *l, PyxType *r)
{
    PyxNode *L = e->left, *R = e->right;
    int op = e->op;
    if (is_typed(L) || is_typed(R))
        e->sflags |= PYX_SF(TYPED);
    if (S->dirs->value[PYX_DIR_CDIVISION])
        e->sflags |= PYX_SF(CDIVISION);
    bool ints = l->kind != PYX_TY_FLOAT && r->kind != PYX_TY_FLOAT;
    if ((!ints && (is_bitwise(op) || op == PYX_OP_LSHIFT || op == PYX_OP_RSHIFT)) || op == PYX_OP_MATMUL) {
        if (is_typed(e)) {
            pyx_diag_error(S->d, e->loc, "unsupported operand types for %s: '%s' and '%s'", pyx_op_str(op), l->name, r->name);
            return type_error(e);
        }
        /* untyped code: CPython raises TypeError when it runs, and so does this */
        pyx_diag_warning(S->d, e->loc, "unsupported operand types for %s: '%s' and '%s'", pyx_op_str(op), l->name, r->name);
        return binop_in(e, &pyx_type_object);
    }
    bool both_bint = l->kind == PYX_TY_BINT && r->kind == PYX_TY_BINT;
    if (is_const(L) && is_const(R)) {
        int64_t v;
        if (op != PYX_OP_DIV && fold_int_op(op, L->ival, R->ival, &v))
            return set_const(e, v, both_bint && is_bitwise(op) ? &pyx_type_bint : NULL);
        const int64_t exact = (int64_t)1 << 53;   /* doubles hold these ints exactly */
        if (op != PYX_OP_DIV || L->ival > exact || L->ival < -exact || R->ival > exact || R->ival < -exact)
            return binop_in(e, &pyx_type_object);
    }
    PyxType *t = pyx_type_promote(l, r);
    switch (op) {
    case PYX_OP_DIV:
        return binop_in(e, t->kind == PYX_TY_FLOAT ? t : &pyx_type_double);
    case PYX_OP_POW:
        if (t->kind == PYX_TY_INT && is_const(R) && R->ival >= 0 && R->ival <= 64) {
            convert_to(L, t);
            convert_to(R, NULL);
            return set_type(e, t);
        }
        if (!is_typed(e))
            return binop_in(e, &pyx_type_object);
        return binop_in(e, &pyx_type_double);
    default:
        if (both_bint && is_bitwise(op))
            return binop_in(e, &pyx_type_bint);   /* True ^ False is a bool, as in Cython */
        return binop_in(e, t);
    }
}

static PyxType *check_binop(Sema *S, PyxNode *e)
{
    PyxType *l = check_expr(S, e->left), *r = check_expr(S, e->right);
    if (l->kind == PYX_TY_ERROR || r->kind == PYX_TY_ERROR)
        return type_error(e);
    /* pointer arithmetic */
    if ((l->kind == PYX_TY_PTR || l->kind == PYX_TY_ARRAY) && r->kind == PYX_TY_INT
        && (e->op == PYX_OP_ADD || e->op == PYX_OP_SUB)) {
        e->sflags |= PYX_SF(TYPED);
        convert_to(e->left, NULL);
        convert_to(e->right, NULL);
        return set_type(e, l->kind == PYX_TY_ARRAY ? pyx_type_ptr(S->a, l->base) : l);
    }
    if (pyx_type_is_numeric(l) && pyx_type_is_numeric(r))
        return numeric_binop(S, e, l, r);
    if ((pyx_type_is_c(l) && !pyx_type_is_numeric(l)) || (pyx_type_is_c(r) && !pyx_type_is_numeric(r))) {
        pyx_diag_error(S->d, e->loc, "invalid operand types for %s: '%s' and '%s'", pyx_op_str(e->op), l->name, r->name);
        return type_error(e);
    }
    return binop_in(e, &pyx_type_object);
}

static PyxType *check_unaryop(Sema *S, PyxNode *e)
{
    PyxType *t = check_expr(S, e->value);
    if (t->kind == PYX_TY_ERROR)
        return type_error(e);
    if (!pyx_type_is_numeric(t)) {
        if (pyx_type_is_c(t)) {
            pyx_diag_error(S->d, e->loc, "bad operand type for unary %s: '%s'", pyx_op_str(e->op), t->name);
            return type_error(e);
        }
        convert_to(e->value, &pyx_type_object);
        return set_type(e, &pyx_type_object);
    }
    if (e->op == PYX_OP_INVERT && t->kind == PYX_TY_FLOAT) {
        pyx_diag_error(S->d, e->loc, "bad operand type for unary ~: '%s'", t->name);
        return type_error(e);
    }
    e->sflags |= e->value->sflags & PYX_SF(TYPED);
    if (is_const(e->value)) {
        int64_t v = e->value->ival;
        if (e->op == PYX_OP_UMINUS && v == INT64_MIN) {   /* 2**63: a Python int */
            convert_to(e->value, &pyx_type_object);
            return set_type(e, &pyx_type_object);
        }
        return set_const(e, e->op == PYX_OP_UMINUS ? -v : e->op == PYX_OP_INVERT ? ~v : v, NULL);
    }
    PyxType *rt = t->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t, t);
    convert_to(e->value, rt);
    return set_type(e, rt);
}

/* One comparison 'prev op c->value': c->conv is the type both operands are
   compared in (object: Python's rich comparison), NULL when C compares
   them as they are (pointers, or an int with a float: exactly). */
static void compare_in(PyxNode *c, PyxType *prev, PyxType *r)
{
    if (!pyx_type_is_c(prev) || !pyx_type_is_c(r) || c->op == PYX_OP_IN || c->op == PYX_OP_NOT_IN)
        c->conv = &pyx_type_object;
    else if (pyx_type_is_numeric(prev) && pyx_type_is_numeric(r)
             && (prev->kind == PYX_TY_FLOAT) == (r->kind == PYX_TY_FLOAT))
        c->conv = pyx_type_promote(prev, r);
    else
        c->conv = NULL;
}

static PyxType *check_compare(Sema *S, PyxNode *e)
{
    PyxType *l = check_expr(S, e->left);
    bool all_c = pyx_type_is_c(l);
    PyxType *prev = l;
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *c = e->items.items[i];
        PyxType *r = check_expr(S, c->value);
        c->type = r;
        if (c->op == PYX_OP_IN || c->op == PYX_OP_NOT_IN || c->op == PYX_OP_IS || c->op == PYX_OP_IS_NOT) {
            if (pyx_type_is_c(r) || pyx_type_is_c(prev)) {
                if (c->op == PYX_OP_IN || c->op == PYX_OP_NOT_IN) {
                    all_c = false;   /* x in obj: the C operand is boxed */
                } else if (!(prev->kind == PYX_TY_PTR || prev->kind == PYX_TY_NULL)) {
                    all_c = false;
                }
            } else {
                all_c = false;
            }
        } else if (!(pyx_type_is_c(r) && pyx_type_is_c(prev))) {
            all_c = false;
        }
        if ((pyx_type_is_c(r) && !pyx_type_is_numeric(r) && r->kind != PYX_TY_PTR && r->kind != PYX_TY_NULL
             && r->kind != PYX_TY_ARRAY)) {
            pyx_diag_error(S->d, c->loc, "cannot compare values of type '%s'", r->name);
            return type_error(e);
        }
        if ((pyx_type_is_c(r) != pyx_type_is_c(prev)) && (r->kind == PYX_TY_PTR || prev->kind == PYX_TY_PTR)) {
            pyx_diag_error(S->d, c->loc, "cannot compare a C pointer with a Python object");
            return type_error(e);
        }
        compare_in(c, prev, r);
        if ((c->op == PYX_OP_IS || c->op == PYX_OP_IS_NOT) && c->conv == NULL
            && !(prev->kind == PYX_TY_PTR || prev->kind == PYX_TY_NULL))
            c->conv = &pyx_type_object;
        prev = r;
    }
    /* an operand only compared as an object is converted once, up front */
    for (int i = 0; i <= e->items.len; i++) {
        PyxNode *operand = i ? e->items.items[i - 1]->value : e->left;
        bool before = i == 0 || e->items.items[i - 1]->conv == &pyx_type_object;
        bool after = i == e->items.len || e->items.items[i]->conv == &pyx_type_object;
        convert_to(operand, before && after ? &pyx_type_object : NULL);
    }
    return set_type(e, all_c ? &pyx_type_bint : &pyx_type_object);
}

/* The one C type several values can share without changing any of them,
   as 'a or b' and 'a if c else b' must return one of their operands as it
   is: the same type, or integers (or floats) that widen exactly.  NULL
   when there is none (a bool beside an int, an int beside a float): then
   the result is a Python object. */
static PyxType *common_type(PyxType *a, PyxType *b)
{
    if (pyx_type_equal(a, b))
        return a;
    if (a->kind == PYX_TY_FLOAT && b->kind == PYX_TY_FLOAT)
        return pyx_type_promote(a, b);
    if (a->kind == PYX_TY_INT && b->kind == PYX_TY_INT) {
        PyxType *t = pyx_type_promote(a, b);
        if ((a->is_signed || !t->is_signed || t->rank > a->rank) && (b->is_signed || !t->is_signed || t->rank > b->rank)
            && (!a->is_signed || t->is_signed) && (!b->is_signed || t->is_signed))
            return t;
    }
    return NULL;
}

static PyxType *check_boolop(Sema *S, PyxNode *e)
{
    PyxType *t = NULL;
    bool c = true;
    for (int i = 0; i < e->items.len; i++) {
        PyxType *it = check_expr(S, e->items.items[i]);
        if (it->kind == PYX_TY_ERROR)
            return type_error(e);
        if (!pyx_type_is_numeric(it) || (t && !(t = common_type(t, it))))
            c = false;
        else if (!t)
            t = it;
    }
    if (!c)
        t = &pyx_type_object;
    for (int i = 0; i < e->items.len; i++)
        convert_to(e->items.items[i], t);
    return set_type(e, t);
}

static PyxType *check_if_exp(Sema *S, PyxNode *e)
{
    check_expr(S, e->test);
    PyxType *a = check_expr(S, e->left), *b = check_expr(S, e->right);
    if (a->kind == PYX_TY_ERROR || b->kind == PYX_TY_ERROR)
        return type_error(e);
    PyxType *t = common_type(a, b);
    if (t == NULL || (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_PTR)) {
        if ((pyx_type_is_c(a) && !pyx_type_is_numeric(a)) || (pyx_type_is_c(b) && !pyx_type_is_numeric(b))) {
            pyx_diag_error(S->d, e->loc, "incompatible types in conditional expression: '%s' and '%s'", a->name, b->name);
            return type_error(e);
        }
        t = &pyx_type_object;
    }
    convert_to(e->left, t);
    convert_to(e->right, t);
    return set_type(e, t);
}

/* A value that goes into a Python object (a display, an argument, an
   attribute's owner...): C numbers are boxed, other C values cannot be. */
bool check_boxable(Sema *S, PyxNode *e, const char *what)
{
    PyxType *t = e->type;
    convert_to(e, &pyx_type_object);
    if (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, e->loc, what, t->name);
        return false;
    }
    return true;
}

/* '*x' in a call or a display, '**m' in a dict display: x as an object. */
bool check_unpacked(Sema *S, PyxNode *e, const char *what)
{
    check_expr(S, e->value);
    bool ok = check_boxable(S, e->value, what);
    set_type(e, &pyx_type_object);
    return ok;
}

/* The iterable of a for loop or a comprehension.  p[a:b] (and arr[a:b]) of
   a C pointer or array is allowed here, and only here: the loop runs over
   its elements in C.  Its type is then a pointer to the elements. */
PyxType *check_iterable(Sema *S, PyxNode *it)
{
    if (!(it->kind == PYX_NODE_SUBSCRIPT && it->right->kind == PYX_NODE_SLICE))
        return check_expr(S, it);
    PyxType *t = check_expr(S, it->value);
    if (t->kind != PYX_TY_PTR && t->kind != PYX_TY_ARRAY)
        return check_expr(S, it);
    it->sflags &= ~(PYX_SF(CONST) | PYX_SF(TYPED));
    PyxNode *sl = it->right;
    PyxNode *parts[] = {sl->lower, sl->upper, sl->step};
    for (int i = 0; i < 3; i++) {
        if (!parts[i])
            continue;
        PyxType *pt = check_expr(S, parts[i]);
        if (pt->kind != PYX_TY_INT && pt->kind != PYX_TY_BINT && pt->kind != PYX_TY_ERROR) {
            pyx_diag_error(S->d, parts[i]->loc, "a C slice bound must be a C integer, not '%s'", pt->name);
            return type_error(it);
        }
        convert_to(parts[i], &pyx_type_ssize_t);
    }
    if (!sl->upper && (t->kind == PYX_TY_PTR || t->array_len < 0)) {
        pyx_diag_error(S->d, it->loc, "a slice of a C pointer needs an end: p[:n]");
        return type_error(it);
    }
    if (sl->step && (!(sl->step->sflags & PYX_SF(CONST)) || sl->step->ival == 0)) {
        pyx_diag_error(S->d, sl->step->loc, "the step of a C slice must be a non-zero constant");
        return type_error(it);
    }
    if (t->base->kind == PYX_TY_VOID) {
        pyx_diag_error(S->d, it->loc, "cannot iterate over a void pointer");
        return type_error(it);
    }
    sl->type = &pyx_type_ssize_t;
    return set_type(it, pyx_type_ptr(S->a, t->base));
}

static PyxType *check_subscript(Sema *S, PyxNode *e)
{
    PyxType *t = check_expr(S, e->value);
    if (e->right->kind == PYX_NODE_SLICE) {
        if (pyx_type_is_c(t)) {
            unsupported(S, e, "slicing C pointers and arrays");
            return type_error(e);
        }
        PyxNode *sl = e->right;
        PyxNode *parts[] = {sl->lower, sl->upper, sl->step};
        for (int i = 0; i < 3; i++)
            if (parts[i]) {
                check_expr(S, parts[i]);
                check_boxable(S, parts[i], "cannot use a '%s' as a slice index");
            }
        sl->type = &pyx_type_object;
        return set_type(e, &pyx_type_object);
    }
    PyxType *it = check_expr(S, e->right);
    if (t->kind == PYX_TY_PTR || t->kind == PYX_TY_ARRAY) {
        if (it->kind != PYX_TY_INT && it->kind != PYX_TY_BINT && it->kind != PYX_TY_ERROR) {
            pyx_diag_error(S->d, e->right->loc, "C array index must be a C integer, not '%s'", it->name);
            return type_error(e);
        }
        if (t->base->kind == PYX_TY_VOID) {
            pyx_diag_error(S->d, e->loc, "cannot index a void pointer");
            return type_error(e);
        }
        e->sflags |= PYX_SF(TYPED);
        return set_type(e, t->base);
    }
    if (pyx_type_is_c(t) && t->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, e->loc, "'%s' object is not subscriptable", t->name);
        return type_error(e);
    }
    if (it->kind == PYX_TY_PTR) {
        pyx_diag_error(S->d, e->right->loc, "cannot use a C pointer as a Python index");
        return type_error(e);
    }
    convert_to(e->right, &pyx_type_object);
    return set_type(e, &pyx_type_object);
}

static PyxType *check_cast(Sema *S, PyxNode *e)
{
    PyxType *to = resolve_ctype(S, e->ctype);
    PyxType *from = check_expr(S, e->value);
    if (to->kind == PYX_TY_ERROR || from->kind == PYX_TY_ERROR)
        return type_error(e);
    if (e->flags & PYX_F(CHECKED)) {
        unsupported(S, e, "checked casts '<T?>' (no extension types yet)");
        return type_error(e);
    }
    if (to->kind == PYX_TY_OBJECT && from->kind == PYX_TY_PTR) {
        unsupported(S, e, "casting C pointers to Python objects");
        return type_error(e);
    }
    if (from->kind == PYX_TY_OBJECT && to->kind == PYX_TY_PTR) {
        unsupported(S, e, "casting Python objects to C pointers");
        return type_error(e);
    }
    if (to->kind == PYX_TY_ARRAY || to->kind == PYX_TY_VOID) {
        pyx_diag_error(S->d, e->loc, "cannot cast to '%s'", to->name);
        return type_error(e);
    }
    e->sflags |= PYX_SF(TYPED);
    return set_type(e, to);
}

static PyxType *check_sizeof(Sema *S, PyxNode *e)
{
    e->sflags |= PYX_SF(TYPED);
    PyxNode *ct = e->ctype;
    PyxSymbol *sym = e->value && e->value->kind == PYX_NODE_NAME ? lookup(S, e->value->name) : NULL;
    if (!ct && e->value->kind == PYX_NODE_NAME && (pyx_type_by_name(e->value->name) || (sym && sym->kind == PYX_SYM_TYPE))) {
        /* sizeof(int) arrives as a name: it names a type */
        PyxType *t = pyx_type_by_name(e->value->name);
        e->value->type = t ? t : sym->type;
        e->value->sym = NULL;   /* names no value: emit writes sizeof(type) */
        return set_type(e, &pyx_type_size_t);
    }
    if (ct) {
        ct->type = resolve_ctype(S, ct);
        if (ct->type->kind == PYX_TY_ERROR || ct->type->kind == PYX_TY_VOID || ct->type->kind == PYX_TY_FUNC) {
            if (ct->type->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, e->loc, "sizeof() of an incomplete type '%s'", ct->type->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_size_t);
    }
    PyxType *t = check_expr(S, e->value);
    if (t->kind == PYX_TY_OBJECT) {
        pyx_diag_error(S->d, e->loc, "sizeof() of a Python object; use sys.getsizeof() for that");
        return type_error(e);
    }
    return set_type(e, &pyx_type_size_t);
}

PyxType *check_expr(Sema *S, PyxNode *e)
{
    /* what an earlier inference round recorded is decided afresh */
    e->sflags &= ~(PYX_SF(CONST) | PYX_SF(BIG) | PYX_SF(TYPED) | PYX_SF(CDIVISION));
    e->conv = NULL;
    switch (e->kind) {
    case PYX_NODE_NAME: {
        PyxType *t = check_name(S, e);
        if (e->sym)
            e->sym->read = true;
        return t;
    }
    case PYX_NODE_INT: {
        int64_t v;
        if (parse_int_literal(e->name, &v))
            return set_const(e, v, NULL);
        e->sflags |= PYX_SF(BIG);
        return set_type(e, &pyx_type_object);
    }
    case PYX_NODE_FLOAT:
        return set_type(e, &pyx_type_double);
    case PYX_NODE_IMAG:
        return set_type(e, &pyx_type_object);
    case PYX_NODE_STR:
        if (e->flags & PYX_F(CHAR))
            return set_type(e, &pyx_type_char);
        return set_type(e, pyx_type_builtin((e->flags & PYX_F(BYTES)) ? PYX_BI_BYTES : PYX_BI_STR));
    case PYX_NODE_TRUE: case PYX_NODE_FALSE:
        return set_const(e, e->kind == PYX_NODE_TRUE, &pyx_type_bint);
    case PYX_NODE_NONE: case PYX_NODE_ELLIPSIS:
        return set_type(e, &pyx_type_object);
    case PYX_NODE_BINOP:
        return check_binop(S, e);
    case PYX_NODE_UNARYOP:
        return check_unaryop(S, e);
    case PYX_NODE_NOT:
        check_expr(S, e->value);
        return set_type(e, &pyx_type_bint);
    case PYX_NODE_BOOLOP:
        return check_boolop(S, e);
    case PYX_NODE_COMPARE:
        return check_compare(S, e);
    case PYX_NODE_IF_EXP:
        return check_if_exp(S, e);
    case PYX_NODE_CALL:
        return check_call(S, e);
    case PYX_NODE_ATTRIBUTE:
        e->name = mangled(S, e->name);   /* 'self.__x' in class C: '_C__x' */
        check_expr(S, e->value);
        if (!check_boxable(S, e->value, "a '%s' has no attributes"))
            return type_error(e);
        return set_type(e, &pyx_type_object);
    case PYX_NODE_SUBSCRIPT:
        return check_subscript(S, e);
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: case PYX_NODE_SET:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_STARRED) {
                check_unpacked(S, it, "cannot unpack a '%s'");
                continue;
            }
            check_expr(S, it);
            check_boxable(S, it, "cannot convert '%s' to a Python object");
        }
        return set_type(e, pyx_type_builtin(e->kind == PYX_NODE_TUPLE ? PYX_BI_TUPLE : e->kind == PYX_NODE_LIST ? PYX_BI_LIST : PYX_BI_SET));
    case PYX_NODE_DICT:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_DOUBLE_STARRED) {
                check_unpacked(S, it, "cannot unpack a '%s'");
                continue;
            }
            check_expr(S, it->left);
            check_boxable(S, it->left, "cannot convert '%s' to a Python object");
            check_expr(S, it->value);
            check_boxable(S, it->value, "cannot convert '%s' to a Python object");
        }
        return set_type(e, pyx_type_builtin(PYX_BI_DICT));
    case PYX_NODE_CAST:
        return check_cast(S, e);
    case PYX_NODE_ADDRESS_OF: {
        PyxType *t = check_expr(S, e->value);
        if (t->kind == PYX_TY_ERROR)
            return type_error(e);
        if (e->value->kind == PYX_NODE_NAME && e->value->sym && e->value->sym->kind == PYX_SYM_CELL) {
            pyx_diag_error(S->d, e->loc, "cannot take the address of '%s': a closure uses it, so it lives in a cell",
                           e->value->name);
            return type_error(e);
        }
        if (!is_lvalue(e->value) || t->kind == PYX_TY_OBJECT) {
            pyx_diag_error(S->d, e->loc, "cannot take the address of this expression");
            return type_error(e);
        }
        e->sflags |= PYX_SF(TYPED);
        return set_type(e, pyx_type_ptr(S->a, t->kind == PYX_TY_ARRAY ? t->base : t));
    }
    case PYX_NODE_SIZEOF:
        return check_sizeof(S, e);
    case PYX_NODE_FSTRING:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *part = e->items.items[i];
            if (part->kind == PYX_NODE_STR) {
                check_expr(S, part);
                continue;
            }
            check_expr(S, part->value);
            check_boxable(S, part->value, "cannot format a '%s' in an f-string");
            if (part->right)
                check_expr(S, part->right);
            part->type = pyx_type_builtin(PYX_BI_STR);
        }
        return set_type(e, pyx_type_builtin(PYX_BI_STR));
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP:
        return check_comprehension(S, e);
    case PYX_NODE_GENERATOR:   /* the first iterable here, the rest in its own function */
        /* (an 'async for' or an await inside makes it an async generator, which
           any function may make, as in CPython 3.11) */
        check_iterable(S, e->handlers.items[0]->value);
        if (!S->infer_pass && e->func == NULL)
            check_genexp(S, e);
        return set_type(e, &pyx_type_object);
    case PYX_NODE_LAMBDA:
        /* a function object; its body is checked once, after inference
           (which types the enclosing function's expressions many times) */
        if (!S->infer_pass && e->func == NULL)
            check_closure(S, e);
        return set_type(e, &pyx_type_object);
    case PYX_NODE_NAMED_EXPR: {   /* '(n := value)': value, also stored in n */
        PyxType *t = check_expr(S, e->value);
        check_target(S, e->target, e->value);
        return set_type(e, t);
    }
    case PYX_NODE_AWAIT:   /* CPython's compile-time errors first */
        if (S->func && S->func->coroutine) {   /* the awaitable's result (emit_gen.c) */
            check_expr(S, e->value);
            check_boxable(S, e->value, "cannot await a '%s'");
            return set_type(e, &pyx_type_object);
        }
        if (S->func && (S->func->def->flags & PYX_F(ASYNC)))
            ;   /* an async def refused where it was declared */
        else if (S->func == NULL)
            pyx_diag_error(S->d, e->loc, "'await' outside function");
        else if (!(S->func->def->flags & PYX_F(ASYNC)) && S->scope->py == NULL)
            pyx_diag_error(S->d, e->loc, "asynchronous comprehension outside of an asynchronous function");
        else if (!(S->func->def->flags & PYX_F(ASYNC)))
            pyx_diag_error(S->d, e->loc, "'await' outside async function");
        else
            unsupported(S, e, "await");
        return type_error(e);
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM:   /* the value sent in (emit_gen.c) */
        if (S->func == NULL) {
            pyx_diag_error(S->d, e->loc, "'yield' outside function");
            return type_error(e);
        }
        if (e->kind == PYX_NODE_YIELD_FROM && (S->func->def->flags & PYX_F(ASYNC))) {
            pyx_diag_error(S->d, e->loc, "'yield from' inside async function");
            return type_error(e);
        }
        if (!S->func->generator || (S->func->coroutine && !S->func->async_gen))
            return type_error(e);   /* reported where the function was declared */
        if (e->value) {
            check_expr(S, e->value);
            check_boxable(S, e->value, e->kind == PYX_NODE_YIELD ? "cannot yield a '%s'" : "cannot 'yield from' a '%s'");
        }
        return set_type(e, &pyx_type_object);
    case PYX_NODE_STARRED:
        unsupported(S, e, "starred expressions");
        return type_error(e);
    case PYX_NODE_SLICE: {   /* an element of a subscript's tuple: 'a[1:2, ::3]' */
        PyxNode *parts[] = {e->lower, e->upper, e->step};
        bool ok = true;
        for (int i = 0; i < 3; i++)
            if (parts[i]) {
                check_expr(S, parts[i]);
                ok &= check_boxable(S, parts[i], "cannot use a '%s' as a slice index");
            }
        return ok ? set_type(e, &pyx_type_object) : type_error(e);
    }
    default:
        unsupported(S, e, pyx_node_kind_name(e->kind));
        return type_error(e);
    }
}

/* The hidden C local of a comprehension variable: made once, on the
   symtable entry of the comprehension's scope, and entered in cs for
   this check.  True when it was made now. */
static bool comp_target_symbol(Sema *S, PyxScope *py, Scope *cs, PyxNode *t, PyxType *type)
{
    if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST) {
        bool made = false;
        for (int i = 0; i < t->items.len; i++)
            made |= comp_target_symbol(S, py, cs, t->items.items[i], &pyx_type_object);
        return made;
    }
    if (t->kind != PYX_NODE_NAME)
        return false;
    PyxScopeEntry *entry = pyx_scope_entry(py, mangled(S, t->name));
    PYX_ASSERT(entry != NULL);
    bool made = entry->sym == NULL;
    if (made) {
        PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
        sym->kind = entry->captured ? PYX_SYM_CELL : PYX_SYM_LOCAL;   /* a lambda in it uses it */
        sym->name = t->name;
        sym->type = entry->captured ? &pyx_type_object : type;
        sym->loc = t->loc;
        sym->hidden = true;
        sym->cname = pyx_name_hidden(&S->m->naming, t->name);
        entry->sym = sym;
        if (S->func)
            PYX_VEC_PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
        else
            PYX_VEC_PUSH(S->a, S->m->init_locals, S->m->ninit_locals, S->m->cap_init_locals, sym);
    }
    pyx_map_put(&cs->syms, mangled(S, t->name), entry->sym);
    return made;
}

/* [elt for t in it if c ...]: the first iterable is evaluated where the
   comprehension stands, everything else in its own scope (symtable.c's),
   whose variables become hidden C locals of the enclosing function (no
   closure needed: the comprehension runs inline).  A range() variable that
   is never an operand of arithmetic is a C integer, as for loops. */
static PyxType *check_comprehension(Sema *S, PyxNode *e)
{
    Scope *outer = S->scope;
    PYX_ASSERT(e->scope != NULL);
    if (e->scope->is_coroutine && !(S->func && S->func->coroutine)) {   /* 'async for' or await inside */
        if (S->func == NULL || !(S->func->def->flags & PYX_F(ASYNC)))
            pyx_diag_error(S->d, e->loc, "asynchronous comprehension outside of an asynchronous function");
        return type_error(e);   /* (an async def refused says so where it was declared) */
    }
    Scope *cs = new_scope(S, outer, outer->func);
    bool fresh = false;
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        if ((g->flags & PYX_F(ASYNC)) && !(S->func && S->func->coroutine)) {
            if (S->func == NULL || !(S->func->def->flags & PYX_F(ASYNC)))
                pyx_diag_error(S->d, e->loc, "asynchronous comprehension outside of an asynchronous function");
            return type_error(e);   /* (an async def refused says so where it was declared) */
        }
        S->scope = i == 0 ? outer : cs;
        check_iterable(S, g->value);
        S->scope = cs;
        PyxType *t = &pyx_type_object;
        if (is_range_call(S, g->value) && g->target->kind == PYX_NODE_NAME) {
            t = &pyx_type_long;
            for (int k = 0; k < g->value->items.len; k++)
                if (g->value->items.items[k]->type->kind != PYX_TY_INT)
                    t = &pyx_type_object;
        }
        fresh |= comp_target_symbol(S, e->scope, cs, g->target, t);
    }
    S->scope = cs;
    if (fresh) {
        /* C integer loop variables used in arithmetic go back to objects */
        for (int i = 0; i < cs->syms.len; i++)
            ((PyxSymbol *)cs->syms.entries[i].value)->arith = false;
        mark_arith(S, e->value, false);
        mark_arith(S, e->left, false);
        for (int i = 0; i < e->handlers.len; i++)
            for (int j = 0; j < e->handlers.items[i]->items.len; j++)
                mark_arith(S, e->handlers.items[i]->items.items[j], false);
        for (int i = 0; i < cs->syms.len; i++) {
            PyxSymbol *v = cs->syms.entries[i].value;
            if (v->arith && v->type->kind == PYX_TY_INT)
                v->type = &pyx_type_object;
        }
    }
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        check_target(S, g->target, NULL);
        set_loop_kind(S, g, g->target, g->value);
        if (g->flags & PYX_F(ASYNC))
            g->loop_kind = PYX_LOOP_ITER;   /* inline in the coroutine: awaited __anext__ */
        for (int j = 0; j < g->items.len; j++)
            check_expr(S, g->items.items[j]);
    }
    bool ok = true;
    if (e->left) {
        check_expr(S, e->left);
        ok &= check_boxable(S, e->left, "cannot put a '%s' in a Python container");
    }
    check_expr(S, e->value);
    ok &= check_boxable(S, e->value, "cannot put a '%s' in a Python container");
    S->scope = outer;
    if (!ok)
        return type_error(e);
    return set_type(e, pyx_type_builtin(e->kind == PYX_NODE_LIST_COMP ? PYX_BI_LIST : e->kind == PYX_NODE_SET_COMP ? PYX_BI_SET : PYX_BI_DICT));
}

/* The clauses and element of a generator expression, in its own function
   (check_genexp): its variables are that function's locals, the first
   loop runs over the parameter '.0', an iterator already. */
void check_genexp_body(Sema *S, PyxNode *e)
{
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        if (i > 0)
            check_iterable(S, g->value);
        check_target(S, g->target, NULL);
        if (i > 0 && !(g->flags & PYX_F(ASYNC)))
            set_loop_kind(S, g, g->target, g->value);
        else
            g->loop_kind = PYX_LOOP_ITER;
        for (int j = 0; j < g->items.len; j++)
            check_expr(S, g->items.items[j]);
    }
    check_expr(S, e->value);
    check_boxable(S, e->value, "cannot yield a '%s'");
}

/* Checks that 'value' can be assigned to something of type 'to'. */
/* A bytes literal where a 'char *' is expected is a C string constant. */
bool bytes_literal_to_char_ptr(PyxNode *value, PyxType *to)
{
    if (value->kind == PYX_NODE_STR && (value->flags & PYX_F(BYTES)) && !(value->flags & PYX_F(CHAR))
        && to->kind == PYX_TY_PTR && to->base->kind == PYX_TY_INT && to->base->rank == 1) {
        value->type = to;
        return true;
    }
    return false;
}

void check_assignable(Sema *S, PyxNode *value, PyxType *to, const char *what)
{
    if (value->kind == PYX_NODE_NONE && pyx_type_is_c(to) && to->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, value->loc, "cannot assign None to %s of type '%s'", what, to->name);
        return;
    }
    if (bytes_literal_to_char_ptr(value, to))
        return;
    PyxType *from = value->type;
    const char *why = pyx_type_assignable(to, from);
    if (why == NULL)
        return;
    pyx_diag_error(S->d, value->loc, "cannot assign a value of type '%s' to %s of type '%s'", from->name, what, to->name);
}
