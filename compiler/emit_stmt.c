/* emit_stmt.c - statements: assignment (names, elements, attributes,
 * unpacking, augmented), loops (C range loops and the iterator protocol),
 * inline comprehensions, return, del, import, and the statement dispatch.
 */
#include "emit_int.h"

/* Stores v into the variable sym names (converted to its type): a C local
   or global, or the module dict. */
void store_symbol(Fn *fn, PyxSymbol *sym, Val v, PyxLoc loc)
{
    if (sym->kind == PYX_SYM_CLASSVAR) {   /* a class body's name (emit_class.c) */
        class_name_store(fn, sym, v, loc);
        return;
    }
    if (sym->kind == PYX_SYM_CELL) {   /* converted to its type, then kept as an object */
        Val o = to_object(fn, coerce(fn, v, sym->type, loc), loc);
        line(fn, "pyx_rt_cell_set(%s, %s);", sym->cname, to_new_ref(fn, o, loc));
        if (o.owned)
            line(fn, "%s = NULL;", o.c);
        return;
    }
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
}

void assign_to(Fn *fn, PyxNode *target, Val v)
{
    PyxLoc loc = target->loc;
    switch (target->kind) {
    case PYX_NODE_NAME:
        store_symbol(fn, target->sym, v, loc);
        return;
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
        line(fn, "%s = pyx_rt_setitem(%s, %s, %s);", r, base.c, key.c, o.c);
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
           target still releases the rest; 'a, *b, c': b takes a list of
           the middle */
        int n = target->items.len, star = -1;
        for (int i = 0; i < n; i++)
            if (target->items.items[i]->kind == PYX_NODE_STARRED)
                star = i;
        Val o = to_object(fn, v, loc);
        const char *arr = pyx_name_unpack(A, ++fn->ntemp);
        buf_printf(A, &fn->decl, "    PyObject *%s[%d];\n", arr, n);
        if (star < 0)
            check(fn, pyx_arena_printf(A, "pyx_rt_unpack(%s, %d, %s) < 0", o.c, n, arr), loc);
        else
            check(fn, pyx_arena_printf(A, "pyx_rt_unpack_ex(%s, %d, %d, %s) < 0", o.c, star, n - 1 - star, arr), loc);
        release(fn, o);
        const char **items = pyx_arena_alloc(A, sizeof(char *) * (size_t)n);
        for (int i = 0; i < n; i++) {
            items[i] = temp(fn, &pyx_type_object);
            line(fn, "%s = %s[%d];", items[i], arr, i);
        }
        for (int i = 0; i < n; i++) {
            PyxNode *el = target->items.items[i];
            assign_to(fn, i == star ? el->value : el, (Val){items[i], &pyx_type_object, true});
        }
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

/* 'slot op= value' for a C lvalue slot of type tt, computed in the type
   sema chose (s->type): C arithmetic with Python's operator semantics, or
   Python's in-place operator on the boxed slot, converted back with a
   range check (the seed tutorial's OverflowError). */
static void aug_assign_c(Fn *fn, const char *slot, PyxType *tt, PyxNode *s)
{
    Val cur = cval(slot, tt);
    PyxType *ot = s->type;
    if (ot->kind == PYX_TY_OBJECT) {
        Val co = to_object(fn, cur, s->loc);
        Val v = emit_value(fn, s->value);
        Val r = object_binop(fn, s->op, co, v, true, s->loc);
        line(fn, "%s = %s;", slot, coerce(fn, r, tt, s->loc).c);
        return;
    }
    bool small_pow = s->op == PYX_OP_POW && ot->kind == PYX_TY_INT;
    Val v = small_pow ? cval("", ot) : emit_value(fn, s->value);
    Val r = c_arith(fn, s->op, coerce(fn, cur, ot, s->loc), v, ot, s->sflags & PYX_SF(CDIVISION),
                    small_pow ? s->value->ival : 0,
                    python_int(s->target) && python_int(s->value), s->loc);
    line(fn, "%s = %s;", slot, coerce(fn, r, tt, s->loc).c);
}

static void emit_aug_assign(Fn *fn, PyxNode *s)
{
    PyxNode *tg = s->target;
    PyxType *tt = tg->type;
    if (tg->kind == PYX_NODE_NAME && tg->sym->kind == PYX_SYM_CELL && pyx_type_is_c(tt)) {
        /* a C number in a cell: computed in a temp, then stored back */
        Val cur = emit_name(fn, tg);
        const char *slot = temp(fn, tt);
        line(fn, "%s = %s;", slot, cur.c);
        aug_assign_c(fn, slot, tt, s);
        store_symbol(fn, tg->sym, cval(slot, tt), s->loc);
        return;
    }
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
        Val v = emit_value(fn, s->value);
        Val r = object_binop(fn, s->op, cur, v, true, s->loc);
        assign_to(fn, tg, r);
        return;
    }
    if (tg->kind == PYX_NODE_ATTRIBUTE) {
        Val base = emit_value(fn, tg->value);
        if (!base.owned) {
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = %s; Py_INCREF(%s);", t, base.c, t);
            base = (Val){t, &pyx_type_object, true};
        }
        const char *cur = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_GetAttr(%s, %s);", cur, base.c, name_const(fn->E, tg->name));
        check(fn, pyx_arena_printf(A, "!%s", cur), s->loc);
        Val v = emit_value(fn, s->value);
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
    line(fn, "%s = pyx_rt_getitem(%s, %s);", cur, base.c, key.c);
    check(fn, pyx_arena_printf(A, "!%s", cur), s->loc);
    Val v = emit_value(fn, s->value);
    Val r = object_binop(fn, s->op, (Val){cur, &pyx_type_object, true}, v, true, s->loc);
    const char *rc = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_setitem(%s, %s, %s);", rc, base.c, key.c, r.c);
    release(fn, r);
    release(fn, base);
    release(fn, key);
    check(fn, pyx_arena_printf(A, "%s < 0", rc), s->loc);
}

/* The comment that opens a statement's C: where it is, and its text from
   its start to the end of its line, at most QUOTE bytes (a line of 4,000
   statements must not be copied 4,000 times). */
#define QUOTE 120

void emit_line_marker(Fn *fn, PyxNode *s)
{
    const PyxSource *src = s->loc.src;
    uint32_t b, n;
    pyx_source_line(src, s->loc.start, &b, &n);
    uint32_t len = b + n - s->loc.start;
    bool cut = len > QUOTE;
    if (cut) {
        len = QUOTE;
        while (len > 0 && (src->text[s->loc.start + len] & 0xC0) == 0x80)
            len--;   /* not inside a UTF-8 character */
    }
    const char *text = c_comment_text(A, src->text + s->loc.start, len);
    line(fn, "/* %s:%u: %s%s */", fn->E->src_comment, s->loc.line, text, cut ? " ..." : "");
    if (fn->E->o->line_directives)
        buf_printf(A, &fn->body, "#line %u %s\n", s->loc.line, fn->E->line_lit);
}

static void emit_body_stmts(Fn *fn, void *ctx)
{
    emit_stmts(fn, (PyxNodeList *)ctx);
}

/* for target in range(...) with C integer arguments (PYX_LOOP_RANGE): a C
   loop.  The arguments are evaluated once, in order, as Python does; the
   body sees 'loop' as its innermost loop. */
static void emit_range_loop(Fn *fn, PyxNode *target, PyxNode *call, Loop *loop, BodyFn body, void *ctx)
{
    PyxType *ct = target->type;
    int n = call->items.len;
    const char *args[3] = {"0", "0", "1"};
    PYX_ASSERT(n >= 1 && n <= 3);
    for (int i = 0; i < n; i++) {
        PyxNode *arg = call->items.items[i];
        Val v = emit_value(fn, arg);
        args[i] = (arg->sflags & PYX_SF(CONST)) ? v.c : materialize(fn, v).c;
    }
    const char *start = n == 1 ? "0" : args[0], *stop = n == 1 ? args[0] : args[1], *step = n == 3 ? args[2] : "1";
    PyxNode *step_node = n == 3 ? call->items.items[2] : NULL;
    bool const_step = !step_node || (step_node->sflags & PYX_SF(CONST));
    int64_t k = !step_node ? 1 : const_step ? step_node->ival : 0;
    if (!const_step || k == 0) {
        fn->lineno_used = 1;
        line(fn, "if (PYX_UNLIKELY(%s == 0)) { pyx_rt_raise_range_step_zero(); pyx_lineno = %u; goto %s; }",
             step, call->loc.line, jump(fn->err));
    }
    const char *c = temp(fn, ct);
    if (const_step && (k == 1 || k == -1)) {
        /* c < stop with c += 1 cannot pass the type's maximum */
        open_loop(fn, loop, pyx_arena_printf(A, "%s = %s", c, start), pyx_arena_printf(A, "%s %s %s", c, k > 0 ? "<" : ">", stop),
                  pyx_arena_printf(A, "%s%s", c, k > 0 ? "++" : "--"));
    } else {
        /* other steps count iterations first, so a loop ending near the
           type's limit stops instead of wrapping around */
        const char *cnt = temp(fn, &pyx_type_ulonglong);
        if (!const_step || k > 0)
            line(fn, "%s%s = %s < %s ? ((unsigned long long)%s - (unsigned long long)%s - 1) / (unsigned long long)%s + 1 : 0;",
                 const_step ? "" : pyx_arena_printf(A, "if (%s > 0) ", step), cnt, start, stop, stop, start, step);
        if (!const_step || k < 0)
            line(fn, "%s%s = %s > %s ? ((unsigned long long)%s - (unsigned long long)%s - 1) / (0ULL - (unsigned long long)%s) + 1 : 0;",
                 const_step ? "" : "else ", cnt, start, stop, start, stop, step);
        open_loop(fn, loop, pyx_arena_printf(A, "%s = %s", c, start), pyx_arena_printf(A, "%s > 0", cnt),
                  pyx_arena_printf(A, "%s--, %s += %s", cnt, c, step));
    }
    assign_to(fn, target, cval(c, ct));
    start_iteration(fn, loop, call->loc);
    push_loop(fn, loop);
    body(fn, ctx);
    pop_loop(fn);
    fn->indent--;
    line(fn, "}");
}

/* for target in arr, for target in p[a:b:k] (PYX_LOOP_CARRAY): a C loop
   over the elements, bounds evaluated once, in order. */
static void emit_carray_loop(Fn *fn, PyxNode *target, PyxNode *iter, Loop *loop, BodyFn body, void *ctx)
{
    PyxType *elem = iter->type->base;
    bool slice = iter->kind == PYX_NODE_SUBSCRIPT && iter->right->kind == PYX_NODE_SLICE;
    PyxNode *arr = slice ? iter->value : iter, *sl = slice ? iter->right : NULL;
    Val base = materialize(fn, emit_expr(fn, arr));
    const char *lo = "0", *hi = NULL;
    if (sl && sl->lower)
        lo = materialize(fn, emit_value(fn, sl->lower)).c;
    if (sl && sl->upper)
        hi = materialize(fn, emit_value(fn, sl->upper)).c;
    else
        hi = pyx_arena_printf(A, "%ld", arr->type->array_len);
    int64_t k = sl && sl->step ? sl->step->ival : 1;
    const char *i = temp(fn, &pyx_type_ssize_t);
    open_loop(fn, loop, pyx_arena_printf(A, "%s = %s", i, lo), pyx_arena_printf(A, "%s %s %s", i, k > 0 ? "<" : ">", hi),
              pyx_arena_printf(A, "%s += %lld", i, (long long)k));
    assign_to(fn, target, cval(pyx_arena_printf(A, "%s[%s]", base.c, i), elem));
    start_iteration(fn, loop, iter->loc);
    push_loop(fn, loop);
    body(fn, ctx);
    pop_loop(fn);
    fn->indent--;
    line(fn, "}");
}

/* for target in <any iterable>: PyObject_GetIter / PyIter_Next.  On
   exhaustion jumps to 'natural' when given (a loop else), else leaves the
   loop; either way the caller releases the returned iterator temp. */
static const char *emit_iter_loop(Fn *fn, PyxNode *target, PyxNode *iter, Loop *loop, Label *natural,
                                  BodyFn body, void *ctx)
{
    const char *it;
    PyxLoc at = iter ? iter->loc : target->loc;
    if (iter) {
        Val iterable = emit_value(fn, iter);
        it = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_GetIter(%s);", it, iterable.c);
        release(fn, iterable);
        check(fn, pyx_arena_printf(A, "!%s", it), iter->loc);
    } else {   /* a generator expression's first loop: its parameter '.0' is the iterator */
        it = fn->f->params[0]->cname;
    }
    const char *item = temp(fn, &pyx_type_object);
    open_loop(fn, loop, "", "", "");
    line(fn, "%s = PyIter_Next(%s);", item, it);
    line(fn, "if (!%s) {", item);
    fn->indent++;
    check(fn, "PyErr_Occurred()", at);
    if (natural)
        line(fn, "goto %s;", jump(natural));
    else
        line(fn, "break;");
    fn->indent--;
    line(fn, "}");
    assign_to(fn, target, (Val){item, &pyx_type_object, true});
    if (target->type && pyx_type_is_c(target->type))
        line(fn, "Py_CLEAR(%s);", item);
    start_iteration(fn, loop, at);
    push_loop(fn, loop);
    body(fn, ctx);
    pop_loop(fn);
    fn->indent--;
    line(fn, "}");
    return it;
}

static void emit_for(Fn *fn, PyxNode *s)
{
    if (s->flags & PYX_F(ASYNC)) {
        emit_async_for(fn, s);
        return;
    }
    Label *brk = new_label(fn, "break");
    unsigned traced = fn->trace_lines ? s->loc.line : 0;
    if (s->loop_kind == PYX_LOOP_RANGE || s->loop_kind == PYX_LOOP_CARRAY) {
        Loop loop = {.break_by_goto = s->orelse.len > 0, .brk = brk, .poll = (s->sflags & PYX_SF(POLLS)) != 0, .trace_line = traced};
        if (s->loop_kind == PYX_LOOP_RANGE)
            emit_range_loop(fn, s->target, s->value, &loop, emit_body_stmts, &s->body);
        else
            emit_carray_loop(fn, s->target, s->value, &loop, emit_body_stmts, &s->body);
        emit_stmts(fn, &s->orelse);
        place_label(fn, brk);
        return;
    }
    Label *natural = s->orelse.len ? new_label(fn, "exhausted") : NULL;
    Loop loop = {.brk = brk, .poll = (s->sflags & PYX_SF(POLLS)) != 0, .trace_line = traced};
    /* a return in the body releases the iterator on its way out (its labels
       take the number of brk's: the other labels keep their numbers) */
    int serial = fn->nlabel;
    Label *outer_ret = fn->ret, *ret = pyx_arena_new(A, Label);
    ret->name = pyx_name_label(A, "loop_return", serial);
    fn->ret = ret;
    const char *it = emit_iter_loop(fn, s->target, s->value, &loop, natural, emit_body_stmts, &s->body);
    fn->ret = outer_ret;
    line(fn, "Py_CLEAR(%s);", it);
    if (s->orelse.len) {
        line(fn, "goto %s;", jump(brk));
        place_label(fn, natural);
        line(fn, "Py_CLEAR(%s);", it);
        emit_stmts(fn, &s->orelse);
        place_label(fn, brk);
    }
    if (ret->used) {
        Label *end = pyx_arena_new(A, Label);
        end->name = pyx_name_label(A, "loop_end", serial);
        line(fn, "goto %s;", jump(end));
        place_label(fn, ret);
        line(fn, "Py_CLEAR(%s);", it);
        line(fn, "goto %s;", jump(outer_ret));
        place_label(fn, end);
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
        if (e->kind == PYX_NODE_GENERATOR) {   /* a generator expression's body yields */
            emit_yield_value(fn, e->value);
            close_blocks(fn, opened);
            return;
        }
        const char *r = temp(fn, &pyx_type_int);
        if (e->kind == PYX_NODE_DICT_COMP) {
            Val k = emit_value(fn, e->left);
            Val v = emit_value(fn, e->value);
            line(fn, "%s = PyDict_SetItem(%s, %s, %s);", r, c->result, k.c, v.c);
            release(fn, k);
            release(fn, v);
        } else {
            Val v = emit_value(fn, e->value);
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
    Loop loop = {.brk = brk};   /* no header lines: a comprehension is no statement */
    if (gen->loop_kind == PYX_LOOP_RANGE) {
        emit_range_loop(fn, gen->target, gen->value, &loop, comp_body, c);
    } else if (gen->loop_kind == PYX_LOOP_CARRAY) {
        emit_carray_loop(fn, gen->target, gen->value, &loop, comp_body, c);
    } else if (gen->flags & PYX_F(ASYNC)) {   /* in a coroutine (emit_gen.c) */
        Label *natural = new_label(fn, "exhausted");
        bool genexp = c->node->kind == PYX_NODE_GENERATOR && c->level == 0;
        const char *it = emit_async_loop(fn, gen->target, genexp ? NULL : gen->value, &loop, natural, comp_body, c);
        place_label(fn, natural);
        line(fn, "Py_CLEAR(%s);", it);
    } else {
        bool genexp = c->node->kind == PYX_NODE_GENERATOR && c->level == 0;
        const char *it = emit_iter_loop(fn, gen->target, genexp ? NULL : gen->value, &loop, NULL, comp_body, c);
        line(fn, "Py_CLEAR(%s);", it);
    }
}

/* The body of a generator expression's function: its loops, yielding. */
void emit_genexp_loops(Fn *fn, PyxNode *e)
{
    Comp c = {e, 0, NULL};
    emit_comp_level(fn, &c);
}

/* A comprehension's variable that a lambda in it uses lives in a cell, new
   for each run of the comprehension (the lambdas of one run share it: late
   binding). */
static void fresh_cells(Fn *fn, PyxNode *t)
{
    if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST) {
        for (int i = 0; i < t->items.len; i++)
            fresh_cells(fn, t->items.items[i]);
        return;
    }
    if (t->kind == PYX_NODE_STARRED)
        t = t->value;
    if (t->kind != PYX_NODE_NAME || t->sym == NULL || t->sym->kind != PYX_SYM_CELL || !t->sym->hidden)
        return;
    const char *c = temp(fn, &pyx_type_object);
    line(fn, "%s = PyCell_New(NULL);", c);
    check(fn, pyx_arena_printf(A, "!%s", c), t->loc);
    line(fn, "Py_XSETREF(%s, %s);", t->sym->cname, c);
    line(fn, "%s = NULL;", c);
}

Val emit_comprehension(Fn *fn, PyxNode *e)
{
    for (int i = 0; i < e->handlers.len; i++)
        fresh_cells(fn, e->handlers.items[i]->target);
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
    Loop loop = {.brk = brk, .poll = (s->sflags & PYX_SF(POLLS)) != 0, .trace_line = fn->trace_lines ? s->loc.line : 0};
    open_loop(fn, &loop, "", "", "");
    const char *c = emit_cond(fn, s->test);
    if (s->orelse.len)
        line(fn, "if (!%s) goto %s;", c, jump(natural));
    else
        line(fn, "if (!%s) break;", c);
    start_iteration(fn, &loop, s->loc);
    push_loop(fn, &loop);
    emit_stmts(fn, &s->body);
    pop_loop(fn);
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
        Val v = s->value ? emit_value(fn, s->value) : cval("Py_None", &pyx_type_object);
        const char *nv = to_new_ref(fn, v, s->loc);
        line(fn, "Py_XSETREF(pyx_r, %s);", nv);
        if (v.owned)
            line(fn, "%s = NULL;", nv);
    } else {
        Val v = s->value ? emit_value(fn, s->value) : cval("0", rt);
        line(fn, "pyx_r = %s;", v.c);
    }
    line(fn, "goto %s;", jump(fn->ret));
}

/* del target */
static void emit_delete(Fn *fn, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_CLASSVAR) {
            class_name_delete(fn, sym, t->loc);
            return;
        }
        if (sym->kind == PYX_SYM_CELL) {
            check(fn, pyx_arena_printf(A, "pyx_rt_cell_del(%s, \"%s\", %d) < 0", sym->cname, sym->name, sym->free), t->loc);
            return;
        }
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

static void emit_import(Fn *fn, PyxNode *s)
{
    if (s->kind == PYX_NODE_IMPORT) {
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *al = s->items.items[i];
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = pyx_rt_import(%s, pyx_d, NULL, 0, %d);", t, name_const(fn->E, al->name), al->asname != NULL);
            check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
            assign_to(fn, al->target, (Val){t, &pyx_type_object, true});
        }
        return;
    }
    if (s->flags & PYX_F(STAR)) {   /* module level only (sema) */
        const char *fromlist = new_const(fn->E, "%s", pyx_arena_printf(A, "PyTuple_Pack(1, %s)", name_const(fn->E, "*")), 0);
        const char *mod = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_import(%s, pyx_d, %s, %d, 0);", mod, name_const(fn->E, s->name ? s->name : ""), fromlist, s->level);
        check(fn, pyx_arena_printf(A, "!%s", mod), s->loc);
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = pyx_rt_import_star(%s, pyx_d);", r, mod);
        line(fn, "Py_CLEAR(%s);", mod);
        check(fn, pyx_arena_printf(A, "%s < 0", r), s->loc);
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
        assign_to(fn, al->target, (Val){t, &pyx_type_object, true});
    }
    line(fn, "Py_CLEAR(%s);", mod);
}

static void emit_stmt(Fn *fn, PyxNode *s)
{
    if (s->kind != PYX_NODE_FUNCTION_DEF || fn->f == NULL || (s->func && s->func->closure))
        emit_line_marker(fn, s);
    trace_statement(fn, s);   /* linetrace (emit_trace.c) */
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
        if (s->value == NULL) {   /* 'x: T' (emit_annot.c) */
            emit_annotation_target(fn, s);
            emit_annotation(fn, s);
            if (fn->cls && s->annotation)   /* in a class body: __annotations__ (emit_class.c) */
                emit_class_annotation(fn, s);
            break;
        }
        if (s->sflags & PYX_SF(PARALLEL)) {
            emit_parallel_assign(fn, s->items.items[0], s->value);
            emit_annotation(fn, s);
            if (fn->cls && s->annotation)
                emit_class_annotation(fn, s);
            break;
        }
        Val v = emit_value(fn, s->value);
        if (s->items.len > 1 && v.t->kind != PYX_TY_OBJECT)
            v = materialize(fn, v);
        for (int i = 0; i < s->items.len; i++) {
            Val use = v;
            if (i < s->items.len - 1 && v.owned)
                use.owned = false;   /* later targets still need it */
            assign_to(fn, s->items.items[i], use);
        }
        emit_annotation(fn, s);
        if (fn->cls && s->annotation)
            emit_class_annotation(fn, s);
        break;
    }
    case PYX_NODE_AUG_ASSIGN:
        emit_aug_assign(fn, s);
        break;
    case PYX_NODE_PASS: case PYX_NODE_GLOBAL: case PYX_NODE_NONLOCAL: case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM:
    case PYX_NODE_EXTERN_BLOCK: case PYX_NODE_CTYPEDEF: case PYX_NODE_DEF_CONST:
        break;
    case PYX_NODE_BREAK: case PYX_NODE_CONTINUE:
        emit_loop_exit(fn, s->kind == PYX_NODE_CONTINUE);
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
            Val m = emit_value(fn, s->value);
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
        Val v = emit_value(fn, s->value);
        Val c = s->cause ? emit_value(fn, s->cause) : cval("NULL", &pyx_type_object);
        line(fn, "pyx_rt_raise(%s, %s);", v.c, c.c);
        release(fn, v);
        release(fn, c);
        goto_error(fn, s->loc);
        break;
    }
    case PYX_NODE_TRY:
        /* desugar.c nests try/except/finally as try/finally around try/except */
        PYX_ASSERT(s->handlers.len == 0 || s->finalbody.len == 0);
        if (s->handlers.len == 0)
            emit_try_finally(fn, s);
        else if (s->flags & PYX_F(STAR))
            emit_try_except_star(fn, s);
        else
            emit_try_except(fn, s);
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        emit_import(fn, s);
        break;
    case PYX_NODE_MATCH:
        emit_match(fn, s);   /* emit_match.c */
        break;
    case PYX_NODE_WITH:
        if (s->sflags & PYX_SF(DIRECTIVES))
            emit_stmts(fn, &s->body);
        else
            emit_with_items(fn, s, 0);
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < s->items.len; i++)
            emit_delete(fn, s->items.items[i]);
        break;
    case PYX_NODE_CLASS_DEF:
        emit_class_statement(fn, s);   /* emit_class.c */
        break;
    case PYX_NODE_FUNCTION_DEF:
        if (s->func && s->func->closure)   /* a def inside a function */
            store_symbol(fn, s->sym, emit_closure(fn, s), s->loc);
        else if (fn->f == NULL)
            emit_def_statement(fn, s);
        break;
    case PYX_NODE_CDEF_VARS:
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *v = s->items.items[i];
            if (v->value)
                store_symbol(fn, v->sym, emit_value(fn, v->value), v->loc);
        }
        break;
    case PYX_NODE_CDEF_BLOCK:
        emit_stmts(fn, &s->body);
        break;
    default:
        PYX_UNREACHABLE();
    }
}

void emit_stmts(Fn *fn, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++)
        emit_stmt(fn, body->items[i]);
}
