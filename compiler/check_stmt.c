/* check_stmt.c - typing statements: assignment targets, loops, try, with,
 * del, imports, returns, and the statements only allowed at module level.
 */
#include "sema_int.h"

/* ---- statements -------------------------------------------------------------------- */

/* 'a, b = x, y' runs element-wise (no tuple is built): both sides are
   displays of one length and neither unpacks with '*'.  Decided once, here;
   sema records it as PYX_SF(PARALLEL) on the statement. */
bool is_parallel_assign(const PyxNode *target, const PyxNode *value)
{
    if (!value || !target || (target->kind != PYX_NODE_TUPLE && target->kind != PYX_NODE_LIST)
        || (value->kind != PYX_NODE_TUPLE && value->kind != PYX_NODE_LIST) || value->items.len != target->items.len)
        return false;
    for (int i = 0; i < target->items.len; i++)
        if (target->items.items[i]->kind == PYX_NODE_STARRED || value->items.items[i]->kind == PYX_NODE_STARRED)
            return false;
    return true;
}

void check_target(Sema *S, PyxNode *t, PyxNode *value)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        check_name(S, t);
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_FUNC || sym->kind == PYX_SYM_EXTERN || sym->kind == PYX_SYM_BUILTIN) {
            if (sym->kind == PYX_SYM_FUNC && sym->func && !sym->func->is_c)
                break;   /* rebinding a def's name (at module level, or 'global f' in a function) is Python */
            pyx_diag_error(S->d, t->loc, "cannot assign to '%s'", t->name);
            return;
        }
        sym->assigned = true;
        if (value && t->type)
            check_assignable(S, value, t->type, pyx_arena_printf(S->a, "'%s'", t->name));
        break;
    }
    case PYX_NODE_SUBSCRIPT:
        check_expr(S, t);
        if (value && t->type && pyx_type_is_c(t->type))
            check_assignable(S, value, t->type, "an element");
        break;
    case PYX_NODE_ATTRIBUTE:
        check_expr(S, t);
        if (value && pyx_type_is_c(value->type) && !pyx_type_is_numeric(value->type))
            pyx_diag_error(S->d, value->loc, "cannot assign '%s' to a Python attribute", value->type->name);
        break;
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: {
        bool parallel = is_parallel_assign(t, value);
        PyxNode *star = NULL;
        for (int i = 0; i < t->items.len; i++) {
            PyxNode *el = t->items.items[i];
            if (el->kind == PYX_NODE_STARRED) {   /* 'a, *rest = x': rest is a list */
                if (star) {
                    pyx_diag_error(S->d, el->loc, "multiple starred expressions in assignment");
                    continue;
                }
                star = el;
                check_target(S, el->value, NULL);
                el->type = &pyx_type_object;
                continue;
            }
            check_target(S, el, parallel ? value->items.items[i] : NULL);
        }
        t->type = &pyx_type_object;
        break;
    }
    case PYX_NODE_STARRED:
        pyx_diag_error(S->d, t->loc, "starred assignment target must be in a list or tuple");
        break;
    default:
        pyx_diag_error(S->d, t->loc, "cannot assign to %s", pyx_node_kind_name(t->kind));
    }
}

/* A loop over range() with C integer arguments into a C integer name is a
   C loop (the bounds converted to the name's type); anything else iterates
   over a Python object. */
void set_loop_kind(Sema *S, PyxNode *loop, PyxNode *target, PyxNode *iter)
{
    loop->loop_kind = PYX_LOOP_ITER;
    PyxType *it = iter->type;
    if (it && it->kind == PYX_TY_ERROR)
        return;
    bool c_slice = iter->kind == PYX_NODE_SUBSCRIPT && iter->right->kind == PYX_NODE_SLICE && iter->value->type
                   && (iter->value->type->kind == PYX_TY_PTR || iter->value->type->kind == PYX_TY_ARRAY);
    if (c_slice || (it && it->kind == PYX_TY_ARRAY)) {
        if (!c_slice && it->array_len < 0) {
            pyx_diag_error(S->d, iter->loc, "cannot iterate over a C array of unknown length; loop over a[:n]");
            return;
        }
        loop->loop_kind = PYX_LOOP_CARRAY;   /* the elements: iter->type->base (check_iterable) */
        if (target->type && target->type->kind != PYX_TY_ERROR && it->base->kind != PYX_TY_ERROR) {
            if (pyx_type_assignable(target->type, it->base))
                pyx_diag_error(S->d, target->loc, "cannot assign the elements, of type '%s', to a loop variable of type '%s'",
                               it->base->name, target->type->name);
        }
        return;
    }
    if (it && it->kind == PYX_TY_PTR) {
        pyx_diag_error(S->d, iter->loc, "cannot iterate over a C pointer ('%s') of unknown length; "
                       "loop over a slice such as p[:n]", it->name);
        return;
    }
    if (is_range_call(S, iter) && target->kind == PYX_NODE_NAME && target->type && target->type->kind == PYX_TY_INT) {
        bool c = true;
        for (int i = 0; i < iter->items.len; i++)
            c &= iter->items.items[i]->type->kind == PYX_TY_INT || iter->items.items[i]->type->kind == PYX_TY_BINT;
        if (c) {
            loop->loop_kind = PYX_LOOP_RANGE;
            for (int i = 0; i < iter->items.len; i++)
                convert_to(iter->items.items[i], target->type);
            return;
        }
    }
    convert_to(iter, &pyx_type_object);
}

/* Bits of a C integer type on the LP64 targets pyxc builds for. */
static int int_bits(const PyxType *t)
{
    switch (t->rank) {
    case 1: return 8;
    case 2: return 16;
    case 3: return 32;
    default: return 64;
    }
}

/* 'for i in range(A, B, C)' with constant bounds and 'x += i' in its body,
   x a C integer: when the sum provably leaves x's range, say so now (the
   run will raise OverflowError, or wrap if i is a C integer too). */
static void warn_range_sum_overflow(Sema *S, PyxNode *loop)
{
    PyxNode *call = loop->value;
    if (!is_range_call(S, call) || loop->target->kind != PYX_NODE_NAME)
        return;
    long v[3] = {0, 0, 1};
    int n = call->items.len;
    for (int i = 0; i < n; i++) {
        bool ok = true;
        long x = const_int_value(S, call->items.items[i], &ok);
        if (!ok)
            return;
        v[n == 1 ? 1 : i] = x;
    }
    if (v[2] == 0)
        return;
    __int128 count = 0;
    if (v[2] > 0 && v[1] > v[0])
        count = ((__int128)v[1] - v[0] + v[2] - 1) / v[2];
    else if (v[2] < 0 && v[1] < v[0])
        count = ((__int128)v[0] - v[1] - v[2] - 1) / -v[2];
    if (count <= 0)
        return;
    __int128 sum = count * v[0] + (__int128)v[2] * count * (count - 1) / 2;
    for (int i = 0; i < loop->body.len; i++) {
        PyxNode *st = loop->body.items[i];
        if (st->kind != PYX_NODE_AUG_ASSIGN || st->op != PYX_OP_ADD || st->target->kind != PYX_NODE_NAME
            || st->value->kind != PYX_NODE_NAME || strcmp(st->value->name, loop->target->name) != 0)
            continue;
        PyxSymbol *sym = lookup(S, st->target->name);
        if (!sym || !sym->type || sym->type->kind != PYX_TY_INT)
            continue;
        int bits = int_bits(sym->type);
        __int128 max = sym->type->is_signed ? (((__int128)1 << (bits - 1)) - 1) : (((__int128)1 << bits) - 1);
        __int128 min = sym->type->is_signed ? -((__int128)1 << (bits - 1)) : 0;
        if (sum > max || sum < min) {
            char buf[48];
            __int128 a = sum < 0 ? -sum : sum;
            int k = (int)sizeof buf - 1;
            buf[k] = '\0';
            do {
                buf[--k] = (char)('0' + (int)(a % 10));
                a /= 10;
            } while (a && k > 1);
            if (sum < 0)
                buf[--k] = '-';
            bool c_loop = loop->target->type && loop->target->type->kind == PYX_TY_INT;
            pyx_diag_warning(S->d, st->loc, "'%s' is a C %s, but the loop adds up to %s, which does not fit: "
                             "this %s at run time; declare '%s' as 'long long'",
                             st->target->name, sym->type->name, buf + k,
                             c_loop ? "wraps around (C arithmetic)" : "raises OverflowError", st->target->name);
        }
    }
}

/* 'a = b = value': the value is converted once to the targets' type when
   they agree on one (a tuple target takes an object). */
static void assign_conversion(PyxNode *s)
{
    PyxType *t = NULL;
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *tg = s->items.items[i];
        PyxType *tt = tg->kind == PYX_NODE_TUPLE || tg->kind == PYX_NODE_LIST ? &pyx_type_object : tg->type;
        if (!tt || tt->kind == PYX_TY_ERROR || (t && !pyx_type_equal(t, tt)))
            return;
        t = tt;
    }
    bool parallel = s->items.len == 1 && (s->items.items[0]->kind == PYX_NODE_TUPLE || s->items.items[0]->kind == PYX_NODE_LIST)
                    && (s->value->kind == PYX_NODE_TUPLE || s->value->kind == PYX_NODE_LIST)
                    && s->value->items.len == s->items.items[0]->items.len;
    if (!parallel && t->kind != PYX_TY_ARRAY)
        convert_to(s->value, t);
}

/* target op= value.  s->type is the type the operation is computed in:
   C arithmetic on a C target (the value converted to it, the result
   converted back to the target's type), pointer arithmetic, or Python's
   in-place operator (a C target boxed first and the result unboxed, with
   the range check that raises the seed tutorial's OverflowError). */
static void check_aug_assign(Sema *S, PyxNode *s)
{
    check_target(S, s->target, NULL);
    if (s->target->kind == PYX_NODE_NAME && s->target->sym)
        s->target->sym->read = true;   /* x += 1 reads x */
    check_expr(S, s->value);
    PyxType *t = s->target->type, *v = s->value->type;
    set_type(s, &pyx_type_object);
    convert_to(s->value, &pyx_type_object);
    if (!t || !v || t->kind == PYX_TY_ERROR || v->kind == PYX_TY_ERROR)
        return;
    if (S->dirs->value[PYX_DIR_CDIVISION])
        s->sflags |= PYX_SF(CDIVISION);
    int op = s->op;
    if (t->kind == PYX_TY_PTR && v->kind == PYX_TY_INT && (op == PYX_OP_ADD || op == PYX_OP_SUB)) {
        set_type(s, t);
        convert_to(s->value, NULL);
        return;
    }
    if (pyx_type_is_c(t) && !pyx_type_is_numeric(t)) {
        pyx_diag_error(S->d, s->loc, "invalid operand types for %s=: '%s' and '%s'", pyx_op_str(op), t->name, v->name);
        return;
    }
    if (pyx_type_is_c(v) && !pyx_type_is_numeric(v)) {
        pyx_diag_error(S->d, s->value->loc, "invalid operand type for %s=: '%s'", pyx_op_str(op), v->name);
        return;
    }
    if (t->kind == PYX_TY_INT && v->kind == PYX_TY_OBJECT && op == PYX_OP_DIV) {
        pyx_diag_error(S->d, s->loc, "'/=' would make '%s' a float; declare it double", s->target->name);
        return;
    }
    if (!pyx_type_is_numeric(t) || !pyx_type_is_numeric(v))
        return;   /* Python's in-place operator */
    if ((t->kind == PYX_TY_FLOAT || v->kind == PYX_TY_FLOAT)
        && (op == PYX_OP_LSHIFT || op == PYX_OP_RSHIFT || op == PYX_OP_BITAND || op == PYX_OP_BITOR || op == PYX_OP_BITXOR)) {
        pyx_diag_error(S->d, s->loc, "unsupported operand types for %s=: '%s' and '%s'", pyx_op_str(op), t->name, v->name);
        return;
    }
    PyxType *ot = pyx_type_promote(t, v);
    bool typed = (s->target->sflags | s->value->sflags) & PYX_SF(TYPED);
    if (op == PYX_OP_DIV) {
        ot = ot->kind == PYX_TY_FLOAT ? ot : &pyx_type_double;
    } else if (op == PYX_OP_POW) {
        bool small = ot->kind == PYX_TY_INT && (s->value->sflags & PYX_SF(CONST)) && s->value->ival >= 0 && s->value->ival <= 64;
        if (small) {
            set_type(s, ot);
            convert_to(s->value, NULL);
            return;
        }
        if (!typed)
            return;   /* Python's float power: OverflowError, complex results */
        ot = &pyx_type_double;
    } else if (op == PYX_OP_MATMUL) {
        pyx_diag_error(S->d, s->loc, "unsupported operand types for @=: '%s' and '%s'", t->name, v->name);
        return;
    } else if (t->kind == PYX_TY_BINT && v->kind == PYX_TY_BINT
               && (op == PYX_OP_BITAND || op == PYX_OP_BITOR || op == PYX_OP_BITXOR)) {
        ot = &pyx_type_bint;
    }
    set_type(s, ot);
    convert_to(s->value, ot);
}

/* 'with cython.boundscheck(False):' sets directives for its body, which
   is all that runs (PYX_SF(DIRECTIVES)).  False for any other with. */
static bool check_directive_block(Sema *S, PyxNode *s)
{
    PyxDirectives inner = *S->dirs;
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *it = s->items.items[i];
        PyxNode *v = it->value;
        bool cython_call = v->kind == PYX_NODE_CALL && v->value->kind == PYX_NODE_ATTRIBUTE
                           && (v->value->value->kind == PYX_NODE_NAME || v->value->value->kind == PYX_NODE_ATTRIBUTE);
        if (!cython_call || it->target || !pyx_directive_call(&inner, v, S->a, S->d)) {
            if (i > 0)
                unsupported(S, it, "a 'with' mixing directives and context managers");
            return i > 0;
        }
        int which = pyx_directive_of(v);
        if (S->func && (which == PYX_DIR_PROFILE || which == PYX_DIR_LINETRACE))   /* profile.c: per function */
            pyx_diag_error(S->d, v->loc, "directive '%s' applies to whole functions (a decorator, the "
                           "'# cython:' header or a module-level 'with' around their defs), not to a block "
                           "inside one", which == PYX_DIR_PROFILE ? "profile" : "linetrace");
    }
    s->sflags |= PYX_SF(DIRECTIVES);
    PyxDirectives *outer = S->dirs;
    S->dirs = &inner;
    check_stmts(S, &s->body);
    S->dirs = outer;
    return true;
}

/* del target: a name, an element, an attribute, or a tuple of them. */
static void check_delete(Sema *S, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        check_name(S, t);
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL || sym->kind == PYX_SYM_CELL) {
            if (sym->type->kind != PYX_TY_OBJECT && sym->type->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, t->loc, "cannot delete the C variable '%s'", t->name);
        } else if (sym->kind != PYX_SYM_PYGLOBAL && sym->kind != PYX_SYM_BUILTIN && sym->kind != PYX_SYM_CLASSVAR
                   && !(sym->kind == PYX_SYM_FUNC && sym->func && !sym->func->is_c)) {
            pyx_diag_error(S->d, t->loc, "cannot delete '%s'", t->name);
        }
        break;
    }
    case PYX_NODE_SUBSCRIPT:
        check_expr(S, t);
        if (t->value->type && pyx_type_is_c(t->value->type) && t->value->type->kind != PYX_TY_ERROR)
            pyx_diag_error(S->d, t->loc, "cannot delete an element of a C array or pointer");
        break;
    case PYX_NODE_ATTRIBUTE:
        check_expr(S, t);
        break;
    case PYX_NODE_TUPLE: case PYX_NODE_LIST:
        for (int i = 0; i < t->items.len; i++)
            check_delete(S, t->items.items[i]);
        break;
    default:
        pyx_diag_error(S->d, t->loc, "cannot delete %s", t->kind == PYX_NODE_CALL ? "function call" : "expression");
    }
}

/* What a def statement (or a lambda) evaluates where it stands: its
   decorators, its defaults and the annotations signature.c decided to
   evaluate. */
void check_def_parts(Sema *S, PyxNode *s)
{
    for (int i = 0; s->func && i < s->func->decorators.len; i++) {
        PyxNode *dec = s->func->decorators.items[i];
        check_expr(S, dec);
        check_boxable(S, dec, "cannot use a '%s' as a decorator");
    }
    for (int i = 0; i < s->params.len; i++) {
        PyxNode *p = s->params.items[i];
        if (!p->value)
            continue;
        check_expr(S, p->value);
        if (p->sym) {
            convert_to(p->value, p->sym->type);
            check_assignable(S, p->value, p->sym->type, pyx_arena_printf(S->a, "parameter '%s'", p->name));
        }
    }
    for (int i = 0; s->func && i < s->func->nannotations; i++) {
        PyxNode *ann = s->func->annotations[i].expr;
        if (ann) {
            check_expr(S, ann);
            check_boxable(S, ann, "cannot use a '%s' as an annotation");
        }
    }
}


/* 'async for' / 'async with': inside a coroutine (emit_gen.c), else
   CPython's compile-time error (an async def that was refused says so
   where it was declared). */
static bool async_allowed(Sema *S, PyxNode *s, const char *outside)
{
    if (S->func && S->func->coroutine)
        return true;
    if (S->func == NULL || !(S->func->def->flags & PYX_F(ASYNC)))
        pyx_diag_error(S->d, s->loc, "%s", outside);
    return false;
}

/* The variable a def inside a function binds (its own local, or a global
   it declares). */
void bind_def_name(Sema *S, PyxNode *def)
{
    PyxSymbol *sym = lookup(S, def->name);
    if (sym == NULL)   /* 'global f', and no f at module level */
        sym = scope_add(S, S->module, PYX_SYM_PYGLOBAL, def->name, &pyx_type_object, def->loc);
    def->sym = sym;
    if (sym->kind == PYX_SYM_EXTERN || sym->kind == PYX_SYM_BUILTIN || sym->kind == PYX_SYM_TYPE
        || sym->kind == PYX_SYM_MODULE || (sym->kind == PYX_SYM_FUNC && sym->func && sym->func->is_c)) {
        pyx_diag_error(S->d, def->loc, "cannot assign to '%s'", def->name);
        return;
    }
    sym->assigned = true;
    if (sym->type && pyx_type_is_c(sym->type) && sym->type->kind != PYX_TY_ERROR)
        pyx_diag_error(S->d, def->loc, "cannot assign a function to '%s', of C type '%s'", def->name, sym->type->name);
}

/* ---- except* ---------------------------------------------------------------- */

#define STAR_EXIT_ERROR "'break', 'continue' and 'return' cannot appear in an except* block"

/* except* runs on Python 3.11 and newer (rt_excgroup.c): the driver checks
   the target interpreter. */
static void need_exception_groups(Sema *S, PyxNode *s)
{
    if (S->m->needs_hexversion < 0x030B0000) {
        S->m->needs_hexversion = 0x030B0000;
        S->m->needs_what = "except* (exception groups)";
        S->m->needs_loc = s->loc;
    }
}

void check_stmt(Sema *S, PyxNode *s)
{
    switch (s->kind) {
    case PYX_NODE_EXPR_STMT:
        check_expr(S, s->value);
        break;
    case PYX_NODE_ASSIGN:
        if (s->annotation)   /* 'x: T [= v]': what runs of it (check_annot.c) */
            check_annotated_assign(S, s);
        if (s->annotation && S->cls)   /* __annotations__ of the class (check_class.c) */
            check_class_annotation(S, s);
        if (s->value == NULL)
            break;
        check_expr(S, s->value);
        for (int i = 0; i < s->items.len; i++)
            check_target(S, s->items.items[i], s->value);
        if (s->items.len == 1 && is_parallel_assign(s->items.items[0], s->value))
            s->sflags |= PYX_SF(PARALLEL);
        assign_conversion(s);
        break;
    case PYX_NODE_AUG_ASSIGN:
        check_aug_assign(S, s);
        break;
    case PYX_NODE_PASS:
        break;
    case PYX_NODE_BREAK: case PYX_NODE_CONTINUE:
        if (S->star_loops == S->loop_depth)   /* CPython looks for the except* block first */
            pyx_diag_error(S->d, s->loc, STAR_EXIT_ERROR);
        else if (S->loop_depth == 0)
            pyx_diag_error(S->d, s->loc, s->kind == PYX_NODE_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
        break;
    case PYX_NODE_RETURN:
        if (S->func == NULL || S->cls) {
            pyx_diag_error(S->d, s->loc, "'return' outside function");
            break;
        }
        if (S->star_loops >= 0) {
            pyx_diag_error(S->d, s->loc, STAR_EXIT_ERROR);
            break;
        }
        if (s->value && (S->func->def->flags & PYX_F(ASYNC)) && S->func->def->scope
            && S->func->def->scope->is_generator) {
            pyx_diag_error(S->d, s->loc, "'return' with value in async generator");
            break;
        }
        if (s->value) {
            check_expr(S, s->value);
            convert_to(s->value, S->func->ret);
            if (S->func->ret->kind == PYX_TY_VOID)
                pyx_diag_error(S->d, s->value->loc, "return with a value in a function returning void");
            else
                check_assignable(S, s->value, S->func->ret, "the return value");
        }
        break;
    case PYX_NODE_IF: case PYX_NODE_WHILE:
        check_expr(S, s->test);
        if (pyx_type_is_c(s->test->type) && !pyx_type_is_numeric(s->test->type) && s->test->type->kind != PYX_TY_PTR
            && s->test->type->kind != PYX_TY_ERROR)
            pyx_diag_error(S->d, s->test->loc, "'%s' cannot be used as a condition", s->test->type->name);
        if (s->kind == PYX_NODE_WHILE)
            S->loop_depth++;
        check_stmts(S, &s->body);
        if (s->kind == PYX_NODE_WHILE)
            S->loop_depth--;
        check_stmts(S, &s->orelse);
        break;
    case PYX_NODE_FOR: {
        if ((s->flags & PYX_F(ASYNC)) && !async_allowed(S, s, "'async for' outside async function"))
            break;
        check_iterable(S, s->value);
        check_target(S, s->target, NULL);
        PyxType *tt = s->target->type;
        if (is_range_call(S, s->value) && tt && tt->kind == PYX_TY_INT && s->target->kind == PYX_NODE_NAME) {
            for (int i = 0; i < s->value->items.len; i++) {
                PyxNode *arg = s->value->items.items[i];
                if (arg->type && arg->type->kind != PYX_TY_INT && arg->type->kind != PYX_TY_OBJECT
                    && arg->type->kind != PYX_TY_BINT && arg->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, arg->loc, "range() argument must be an integer, not '%s'", arg->type->name);
            }
        }
        set_loop_kind(S, s, s->target, s->value);
        if (s->flags & PYX_F(ASYNC))
            s->loop_kind = PYX_LOOP_ITER;   /* __aiter__ and awaited __anext__ (emit_gen.c) */
        if (s->loop_kind == PYX_LOOP_ITER && tt && pyx_type_is_c(tt) && tt->kind != PYX_TY_ERROR && !pyx_type_is_numeric(tt)) {
            pyx_diag_error(S->d, s->target->loc, "cannot iterate into a '%s' loop variable", tt->name);
        }
        S->loop_depth++;
        check_stmts(S, &s->body);
        S->loop_depth--;
        check_stmts(S, &s->orelse);
        if (!S->infer_pass)
            warn_range_sum_overflow(S, s);
        break;
    }
    case PYX_NODE_ASSERT:
        check_expr(S, s->test);
        if (s->value) {
            check_expr(S, s->value);
            check_boxable(S, s->value, "cannot use a '%s' as an assertion message");
        }
        break;
    case PYX_NODE_RAISE:
        if (s->value == NULL)
            break;   /* re-raise the exception being handled */
        check_expr(S, s->value);
        if (pyx_type_is_numeric(s->value->type))   /* Python raises TypeError when it runs */
            pyx_diag_warning(S->d, s->value->loc, "exceptions must derive from BaseException, not '%s'",
                             s->value->type->name);
        check_boxable(S, s->value, "exceptions must derive from BaseException, not '%s'");
        if (s->cause) {
            check_expr(S, s->cause);
            check_boxable(S, s->cause, "exception causes must derive from BaseException, not '%s'");
        }
        break;
    case PYX_NODE_TRY:
        if (s->flags & PYX_F(STAR))
            need_exception_groups(S, s);
        check_stmts(S, &s->body);
        for (int i = 0; i < s->handlers.len; i++) {
            PyxNode *h = s->handlers.items[i];
            if (h->value == NULL && i < s->handlers.len - 1)
                pyx_diag_error(S->d, h->loc, "default 'except:' must be last");
            if (h->value) {
                check_expr(S, h->value);
                if (pyx_type_is_numeric(h->value->type))   /* Python raises TypeError when it matches */
                    pyx_diag_warning(S->d, h->value->loc, "catching classes that do not inherit from BaseException is not allowed");
                check_boxable(S, h->value, "'except' needs exception classes, not a '%s'");
            }
            if (h->target) {
                check_target(S, h->target, NULL);
                if (h->target->type && pyx_type_is_c(h->target->type) && h->target->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, h->loc, "cannot bind an exception to the C variable '%s'", h->name);
            }
            if (s->flags & PYX_F(STAR)) {
                int outer = S->star_loops;
                S->star_loops = S->loop_depth;   /* break, continue and return out of it: errors */
                check_stmts(S, &h->body);
                S->star_loops = outer;
            } else {
                check_stmts(S, &h->body);
            }
        }
        check_stmts(S, &s->orelse);
        check_stmts(S, &s->finalbody);
        break;
    case PYX_NODE_GLOBAL:
        if (S->func == NULL)
            break;   /* harmless at module level */
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        if (s->flags & PYX_F(STAR)) {
            if (S->func)
                pyx_diag_error(S->d, s->loc, "import * only allowed at module level");
            break;
        }
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *n = s->items.items[i]->target;   /* the name the import binds (desugar.c) */
            check_target(S, n, NULL);
            if (n->type && pyx_type_is_c(n->type))
                pyx_diag_error(S->d, n->loc, "cannot import into the C variable '%s'", n->name);
        }
        break;
    case PYX_NODE_FUNCTION_DEF:
        if (S->func || S->cls) {   /* a def inside a function, or a method: a closure */
            check_closure(S, s);
            break;
        }
        check_def_parts(S, s);
        break;
    case PYX_NODE_CDEF_VARS:
        if (!(s->sflags & PYX_SF(DECLARED))) {
            /* no declaration pass saw it: a cdef inside a module-level block */
            pyx_diag_error(S->d, s->loc, "cdef statement not allowed here");
            break;
        }
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *v = s->items.items[i];
            if (v->value && v->sym) {
                check_expr(S, v->value);
                convert_to(v->value, v->sym->type);
                check_assignable(S, v->value, v->sym->type, pyx_arena_printf(S->a, "'%s'", v->name));
                if (v->sym->type->kind == PYX_TY_ARRAY)
                    pyx_diag_error(S->d, v->value->loc, "C arrays cannot be initialised with '='");
            }
        }
        break;
    case PYX_NODE_CDEF_BLOCK:
        for (int i = 0; i < s->body.len; i++)
            check_stmt(S, s->body.items[i]);
        break;
    case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM: case PYX_NODE_EXTERN_BLOCK: case PYX_NODE_CTYPEDEF:
    case PYX_NODE_DEF_CONST:
        if (S->func)
            pyx_diag_error(S->d, s->loc, "this declaration is only allowed at module level");
        break;
    case PYX_NODE_CLASS_DEF:
        check_class(S, s);   /* check_class.c */
        break;
    case PYX_NODE_WITH:
        if (check_directive_block(S, s))
            break;
        if ((s->flags & PYX_F(ASYNC)) && !async_allowed(S, s, "'async with' outside async function"))
            break;
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *it = s->items.items[i];
            PyxType *t = check_expr(S, it->value);
            if (pyx_type_is_numeric(t))   /* Python raises TypeError when it runs */
                pyx_diag_warning(S->d, it->value->loc, "a '%s' is not a context manager", t->name);
            check_boxable(S, it->value, "a '%s' is not a context manager");
            if (it->target)
                check_target(S, it->target, NULL);
        }
        check_stmts(S, &s->body);
        break;
    case PYX_NODE_MATCH:
        check_match(S, s);   /* check_match.c */
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < s->items.len; i++)
            check_delete(S, s->items.items[i]);
        break;
    case PYX_NODE_NONLOCAL:   /* symtable.c bound the names to the enclosing function's */
        break;
    case PYX_NODE_TYPE_ALIAS:
        unsupported(S, s, "type aliases");
        break;
    case PYX_NODE_GIL_BLOCK:
        unsupported(S, s, "with nogil / with gil blocks");
        break;
    case PYX_NODE_STRUCT_DEF: case PYX_NODE_ENUM_DEF: case PYX_NODE_FUSED_DEF:
        unsupported(S, s, s->kind == PYX_NODE_STRUCT_DEF ? "structs and unions" : s->kind == PYX_NODE_ENUM_DEF ? "enums" : "fused types");
        break;
    case PYX_NODE_INCLUDE:
        unsupported(S, s, "include files");
        break;
    default:
        unsupported(S, s, pyx_node_kind_name(s->kind));
    }
}

void check_stmts(Sema *S, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++)
        check_stmt(S, body->items[i]);
}
