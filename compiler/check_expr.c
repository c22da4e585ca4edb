/* check_expr.c - typing expressions: every expression node gets a PyxType;
 * integer constants are evaluated and folded; user errors in typed code are
 * reported here.
 */
#include "sema_int.h"

static PyxType *check_comprehension(Sema *S, PyxNode *e);

/* ---- constants -------------------------------------------------------------------- */

/* Value of an integer literal as written (any base, underscores); ok=false
   when it does not fit in a C long. */
static long parse_int_literal(const char *s, bool *ok)
{
    char buf[128];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof buf; p++)
        if (*p != '_')
            buf[n++] = *p;
    buf[n] = '\0';
    int base = 10;
    const char *digits = buf;
    if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) { base = 16; digits = buf + 2; }
    else if (buf[0] == '0' && (buf[1] == 'o' || buf[1] == 'O')) { base = 8; digits = buf + 2; }
    else if (buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B')) { base = 2; digits = buf + 2; }
    errno = 0;
    char *end;
    long v = strtol(digits, &end, base);
    if (errno || *end || end == digits) {
        *ok = false;
        return 0;
    }
    return v;
}

/* Evaluates an integer constant expression (literals, DEF names, + - * // % **
   << and unary minus).  ok=false when it is not one or overflows a C long. */
long const_int_value(Sema *S, PyxNode *e, bool *ok)
{
    switch (e->kind) {
    case PYX_NODE_INT:
        return parse_int_literal(e->name, ok);
    case PYX_NODE_NAME: {
        PyxSymbol *sym = lookup(S, e->name);
        if (sym && sym->value)
            return const_int_value(S, sym->value, ok);
        *ok = false;
        return 0;
    }
    case PYX_NODE_UNARYOP: {
        long v = const_int_value(S, e->value, ok);
        if (e->op == PYX_OP_UMINUS) {
            if (v == LONG_MIN)
                *ok = false;
            return -v;
        }
        if (e->op == PYX_OP_UPLUS)
            return v;
        *ok = false;
        return 0;
    }
    case PYX_NODE_BINOP: {
        long a = const_int_value(S, e->left, ok);
        long b = *ok ? const_int_value(S, e->right, ok) : 0;
        long r = 0;
        if (!*ok)
            return 0;
        switch (e->op) {
        case PYX_OP_ADD: *ok = !__builtin_add_overflow(a, b, &r); return r;
        case PYX_OP_SUB: *ok = !__builtin_sub_overflow(a, b, &r); return r;
        case PYX_OP_MUL: *ok = !__builtin_mul_overflow(a, b, &r); return r;
        case PYX_OP_FLOORDIV: case PYX_OP_MOD:
            if (b == 0 || (a == LONG_MIN && b == -1)) {
                *ok = false;
                return 0;
            } else {
                long q = a / b, m = a % b;
                if (m != 0 && ((m < 0) != (b < 0))) {
                    q--;
                    m += b;
                }
                return e->op == PYX_OP_MOD ? m : q;
            }
        case PYX_OP_POW:
            if (b < 0) {
                *ok = false;
                return 0;
            }
            r = 1;
            for (long i = 0; i < b && *ok; i++)
                *ok = !__builtin_mul_overflow(r, a, &r);
            return r;
        case PYX_OP_LSHIFT:
            if (b < 0 || b >= 62 || a < 0 || a > (LONG_MAX >> b)) {
                *ok = false;
                return 0;
            }
            return a << b;
        default:
            *ok = false;
            return 0;
        }
    }
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
        if (sym->value) {   /* DEF constant */
            PyxType *t = check_expr(S, sym->value);
            return set_type(e, t);
        }
        return set_type(e, sym->type);
    case PYX_SYM_FUNC:
        if (sym->func && !sym->func->is_py) {
            pyx_diag_error(S->d, e->loc, "cdef function '%s' can only be called, not used as a Python object", e->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_object);
    default:
        return set_type(e, sym->type ? sym->type : &pyx_type_object);
    }
}

/* Is this an operator Python defines on numbers that C computes the same way?
   ('/' on C integers is true division, '//' and '%' floor unless cdivision). */
static PyxType *check_binop(Sema *S, PyxNode *e)
{
    PyxType *l = check_expr(S, e->left), *r = check_expr(S, e->right);
    if (l->kind == PYX_TY_ERROR || r->kind == PYX_TY_ERROR)
        return type_error(e);
    /* pointer arithmetic */
    if ((l->kind == PYX_TY_PTR || l->kind == PYX_TY_ARRAY) && r->kind == PYX_TY_INT
        && (e->op == PYX_OP_ADD || e->op == PYX_OP_SUB))
        return set_type(e, l->kind == PYX_TY_ARRAY ? pyx_type_ptr(S->a, l->base) : l);
    if (pyx_type_is_numeric(l) && pyx_type_is_numeric(r)) {
        /* constant folding keeps Python's unbounded ints for literals */
        if (e->left->kind != PYX_NODE_NAME || e->right->kind != PYX_NODE_NAME) {
            bool ok = true;
            if (l->kind == PYX_TY_INT && r->kind == PYX_TY_INT && e->op != PYX_OP_DIV) {
                const_int_value(S, e, &ok);
                bool lok = true, rok = true;
                const_int_value(S, e->left, &lok);
                const_int_value(S, e->right, &rok);
                if (!ok && lok && rok)   /* constants whose result leaves a C long: Python ints */
                    return set_type(e, &pyx_type_object);
                if (ok && (e->left->kind == PYX_NODE_INT || e->left->kind == PYX_NODE_BINOP || e->left->kind == PYX_NODE_UNARYOP)
                    && (e->right->kind == PYX_NODE_INT || e->right->kind == PYX_NODE_BINOP || e->right->kind == PYX_NODE_UNARYOP)) {
                    long v = const_int_value(S, e, &ok);
                    if (ok) {
                        e->kind = PYX_NODE_INT;
                        e->name = pyx_arena_printf(S->a, "%ld", v);
                        e->len = (uint32_t)strlen(e->name);
                        e->left = e->right = NULL;
                        e->op = 0;
                        return set_type(e, &pyx_type_long);
                    }
                }
            }
        }
        PyxType *t = pyx_type_promote(l, r);
        switch (e->op) {
        case PYX_OP_DIV:
            return set_type(e, t->kind == PYX_TY_FLOAT ? t : &pyx_type_double);
        case PYX_OP_POW:
            if (t->kind == PYX_TY_INT && e->right->kind == PYX_NODE_INT) {
                bool ok = true;
                long k = parse_int_literal(e->right->name, &ok);
                if (ok && k >= 0 && k <= 64)
                    return set_type(e, t);
            }
            return set_type(e, &pyx_type_double);
        case PYX_OP_LSHIFT: case PYX_OP_RSHIFT: case PYX_OP_BITAND: case PYX_OP_BITOR: case PYX_OP_BITXOR:
            if (t->kind == PYX_TY_FLOAT) {
                pyx_diag_error(S->d, e->loc, "unsupported operand types for %s: '%s' and '%s'",
                               pyx_op_str(e->op), l->name, r->name);
                return type_error(e);
            }
            return set_type(e, t);
        case PYX_OP_MATMUL:
            pyx_diag_error(S->d, e->loc, "unsupported operand types for @: '%s' and '%s'", l->name, r->name);
            return type_error(e);
        default:
            return set_type(e, t);
        }
    }
    if (pyx_type_is_c(l) && !pyx_type_is_numeric(l))
        goto bad;
    if (pyx_type_is_c(r) && !pyx_type_is_numeric(r))
        goto bad;
    return set_type(e, &pyx_type_object);
bad:
    pyx_diag_error(S->d, e->loc, "invalid operand types for %s: '%s' and '%s'", pyx_op_str(e->op), l->name, r->name);
    return type_error(e);
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
        prev = r;
    }
    return set_type(e, all_c ? &pyx_type_bint : &pyx_type_object);
}

PyxType *check_expr(Sema *S, PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_NAME:
        return check_name(S, e);
    case PYX_NODE_INT: {
        bool ok = true;
        parse_int_literal(e->name, &ok);
        return set_type(e, ok ? &pyx_type_long : &pyx_type_object);
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
        return set_type(e, &pyx_type_bint);
    case PYX_NODE_NONE: case PYX_NODE_ELLIPSIS:
        return set_type(e, &pyx_type_object);
    case PYX_NODE_BINOP:
        return check_binop(S, e);
    case PYX_NODE_UNARYOP: {
        PyxType *t = check_expr(S, e->value);
        if (t->kind == PYX_TY_ERROR)
            return type_error(e);
        if (pyx_type_is_numeric(t)) {
            if (e->value->kind == PYX_NODE_INT && e->op == PYX_OP_UMINUS) {
                /* fold '-5' into the literal */
                e->kind = PYX_NODE_INT;
                e->name = pyx_arena_printf(S->a, "-%s", e->value->name);
                e->value = NULL;
                e->op = 0;
                return check_expr(S, e);
            }
            if (e->op == PYX_OP_INVERT && t->kind == PYX_TY_FLOAT) {
                pyx_diag_error(S->d, e->loc, "bad operand type for unary ~: '%s'", t->name);
                return type_error(e);
            }
            return set_type(e, t->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t, t));
        }
        if (pyx_type_is_c(t)) {
            pyx_diag_error(S->d, e->loc, "bad operand type for unary %s: '%s'", pyx_op_str(e->op), t->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_object);
    }
    case PYX_NODE_NOT:
        check_expr(S, e->value);
        return set_type(e, &pyx_type_bint);
    case PYX_NODE_BOOLOP: {
        PyxType *t = NULL;
        bool all_numeric = true;
        for (int i = 0; i < e->items.len; i++) {
            PyxType *it = check_expr(S, e->items.items[i]);
            if (!pyx_type_is_numeric(it))
                all_numeric = false;
            else
                t = t ? (t->kind == PYX_TY_BINT && it->kind == PYX_TY_BINT ? t : pyx_type_promote(t, it)) : it;
        }
        return set_type(e, all_numeric ? t : &pyx_type_object);
    }
    case PYX_NODE_COMPARE:
        return check_compare(S, e);
    case PYX_NODE_IF_EXP: {
        check_expr(S, e->test);
        PyxType *a = check_expr(S, e->left), *b = check_expr(S, e->right);
        if (pyx_type_is_numeric(a) && pyx_type_is_numeric(b))
            return set_type(e, a->kind == PYX_TY_BINT && b->kind == PYX_TY_BINT ? a : pyx_type_promote(a, b));
        if (pyx_type_is_c(a) && pyx_type_equal(a, b))
            return set_type(e, a);
        if ((pyx_type_is_c(a) && !pyx_type_is_numeric(a)) || (pyx_type_is_c(b) && !pyx_type_is_numeric(b))) {
            pyx_diag_error(S->d, e->loc, "incompatible types in conditional expression: '%s' and '%s'", a->name, b->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_object);
    }
    case PYX_NODE_CALL:
        return check_call(S, e);
    case PYX_NODE_ATTRIBUTE: {
        PyxType *t = check_expr(S, e->value);
        if (pyx_type_is_c(t)) {
            pyx_diag_error(S->d, e->loc, "'%s' has no attribute '%s' (C values have no attributes)", t->name, e->name);
            return type_error(e);
        }
        return set_type(e, &pyx_type_object);
    }
    case PYX_NODE_SUBSCRIPT: {
        PyxType *t = check_expr(S, e->value);
        if (e->right->kind == PYX_NODE_SLICE) {
            if (pyx_type_is_c(t)) {
                unsupported(S, e, "slicing C pointers and arrays");
                return type_error(e);
            }
            PyxNode *sl = e->right;
            if (sl->lower) check_expr(S, sl->lower);
            if (sl->upper) check_expr(S, sl->upper);
            if (sl->step) check_expr(S, sl->step);
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
        return set_type(e, &pyx_type_object);
    }
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: case PYX_NODE_SET:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_STARRED) {
                unsupported(S, it, "starred expressions in displays");
                continue;
            }
            PyxType *t = check_expr(S, it);
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t)) {
                pyx_diag_error(S->d, it->loc, "cannot convert '%s' to a Python object", t->name);
            }
        }
        return set_type(e, pyx_type_builtin(e->kind == PYX_NODE_TUPLE ? PYX_BI_TUPLE : e->kind == PYX_NODE_LIST ? PYX_BI_LIST : PYX_BI_SET));
    case PYX_NODE_DICT:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_DOUBLE_STARRED) {
                unsupported(S, it, "'**' in dict displays");
                continue;
            }
            check_expr(S, it->left);
            check_expr(S, it->value);
        }
        return set_type(e, pyx_type_builtin(PYX_BI_DICT));
    case PYX_NODE_CAST: {
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
        return set_type(e, to);
    }
    case PYX_NODE_ADDRESS_OF: {
        PyxType *t = check_expr(S, e->value);
        if (t->kind == PYX_TY_ERROR)
            return type_error(e);
        if (!is_lvalue(e->value) || t->kind == PYX_TY_OBJECT) {
            pyx_diag_error(S->d, e->loc, "cannot take the address of this expression");
            return type_error(e);
        }
        return set_type(e, pyx_type_ptr(S->a, t->kind == PYX_TY_ARRAY ? t->base : t));
    }
    case PYX_NODE_SIZEOF:
        if (e->ctype) {
            e->ctype->type = resolve_ctype(S, e->ctype);
            if (e->ctype->type->kind == PYX_TY_ERROR || e->ctype->type->kind == PYX_TY_VOID
                || e->ctype->type->kind == PYX_TY_FUNC) {
                if (e->ctype->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, e->loc, "sizeof() of an incomplete type '%s'", e->ctype->type->name);
                return type_error(e);
            }
        } else if (e->value->kind == PYX_NODE_NAME && (pyx_type_by_name(e->value->name)
                   || (lookup(S, e->value->name) && lookup(S, e->value->name)->kind == PYX_SYM_TYPE))) {
            /* sizeof(int) arrives as a name: it is a type */
            PyxNode *ct = pyx_node_new(S->a, PYX_NODE_CTYPE_NAME, e->value->loc);
            ct->name = e->value->name;
            ct->len = e->value->len;
            e->ctype = ct;
            e->value = NULL;
            ct->type = resolve_ctype(S, ct);
            if (ct->type->kind == PYX_TY_ERROR || ct->type->kind == PYX_TY_VOID)
                return type_error(e);
        } else {
            PyxType *t = check_expr(S, e->value);
            if (t->kind == PYX_TY_OBJECT) {
                pyx_diag_error(S->d, e->loc, "sizeof() of a Python object; use sys.getsizeof() for that");
                return type_error(e);
            }
        }
        return set_type(e, &pyx_type_size_t);
    case PYX_NODE_FSTRING:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *part = e->items.items[i];
            if (part->kind == PYX_NODE_STR) {
                check_expr(S, part);
                continue;
            }
            PyxType *t = check_expr(S, part->value);
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, part->value->loc, "cannot format a '%s' in an f-string", t->name);
            if (part->right)
                check_expr(S, part->right);
            part->type = pyx_type_builtin(PYX_BI_STR);
        }
        return set_type(e, pyx_type_builtin(PYX_BI_STR));
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP:
        return check_comprehension(S, e);
    case PYX_NODE_GENERATOR:
        unsupported(S, e, "generator expressions");
        return type_error(e);
    case PYX_NODE_LAMBDA:
        unsupported(S, e, "lambda");
        return type_error(e);
    case PYX_NODE_NAMED_EXPR:
        unsupported(S, e, "assignment expressions ':='");
        return type_error(e);
    case PYX_NODE_AWAIT:
        unsupported(S, e, "await");
        return type_error(e);
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM:
        unsupported(S, e, "generators (yield)");
        return type_error(e);
    case PYX_NODE_STARRED:
        unsupported(S, e, "starred expressions");
        return type_error(e);
    case PYX_NODE_SLICE:
        unsupported(S, e, "slices outside subscripts");
        return type_error(e);
    default:
        unsupported(S, e, pyx_node_kind_name(e->kind));
        return type_error(e);
    }
}

static void comp_target_symbol(Sema *S, Scope *cs, PyxNode *t, PyxType *type)
{
    if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST) {
        for (int i = 0; i < t->items.len; i++)
            comp_target_symbol(S, cs, t->items.items[i], &pyx_type_object);
        return;
    }
    if (t->kind != PYX_NODE_NAME || scope_find(cs, t->name))
        return;
    PyxSymbol *sym = scope_add(S, cs, PYX_SYM_LOCAL, t->name, type, t->loc);
    sym->cname = pyx_name_hidden(&S->m->naming, t->name);
    if (S->func)
        PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
    else
        PUSH(S->a, S->m->init_locals, S->m->ninit_locals, S->m->cap_init_locals, sym);
}

/* [elt for t in it if c ...]: the first iterable is evaluated where the
   comprehension stands, everything else in its own scope, whose variables
   become hidden C locals of the enclosing function (no closure needed: the
   comprehension runs inline).  A range() variable that is never an operand
   of arithmetic is a C integer, as for loops. */
static PyxType *check_comprehension(Sema *S, PyxNode *e)
{
    Scope *outer = S->scope;
    Scope *cs = (Scope *)(void *)e->scope;   /* until symtable.c owns comprehension scopes */
    bool fresh = cs == NULL;
    if (fresh) {
        cs = pyx_arena_new(S->a, Scope);
        cs->parent = outer;
        cs->func = outer->func;
        e->scope = (struct PyxScope *)(void *)cs;
    }
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        if (g->flags & PYX_F(ASYNC)) {
            unsupported(S, g, "async comprehensions");
            return type_error(e);
        }
        S->scope = i == 0 ? outer : cs;
        check_expr(S, g->value);
        S->scope = cs;
        if (fresh) {
            PyxType *t = &pyx_type_object;
            if (is_range_call(S, g->value) && g->target->kind == PYX_NODE_NAME) {
                t = &pyx_type_long;
                for (int k = 0; k < g->value->items.len; k++)
                    if (g->value->items.items[k]->type->kind != PYX_TY_INT)
                        t = &pyx_type_object;
            }
            comp_target_symbol(S, cs, g->target, t);
        }
    }
    S->scope = cs;
    if (fresh) {
        /* C integer loop variables used in arithmetic go back to objects */
        for (int i = 0; i < cs->len; i++)
            cs->syms[i]->arith = false;
        mark_arith(S, e->value, false);
        mark_arith(S, e->left, false);
        for (int i = 0; i < e->handlers.len; i++)
            for (int j = 0; j < e->handlers.items[i]->items.len; j++)
                mark_arith(S, e->handlers.items[i]->items.items[j], false);
        for (int i = 0; i < cs->len; i++)
            if (cs->syms[i]->arith && cs->syms[i]->type->kind == PYX_TY_INT)
                cs->syms[i]->type = &pyx_type_object;
    }
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        check_target(S, g->target, NULL);
        for (int j = 0; j < g->items.len; j++)
            check_expr(S, g->items.items[j]);
    }
    if (e->left)
        check_expr(S, e->left);
    PyxType *vt = check_expr(S, e->value);
    S->scope = outer;
    if (pyx_type_is_c(vt) && !pyx_type_is_numeric(vt) && vt->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, e->value->loc, "cannot put a '%s' in a Python container", vt->name);
        return type_error(e);
    }
    return set_type(e, pyx_type_builtin(e->kind == PYX_NODE_LIST_COMP ? PYX_BI_LIST : e->kind == PYX_NODE_SET_COMP ? PYX_BI_SET : PYX_BI_DICT));
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
