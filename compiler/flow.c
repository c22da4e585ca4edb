/* flow.c - the control-flow graph of a function body and the analyses on
 * it (see flow.h).
 *
 * The builder walks statements in execution order, filling the current
 * block and starting new ones where control splits or joins.  'cur' is -1
 * after a return, raise, break or continue: what follows is unreachable and
 * goes into a block with no predecessors.  A finally body is laid out once
 * per way in (normal exit, exception, return), as the emitter writes it, so
 * one NAME node can have several uses; it is BOUND only if all of them are.
 */
#include "flow.h"

#include <string.h>

#include "diag.h"

typedef struct Loop {
    int brk, cont;
} Loop;

typedef struct Builder {
    PyxFlow *f;
    int cur;              /* the block being filled, -1 when unreachable */
    int exc;              /* where an exception goes now */
    int ret;              /* where a return goes now */
    Loop *loops;
    int nloops, cap_loops;
    const char **shadow;  /* names a comprehension binds, hiding the function's */
    int nshadow, cap_shadow;
} Builder;

/* ---- sets of variables ---------------------------------------------------------------- */

bool pyx_flow_bit(const uint64_t *set, int i)
{
    return (set[i / 64] >> (i % 64)) & 1;
}

static void set_bit(uint64_t *set, int i)
{
    set[i / 64] |= (uint64_t)1 << (i % 64);
}

static void clear_bit(uint64_t *set, int i)
{
    set[i / 64] &= ~((uint64_t)1 << (i % 64));
}

static uint64_t *new_set(PyxFlow *f, bool full)
{
    uint64_t *s = pyx_arena_alloc(f->a, sizeof(uint64_t) * (size_t)(f->words ? f->words : 1));
    if (full)
        memset(s, 0xff, sizeof(uint64_t) * (size_t)f->words);
    return s;
}

/* ---- the graph ------------------------------------------------------------------------- */

PyxFlow *pyx_flow_new(PyxArena *a)
{
    PyxFlow *f = pyx_arena_new(a, PyxFlow);
    f->a = a;
    pyx_map_init(&f->var_index, a);
    return f;
}

void pyx_flow_var(PyxFlow *f, const char *name, bool bound_on_entry)
{
    if (pyx_map_get(&f->var_index, name))
        return;
    PyxFlowVar v = {name, bound_on_entry, false};
    PYX_VEC_PUSH(f->a, f->vars, f->nvars, f->cap_vars, v);
    pyx_map_put(&f->var_index, name, (void *)(intptr_t)f->nvars);
    f->words = (f->nvars + 63) / 64;
}

static int new_block(Builder *B)
{
    PyxFlow *f = B->f;
    PyxFlowBlock b = {0};
    b.exc = B->exc;
    PYX_VEC_PUSH(f->a, f->blocks, f->nblocks, f->cap_blocks, b);
    return f->nblocks - 1;
}

static void edge(Builder *B, int from, int to)
{
    if (from < 0)
        return;
    PyxFlowBlock *b = &B->f->blocks[from];
    PYX_VEC_PUSH(B->f->a, b->succ, b->nsucc, b->cap_succ, to);
}

/* Continues in block 'to' (reached from the current one, if reachable). */
static void go(Builder *B, int to)
{
    edge(B, B->cur, to);
    B->cur = to;
}

static void op(Builder *B, PyxFlowOpKind kind, int var, PyxNode *node)
{
    if (B->cur < 0)
        B->cur = new_block(B);   /* unreachable code: a block nobody enters */
    PyxFlowBlock *b = &B->f->blocks[B->cur];
    PyxFlowOp o = {(uint8_t)kind, var, node};
    PYX_VEC_PUSH(B->f->a, b->ops, b->nops, b->cap_ops, o);
}

#define SHADOWED (-2)

/* The variable a name refers to here, SHADOWED for a comprehension's own
   variable, or -1 (a global or a builtin). */
static int var_of(Builder *B, const char *name)
{
    for (int i = B->nshadow - 1; i >= 0; i--)
        if (strcmp(B->shadow[i], name) == 0)
            return SHADOWED;
    intptr_t k = (intptr_t)pyx_map_get(&B->f->var_index, name);
    return (int)k - 1;
}

/* ---- expressions --------------------------------------------------------------------- */

static void walk_expr(Builder *B, PyxNode *e);

static void walk_expr_child(PyxNode *child, PyxSlot slot, void *ctx)
{
    (void)slot;
    walk_expr((Builder *)ctx, child);
}

static void shadow_targets(Builder *B, PyxNode *t)
{
    if (t->kind == PYX_NODE_NAME)
        PYX_VEC_PUSH(B->f->a, B->shadow, B->nshadow, B->cap_shadow, t->name);
    else if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST)
        for (int i = 0; i < t->items.len; i++)
            shadow_targets(B, t->items.items[i]);
    else if (t->kind == PYX_NODE_STARRED)
        shadow_targets(B, t->value);
}

/* [elt for t in it if c ...]: the first iterable is evaluated here; the
   rest runs in the comprehension's scope, where its targets hide the
   function's names. */
static void walk_comprehension(Builder *B, PyxNode *e)
{
    int saved = B->nshadow;
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        walk_expr(B, g->value);
        shadow_targets(B, g->target);
        for (int j = 0; j < g->items.len; j++)
            walk_expr(B, g->items.items[j]);
    }
    if (e->left)
        walk_expr(B, e->left);
    walk_expr(B, e->value);
    B->nshadow = saved;
}

static void walk_target(Builder *B, PyxNode *t);

static void walk_expr(Builder *B, PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_NAME: {
        int v = var_of(B, e->name);
        if (v >= 0)
            op(B, PYX_FLOW_USE, v, e);
        else if (v == SHADOWED)   /* a comprehension assigns its variables before any use */
            e->sflags |= PYX_SF(BOUND);
        return;
    }
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP: case PYX_NODE_GENERATOR:
        walk_comprehension(B, e);
        return;
    case PYX_NODE_LAMBDA:   /* its body runs later, on its own frame: only the defaults run here */
        for (int i = 0; i < e->params.len; i++)
            if (e->params.items[i]->value)
                walk_expr(B, e->params.items[i]->value);
        return;
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM: case PYX_NODE_AWAIT:
        if (e->value)
            walk_expr(B, e->value);
        op(B, PYX_FLOW_YIELD, -1, e);
        return;
    case PYX_NODE_NAMED_EXPR:
        walk_expr(B, e->value);
        walk_target(B, e->target);
        return;
    case PYX_NODE_CTYPE_NAME: case PYX_NODE_CTYPE_PTR: case PYX_NODE_CTYPE_ARRAY: case PYX_NODE_CTYPE_FUNC:
    case PYX_NODE_CTYPE_MEMVIEW:
        return;   /* a type, not a value */
    case PYX_NODE_SIZEOF:
        if (e->value && e->value->kind != PYX_NODE_NAME)
            walk_expr(B, e->value);
        return;
    default:
        pyx_ast_children(e, walk_expr_child, B);
    }
}

static void walk_target(Builder *B, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        int v = var_of(B, t->name);
        if (v >= 0)
            op(B, PYX_FLOW_DEF, v, t);
        return;
    }
    case PYX_NODE_TUPLE: case PYX_NODE_LIST:
        for (int i = 0; i < t->items.len; i++)
            walk_target(B, t->items.items[i]);
        return;
    case PYX_NODE_STARRED:
        walk_target(B, t->value);
        return;
    default:   /* obj.attr, obj[key]: their parts are read */
        pyx_ast_children(t, walk_expr_child, B);
    }
}

/* ---- statements ----------------------------------------------------------------------- */

static void walk_stmts(Builder *B, PyxNodeList *body);

/* 'while True:' and 'while 1:' never leave by their test. */
static bool always_true(const PyxNode *test)
{
    if (test->kind == PYX_NODE_TRUE)
        return true;
    if (test->kind != PYX_NODE_INT)
        return false;
    bool nonzero = false;
    for (const char *p = test->name; *p; p++) {
        if ((*p < '0' || *p > '9') && *p != '_')
            return false;   /* 0x.., 0o.., 0b..: not worth the care */
        nonzero |= *p > '0' && *p <= '9';
    }
    return nonzero;
}

static void walk_loop_body(Builder *B, PyxNodeList *body, int brk, int cont)
{
    Loop l = {brk, cont};
    PYX_VEC_PUSH(B->f->a, B->loops, B->nloops, B->cap_loops, l);
    walk_stmts(B, body);
    B->nloops--;
}

/* An exception that goes on after the ops before it: a block whose only
   way out is its exception edge. */
static void reraise(Builder *B, int exc)
{
    int saved = B->exc;
    B->exc = exc;
    go(B, new_block(B));
    B->exc = saved;
    B->cur = -1;
}

static void walk_try_except(Builder *B, PyxNode *s)
{
    int outer = B->exc, after = new_block(B);
    int dispatch = new_block(B);   /* matching the handlers: exceptions there go out */
    B->exc = dispatch;
    go(B, new_block(B));
    walk_stmts(B, &s->body);
    B->exc = outer;
    walk_stmts(B, &s->orelse);
    go(B, after);
    B->cur = dispatch;
    bool caught_all = false;
    for (int i = 0; i < s->handlers.len && !caught_all; i++) {
        PyxNode *h = s->handlers.items[i];
        if (h->value)
            walk_expr(B, h->value);
        else
            caught_all = true;
        int next = caught_all ? -1 : new_block(B), body = new_block(B);
        edge(B, B->cur, body);
        if (next >= 0)
            edge(B, B->cur, next);
        B->cur = body;
        int cleanup = -1;
        if (h->target) {
            /* Python deletes the name however the handler is left */
            walk_target(B, h->target);
            cleanup = new_block(B);
            B->exc = cleanup;
            go(B, new_block(B));
        }
        walk_stmts(B, &h->body);
        B->exc = outer;
        if (h->target) {
            int v = var_of(B, h->target->name);
            if (v >= 0)
                op(B, PYX_FLOW_DEL, v, h->target);
            go(B, after);
            B->cur = cleanup;
            if (v >= 0)
                op(B, PYX_FLOW_DEL, v, h->target);
            reraise(B, outer);
        } else {
            go(B, after);
        }
        B->cur = next;
    }
    if (!caught_all)
        reraise(B, outer);   /* nothing matched */
    B->cur = after;
}

/* try: body (except* T [as name]: handler)+ [else: ...]
   Each clause is tried in turn, whatever the ones before did (their
   handlers never leave by return, break or continue: sema); after the
   last, what is left goes on or the statement ends. */
static void walk_try_except_star(Builder *B, PyxNode *s)
{
    int outer = B->exc, after = new_block(B);
    int dispatch = new_block(B);
    B->exc = dispatch;
    go(B, new_block(B));
    walk_stmts(B, &s->body);
    B->exc = outer;
    walk_stmts(B, &s->orelse);
    go(B, after);
    B->cur = dispatch;
    for (int i = 0; i < s->handlers.len; i++) {
        PyxNode *h = s->handlers.items[i];
        walk_expr(B, h->value);
        int next = new_block(B), body = new_block(B), raised = new_block(B);
        edge(B, B->cur, body);
        edge(B, B->cur, next);
        B->cur = body;
        if (h->target)
            walk_target(B, h->target);
        B->exc = raised;
        go(B, new_block(B));
        walk_stmts(B, &h->body);
        B->exc = outer;
        int v = h->target ? var_of(B, h->target->name) : -1;
        for (int k = 0; k < 2; k++) {   /* the name goes however the handler ends */
            if (v >= 0)
                op(B, PYX_FLOW_DEL, v, h->target);
            go(B, next);
            B->cur = raised;
        }
        B->cur = next;
    }
    int end = B->cur;
    reraise(B, outer);
    B->cur = end;
    go(B, after);
}

/* try: body finally: final -- the final body once per way in. */
static void walk_try_finally(Builder *B, PyxNode *s)
{
    int outer_exc = B->exc, outer_ret = B->ret;
    int on_exc = new_block(B), on_ret = new_block(B);
    B->exc = on_exc;
    B->ret = on_ret;
    go(B, new_block(B));
    walk_stmts(B, &s->body);
    B->exc = outer_exc;
    B->ret = outer_ret;
    walk_stmts(B, &s->finalbody);    /* fell off the end of the body */
    int after = B->cur;
    B->cur = on_ret;                  /* a return goes through it */
    walk_stmts(B, &s->finalbody);
    edge(B, B->cur, B->ret);
    B->cur = on_exc;                  /* an exception too, then goes on */
    walk_stmts(B, &s->finalbody);
    reraise(B, outer_exc);
    B->cur = after;
}

static void walk_with(Builder *B, PyxNode *s)
{
    if (s->sflags & PYX_SF(DIRECTIVES)) {   /* only the body runs */
        walk_stmts(B, &s->body);
        return;
    }
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *it = s->items.items[i];
        walk_expr(B, it->value);
        if (it->target)
            walk_target(B, it->target);
    }
    int outer = B->exc, after = new_block(B), on_exc = new_block(B);
    B->exc = on_exc;
    go(B, new_block(B));
    walk_stmts(B, &s->body);
    B->exc = outer;
    go(B, after);
    B->cur = on_exc;   /* __exit__ may swallow the exception, or it goes on */
    edge(B, on_exc, after);
    reraise(B, outer);
    B->cur = after;
}

static void walk_delete(Builder *B, PyxNode *t)
{
    if (t->kind == PYX_NODE_NAME) {
        walk_expr(B, t);   /* deleting an unbound name raises */
        int v = var_of(B, t->name);
        if (v >= 0)
            op(B, PYX_FLOW_DEL, v, t);
    } else if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST) {
        for (int i = 0; i < t->items.len; i++)
            walk_delete(B, t->items.items[i]);
    } else {
        walk_target(B, t);
    }
}

/* What trying a pattern reads: the values it compares with, the classes it
   tests, the keys it looks up.  No capture is bound before the whole
   pattern matched, so every read sees the state at the case's start. */
static void walk_pattern_reads(Builder *B, PyxNode *p)
{
    switch (p->kind) {
    case PYX_NODE_PAT_VALUE:
        walk_expr(B, p->value);
        return;
    case PYX_NODE_PAT_CLASS:
        walk_expr(B, p->value);
        break;
    case PYX_NODE_PAT_MAPPING:
        for (int i = 0; i < p->items.len; i++)
            walk_pattern_reads(B, p->items.items[i]->left);
        for (int i = 0; i < p->items.len; i++)
            walk_pattern_reads(B, p->items.items[i]->value);
        return;
    case PYX_NODE_PAT_KEYWORD: case PYX_NODE_PAT_AS:
        walk_pattern_reads(B, p->value);
        return;
    default:
        break;
    }
    for (int i = 0; i < p->items.len; i++)
        walk_pattern_reads(B, p->items.items[i]);
    for (int i = 0; i < p->keywords.len; i++)
        walk_pattern_reads(B, p->keywords.items[i]);
}

/* The names a matched pattern binds (all alternatives of an OR bind the same). */
static void walk_pattern_binds(Builder *B, PyxNode *p)
{
    if (p->kind == PYX_NODE_PAT_OR) {
        walk_pattern_binds(B, p->items.items[0]);
        return;
    }
    if (p->kind == PYX_NODE_PAT_MAPPING)
        for (int i = 0; i < p->items.len; i++)
            walk_pattern_binds(B, p->items.items[i]->value);
    if (p->kind == PYX_NODE_PAT_KEYWORD || p->kind == PYX_NODE_PAT_AS)
        walk_pattern_binds(B, p->value);
    for (int i = 0; i < p->items.len && p->kind != PYX_NODE_PAT_MAPPING; i++)
        walk_pattern_binds(B, p->items.items[i]);
    for (int i = 0; i < p->keywords.len; i++)
        walk_pattern_binds(B, p->keywords.items[i]);
    if (p->target)
        walk_target(B, p->target);
}

/* A pattern that matches every subject: a capture, '_', or one of those
   with 'as' or among alternatives. */
static bool irrefutable(const PyxNode *p)
{
    if (p->kind == PYX_NODE_PAT_CAPTURE)
        return true;
    if (p->kind == PYX_NODE_PAT_AS)
        return irrefutable(p->value);
    if (p->kind == PYX_NODE_PAT_OR)
        for (int i = 0; i < p->items.len; i++)
            if (irrefutable(p->items.items[i]))
                return true;
    return false;
}

/* match s: case P if G: body ...  The subject once; each case tries its
   pattern (reads), binds its captures when it matched, runs the guard,
   then the body; no match, or a false guard, goes on to the next case
   (with the guard's captures still bound), and the last to the end. */
static void walk_match(Builder *B, PyxNode *s)
{
    walk_expr(B, s->value);
    int after = new_block(B);
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *c = s->items.items[i];
        walk_pattern_reads(B, c->target);
        int next = new_block(B);
        if (c->test || !irrefutable(c->target))
            edge(B, B->cur, next);
        go(B, new_block(B));
        walk_pattern_binds(B, c->target);
        if (c->test) {
            walk_expr(B, c->test);
            edge(B, B->cur, next);
            go(B, new_block(B));
        }
        walk_stmts(B, &c->body);
        go(B, after);
        B->cur = next;
    }
    go(B, after);   /* no case matched */
}

static void walk_stmt(Builder *B, PyxNode *s)
{
    switch (s->kind) {
    case PYX_NODE_ASSIGN:
        if (s->value)
            walk_expr(B, s->value);
        for (int i = 0; i < s->items.len; i++)
            walk_target(B, s->items.items[i]);
        break;
    case PYX_NODE_AUG_ASSIGN:
        if (s->target->kind == PYX_NODE_NAME) {
            walk_expr(B, s->target);
            walk_expr(B, s->value);
            walk_target(B, s->target);
        } else {
            walk_target(B, s->target);
            walk_expr(B, s->value);
        }
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < s->items.len; i++)
            walk_delete(B, s->items.items[i]);
        break;
    case PYX_NODE_RETURN:
        if (s->value)
            walk_expr(B, s->value);
        edge(B, B->cur, B->ret);
        B->cur = -1;
        break;
    case PYX_NODE_RAISE:
        if (s->value)
            walk_expr(B, s->value);
        if (s->cause)
            walk_expr(B, s->cause);
        reraise(B, B->exc);
        break;
    case PYX_NODE_BREAK: case PYX_NODE_CONTINUE:
        if (B->nloops) {
            Loop *l = &B->loops[B->nloops - 1];
            edge(B, B->cur, s->kind == PYX_NODE_BREAK ? l->brk : l->cont);
        }
        B->cur = -1;
        break;
    case PYX_NODE_IF: {
        walk_expr(B, s->test);
        int cond = B->cur, after = new_block(B);
        go(B, new_block(B));
        walk_stmts(B, &s->body);
        go(B, after);
        B->cur = cond;
        go(B, new_block(B));
        walk_stmts(B, &s->orelse);
        go(B, after);
        break;
    }
    case PYX_NODE_WHILE: {
        int head = new_block(B), after = new_block(B), orelse = new_block(B);
        go(B, head);
        walk_expr(B, s->test);
        int test = B->cur;
        if (!always_true(s->test))
            edge(B, test, orelse);
        go(B, new_block(B));
        walk_loop_body(B, &s->body, after, head);
        go(B, head);
        B->cur = orelse;
        walk_stmts(B, &s->orelse);
        go(B, after);
        break;
    }
    case PYX_NODE_FOR: {
        walk_expr(B, s->value);
        int head = new_block(B), after = new_block(B), orelse = new_block(B);
        go(B, head);
        edge(B, head, orelse);   /* exhausted */
        go(B, new_block(B));
        walk_target(B, s->target);
        walk_loop_body(B, &s->body, after, head);
        go(B, head);
        B->cur = orelse;
        walk_stmts(B, &s->orelse);
        go(B, after);
        break;
    }
    case PYX_NODE_TRY:
        if (s->finalbody.len)
            walk_try_finally(B, s);   /* desugar.c nested any handlers inside */
        else if (s->flags & PYX_F(STAR))
            walk_try_except_star(B, s);
        else
            walk_try_except(B, s);
        break;
    case PYX_NODE_WITH:
        walk_with(B, s);
        break;
    case PYX_NODE_MATCH:
        walk_match(B, s);
        break;
    case PYX_NODE_FUNCTION_DEF: case PYX_NODE_CLASS_DEF: {
        /* decorators, defaults and bases run here; the body later */
        for (int i = 0; i < s->decorators.len; i++)
            walk_expr(B, s->decorators.items[i]);
        for (int i = 0; i < s->params.len; i++)
            if (s->params.items[i]->value)
                walk_expr(B, s->params.items[i]->value);
        for (int i = 0; i < s->items.len; i++)
            walk_expr(B, s->items.items[i]);
        int v = var_of(B, s->name);
        if (v >= 0)
            op(B, PYX_FLOW_DEF, v, s);
        break;
    }
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        for (int i = 0; i < s->items.len; i++)
            if (s->items.items[i]->target)
                walk_target(B, s->items.items[i]->target);
        break;
    case PYX_NODE_CDEF_VARS:
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *v = s->items.items[i];
            if (v->value) {
                walk_expr(B, v->value);
                int k = var_of(B, v->name);
                if (k >= 0)
                    op(B, PYX_FLOW_DEF, k, v);
            }
        }
        break;
    case PYX_NODE_CDEF_BLOCK:
        walk_stmts(B, &s->body);
        break;
    case PYX_NODE_GLOBAL: case PYX_NODE_NONLOCAL: case PYX_NODE_PASS: case PYX_NODE_CIMPORT:
    case PYX_NODE_CIMPORT_FROM: case PYX_NODE_EXTERN_BLOCK: case PYX_NODE_CTYPEDEF: case PYX_NODE_DEF_CONST:
    case PYX_NODE_STRUCT_DEF: case PYX_NODE_ENUM_DEF: case PYX_NODE_FUSED_DEF: case PYX_NODE_INCLUDE:
        break;
    default:   /* expression statements, assert, and what sema rejects */
        pyx_ast_children(s, walk_expr_child, B);
    }
}

static void walk_stmts(Builder *B, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++)
        walk_stmt(B, body->items[i]);
}

void pyx_flow_build(PyxFlow *f, PyxNodeList *body)
{
    Builder B = {0};
    B.f = f;
    B.exc = -1;
    f->exit = new_block(&B);
    f->entry = new_block(&B);
    B.ret = f->exit;
    B.cur = f->entry;
    walk_stmts(&B, body);
    f->end = B.cur;
    edge(&B, B.cur, f->exit);
}

/* ---- analyses --------------------------------------------------------------------------- */

/* Blocks reachable from the entry (normal and exception edges). */
static bool *reachable(PyxFlow *f)
{
    bool *seen = pyx_arena_alloc(f->a, (size_t)f->nblocks);
    int *stack = pyx_arena_alloc(f->a, sizeof(int) * (size_t)f->nblocks * 2 + sizeof(int));
    int n = 0;
    stack[n++] = f->entry;
    seen[f->entry] = true;
    while (n) {
        PyxFlowBlock *b = &f->blocks[stack[--n]];
        for (int i = -1; i < b->nsucc; i++) {
            int s = i < 0 ? b->exc : b->succ[i];
            if (s >= 0 && !seen[s]) {
                seen[s] = true;
                stack[n++] = s;
            }
        }
    }
    return seen;
}

void pyx_flow_definite_assignment(PyxFlow *f)
{
    int W = f->words;
    bool *live = reachable(f);
    f->falls_off_end = f->end >= 0 && live[f->end];
    uint64_t **in = pyx_arena_alloc(f->a, sizeof(uint64_t *) * (size_t)f->nblocks);
    for (int b = 0; b < f->nblocks; b++)
        in[b] = new_set(f, b != f->entry);   /* must-analysis: start from 'all bound' */
    for (int v = 0; v < f->nvars; v++)
        if (f->vars[v].bound_on_entry)
            set_bit(in[f->entry], v);
    uint64_t *cur = new_set(f, false);
    bool changed = true;
    while (changed) {
        changed = false;
        for (int b = 0; b < f->nblocks; b++) {
            if (!live[b])
                continue;
            PyxFlowBlock *blk = &f->blocks[b];
            /* an exception leaves before any op: the handler meets our entry state */
            if (blk->exc >= 0)
                for (int w = 0; w < W; w++) {
                    uint64_t m = in[blk->exc][w] & in[b][w];
                    if (m != in[blk->exc][w]) {
                        in[blk->exc][w] = m;
                        changed = true;
                    }
                }
            memcpy(cur, in[b], sizeof(uint64_t) * (size_t)W);
            for (int i = 0; i < blk->nops; i++) {
                PyxFlowOp *o = &blk->ops[i];
                if (o->kind == PYX_FLOW_DEF)
                    set_bit(cur, o->var);
                else if (o->kind == PYX_FLOW_DEL)
                    clear_bit(cur, o->var);
            }
            for (int s = 0; s < blk->nsucc; s++)
                for (int w = 0; w < W; w++) {
                    uint64_t m = in[blk->succ[s]][w] & cur[w];
                    if (m != in[blk->succ[s]][w]) {
                        in[blk->succ[s]][w] = m;
                        changed = true;
                    }
                }
        }
    }
    /* every use is BOUND unless one of its (reachable) copies is not */
    for (int b = 0; b < f->nblocks; b++)
        for (int i = 0; i < f->blocks[b].nops; i++)
            if (f->blocks[b].ops[i].kind == PYX_FLOW_USE)
                f->blocks[b].ops[i].node->sflags |= PYX_SF(BOUND);
    for (int b = 0; b < f->nblocks; b++) {
        if (!live[b])
            continue;
        PyxFlowBlock *blk = &f->blocks[b];
        memcpy(cur, in[b], sizeof(uint64_t) * (size_t)W);
        for (int i = 0; i < blk->nops; i++) {
            PyxFlowOp *o = &blk->ops[i];
            if (o->kind == PYX_FLOW_DEF) {
                set_bit(cur, o->var);
            } else if (o->kind == PYX_FLOW_DEL) {
                clear_bit(cur, o->var);
            } else if (o->kind == PYX_FLOW_USE && !pyx_flow_bit(cur, o->var)) {
                o->node->sflags &= ~PYX_SF(BOUND);
                f->vars[o->var].maybe_unbound = true;
            }
        }
    }
}

/* One backward pass: live-in sets from the successors' (an exception can
   leave at any op, so what the handler needs is live throughout a block).
   Records the live set at each yield when asked. */
static bool liveness_pass(PyxFlow *f, uint64_t **in, uint64_t *cur, bool record)
{
    int W = f->words;
    bool changed = false;
    for (int b = f->nblocks - 1; b >= 0; b--) {
        PyxFlowBlock *blk = &f->blocks[b];
        memset(cur, 0, sizeof(uint64_t) * (size_t)W);
        for (int s = 0; s < blk->nsucc; s++)
            for (int w = 0; w < W; w++)
                cur[w] |= in[blk->succ[s]][w];
        const uint64_t *on_exc = blk->exc >= 0 ? in[blk->exc] : NULL;
        for (int i = blk->nops - 1; i >= -1; i--) {
            if (on_exc)
                for (int w = 0; w < W; w++)
                    cur[w] |= on_exc[w];
            if (i < 0)
                break;
            PyxFlowOp *o = &blk->ops[i];
            if (o->kind == PYX_FLOW_USE) {
                set_bit(cur, o->var);
            } else if (o->kind == PYX_FLOW_DEF || o->kind == PYX_FLOW_DEL) {
                clear_bit(cur, o->var);
            } else if (record) {
                uint64_t *live = new_set(f, false);
                memcpy(live, cur, sizeof(uint64_t) * (size_t)W);
                PyxFlowYield y = {o->node, live};
                PYX_VEC_PUSH(f->a, f->yields, f->nyields, f->cap_yields, y);
            }
        }
        for (int w = 0; w < W; w++)
            if ((cur[w] | in[b][w]) != in[b][w]) {
                in[b][w] |= cur[w];
                changed = true;
            }
    }
    return changed;
}

void pyx_flow_liveness(PyxFlow *f)
{
    uint64_t **in = pyx_arena_alloc(f->a, sizeof(uint64_t *) * (size_t)f->nblocks);
    for (int b = 0; b < f->nblocks; b++)
        in[b] = new_set(f, false);
    uint64_t *cur = new_set(f, false);
    while (liveness_pass(f, in, cur, false))
        ;
    f->nyields = 0;
    liveness_pass(f, in, cur, true);
}
