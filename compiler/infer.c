/* infer.c - types of untyped locals (Cython's "safe" mode, infer_types=None):
 *   - an untyped local every assignment of which is a C floating-point value
 *     becomes a C double;
 *   - an untyped local assigned only as the target of 'for x in range(...)'
 *     with C integer bounds, and never used as an operand of arithmetic,
 *     becomes a C integer of the bounds' type;
 *   - an untyped local every assignment of which is the same C pointer type
 *     becomes that pointer type;
 *   - a local that some use may find unbound (flow.c) is never a C double
 *     or integer: only an object can raise UnboundLocalError there;
 *   - nor is a local assigned by ':=' inside an expression;
 *   - a name a match pattern captures is assigned an object;
 *   - nor a local a def or lambda inside uses: it lives in a cell, as an
 *     object (declared C numbers are boxed there);
 *   - everything else untyped stays a Python object, so integer arithmetic
 *     on it keeps Python's unbounded semantics (the tutorial's 'cdef int
 *     result' loop raises OverflowError instead of wrapping).
 */
#include "sema_int.h"

/* ---- inference ------------------------------------------------------------------- */

typedef struct Infer {
    PyxSymbol *sym;
    bool all_float;        /* every assignment is a C floating value */
    bool only_range;       /* every assignment is a C range loop */
    bool all_ptr;          /* every assignment is the same C pointer type */
    PyxType *ptr;
    PyxType *range_type;
    int count;
} Infer;

bool is_range_call(Sema *S, PyxNode *it)
{
    if (it->kind != PYX_NODE_CALL || it->value->kind != PYX_NODE_NAME || strcmp(it->value->name, "range") != 0
        || S->star_import)
        return false;
    PyxSymbol *sym = lookup(S, "range");
    return (sym == NULL || sym->kind == PYX_SYM_BUILTIN) && it->keywords.len == 0
           && it->items.len >= 1 && it->items.len <= 3;
}

static void infer_record(Sema *S, Infer *inf, int ninf, PyxNode *target, PyxType *value_type, PyxType *range_type)
{
    (void)S;
    if (target->kind != PYX_NODE_NAME)
        return;
    for (int i = 0; i < ninf; i++) {
        if (strcmp(inf[i].sym->name, target->name) != 0)
            continue;
        inf[i].count++;
        if (range_type == NULL)
            inf[i].only_range = false;
        else if (inf[i].range_type == NULL || range_type->rank > inf[i].range_type->rank)
            inf[i].range_type = range_type;
        if (value_type == NULL || value_type->kind != PYX_TY_FLOAT)
            inf[i].all_float = false;
        if (value_type == NULL || value_type->kind != PYX_TY_PTR
            || (inf[i].ptr && !pyx_type_equal(inf[i].ptr, value_type)))
            inf[i].all_ptr = false;
        else
            inf[i].ptr = value_type;
    }
}

/* The names a match pattern captures: each an assignment of an object. */
static void infer_captures(Sema *S, PyxNode *p, Infer *inf, int ninf)
{
    if (p->target)
        infer_record(S, inf, ninf, p->target, NULL, NULL);
    if (p->kind == PYX_NODE_PAT_AS || p->kind == PYX_NODE_PAT_KEYWORD)
        infer_captures(S, p->value, inf, ninf);
    for (int i = 0; i < p->items.len; i++) {
        PyxNode *it = p->items.items[i];
        infer_captures(S, it->kind == PYX_NODE_DICT_ITEM ? it->value : it, inf, ninf);
    }
    for (int i = 0; i < p->keywords.len; i++)
        infer_captures(S, p->keywords.items[i], inf, ninf);
}

static void infer_walk(Sema *S, PyxNodeList *body, Infer *inf, int ninf)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        switch (s->kind) {
        case PYX_NODE_ASSIGN: {
            PyxType *t = s->value ? check_expr(S, s->value) : NULL;
            for (int j = 0; j < s->items.len; j++) {
                PyxNode *tg = s->items.items[j];
                infer_record(S, inf, ninf, tg, t, NULL);
                if (tg->kind == PYX_NODE_TUPLE || tg->kind == PYX_NODE_LIST) {
                    bool parallel = is_parallel_assign(tg, s->value);
                    for (int k = 0; k < tg->items.len; k++) {
                        PyxNode *el = tg->items.items[k];
                        infer_record(S, inf, ninf, el->kind == PYX_NODE_STARRED ? el->value : el,
                                     parallel ? s->value->items.items[k]->type : NULL, NULL);
                    }
                }
            }
            break;
        }
        case PYX_NODE_AUG_ASSIGN:
            if (s->target->kind == PYX_NODE_NAME) {
                for (int k = 0; k < ninf; k++)
                    if (strcmp(inf[k].sym->name, s->target->name) == 0)
                        inf[k].sym->arith = true;
                PyxType *t = check_expr(S, s->value);
                infer_record(S, inf, ninf, s->target, t->kind == PYX_TY_FLOAT ? t : NULL, NULL);
            }
            break;
        case PYX_NODE_FOR: {
            PyxType *rt = NULL, *elem = NULL;
            PyxType *it = check_iterable(S, s->value);
            if (it->kind == PYX_TY_ARRAY || (it->kind == PYX_TY_PTR && s->value->kind == PYX_NODE_SUBSCRIPT))
                elem = it->base;   /* the elements of a C array or slice */
            if (is_range_call(S, s->value)) {
                rt = &pyx_type_long;
                for (int k = 0; k < s->value->items.len; k++) {
                    PyxType *at = check_expr(S, s->value->items.items[k]);
                    if (at->kind != PYX_TY_INT) {
                        rt = NULL;
                        break;
                    }
                    rt = pyx_type_promote(rt, at);
                }
            }
            infer_record(S, inf, ninf, s->target, elem, rt);
            if (s->target->kind != PYX_NODE_NAME)
                for (int k = 0; k < s->target->items.len; k++)
                    infer_record(S, inf, ninf, s->target->items.items[k], NULL, NULL);
            break;
        }
        case PYX_NODE_WITH:   /* whatever __enter__ returns: an object */
            for (int j = 0; j < s->items.len; j++) {
                PyxNode *tg = s->items.items[j]->target;
                if (tg == NULL)
                    continue;
                infer_record(S, inf, ninf, tg, NULL, NULL);
                if (tg->kind == PYX_NODE_TUPLE || tg->kind == PYX_NODE_LIST)
                    for (int k = 0; k < tg->items.len; k++)
                        infer_record(S, inf, ninf, tg->items.items[k], NULL, NULL);
            }
            break;
        case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
            for (int j = 0; j < s->items.len; j++)
                if (s->items.items[j]->target)   /* the name bound (desugar.c) */
                    infer_record(S, inf, ninf, s->items.items[j]->target, NULL, NULL);
            break;
        case PYX_NODE_MATCH:   /* captures are objects; the cases' bodies are statements */
            for (int j = 0; j < s->items.len; j++) {
                infer_captures(S, s->items.items[j]->target, inf, ninf);
                infer_walk(S, &s->items.items[j]->body, inf, ninf);
            }
            break;
        case PYX_NODE_FUNCTION_DEF: case PYX_NODE_CLASS_DEF:
            continue;   /* a scope of its own: what it assigns is not ours */
        default:
            break;
        }
        infer_walk(S, &s->body, inf, ninf);
        infer_walk(S, &s->orelse, inf, ninf);
        infer_walk(S, &s->finalbody, inf, ninf);
        for (int j = 0; j < s->handlers.len; j++) {
            PyxNode *h = s->handlers.items[j];
            if (h->kind == PYX_NODE_EXCEPT && h->target)
                infer_record(S, inf, ninf, h->target, NULL, NULL);   /* an exception: an object */
            infer_walk(S, &h->body, inf, ninf);
        }
    }
}

/* Marks locals used as operands of arithmetic (they must not become C ints). */
void mark_arith(Sema *S, PyxNode *e, bool operand)
{
    if (e == NULL)
        return;
    if (e->kind == PYX_NODE_NAMED_EXPR) {   /* assigned inside an expression: the walk sees statements only */
        PyxSymbol *sym = scope_find(S->scope, e->target->name);
        if (sym)
            sym->walrus = true;
    }
    if (e->kind == PYX_NODE_FUNCTION_DEF || e->kind == PYX_NODE_LAMBDA || e->kind == PYX_NODE_CLASS_DEF) {
        /* only what runs where it stands is ours: decorators, defaults, bases */
        PyxNodeList *lists[] = {&e->decorators, &e->params, &e->items, &e->keywords};
        for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
            for (int i = 0; i < lists[l]->len; i++) {
                PyxNode *n = lists[l]->items[i];
                mark_arith(S, n->kind == PYX_NODE_PARAM ? n->value : n, false);
            }
        return;
    }
    if (e->kind == PYX_NODE_NAME) {
        if (operand) {
            PyxSymbol *sym = scope_find(S->scope, e->name);
            if (sym)
                sym->arith = true;
        }
        return;
    }
    bool arith = e->kind == PYX_NODE_BINOP || e->kind == PYX_NODE_UNARYOP || e->kind == PYX_NODE_AUG_ASSIGN;
    mark_arith(S, e->left, arith);
    mark_arith(S, e->right, arith);
    mark_arith(S, e->value, arith);
    mark_arith(S, e->test, false);
    mark_arith(S, e->target, e->kind == PYX_NODE_AUG_ASSIGN);
    mark_arith(S, e->lower, false);
    mark_arith(S, e->upper, false);
    mark_arith(S, e->step, false);
    PyxNodeList *lists[] = {&e->items, &e->keywords, &e->body, &e->orelse, &e->finalbody, &e->handlers};
    for (size_t l = 0; l < sizeof lists / sizeof lists[0]; l++)
        for (int i = 0; i < lists[l]->len; i++)
            mark_arith(S, lists[l]->items[i], false);
}

/* Decides the types of untyped locals (rules at the top of this file).
   Optimistic: every candidate starts as a C double and is demoted when one
   of its assignments is not a C floating value (so 'x = 1.5; x = x * 2'
   stays double), until nothing changes.  Expressions are typed several
   times here, so diagnostics are counted but not shown. */
void infer_locals(Sema *S, PyxFunc *f)
{
    Infer *inf = pyx_arena_alloc(S->a, sizeof(Infer) * (size_t)(f->nlocals + 1));
    int ninf = 0;
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->type != NULL)
            continue;
        s->type = &pyx_type_double;
        inf[ninf++].sym = s;
    }
    if (ninf == 0)
        return;
    S->infer_pass = 1;
    int errors = S->d->errors, warnings = S->d->warnings, quiet = S->d->quiet;
    S->d->quiet = 1;
    for (int i = 0; i < f->def->body.len; i++)
        mark_arith(S, f->def->body.items[i], false);
    for (int round = 0; round < 16; round++) {
        for (int i = 0; i < ninf; i++) {
            inf[i].all_float = inf[i].only_range = inf[i].all_ptr = true;
            inf[i].ptr = inf[i].range_type = NULL;
            inf[i].count = 0;
        }
        infer_walk(S, &f->def->body, inf, ninf);
        bool changed = false;
        for (int i = 0; i < ninf; i++) {
            Infer *x = &inf[i];
            if (x->sym->type != &pyx_type_double)
                continue;
            if (x->count == 0 || !x->all_float || x->sym->maybe_unbound || x->sym->walrus) {
                /* (a pointer cannot be an object: it stays C, unbound or not) */
                x->sym->type = x->count && x->all_ptr && x->ptr ? x->ptr : &pyx_type_object;
                changed = true;
            }
        }
        if (!changed)
            break;
    }
    S->d->quiet = quiet;
    S->d->errors = errors;
    S->d->warnings = warnings;
    S->infer_pass = 0;
    for (int i = 0; i < ninf; i++) {
        Infer *x = &inf[i];
        if (x->sym->type == &pyx_type_object && x->count && x->only_range && x->range_type && !x->sym->arith
            && !x->sym->maybe_unbound)
            x->sym->type = x->range_type;
    }
}
