/* analysis.c - can this code raise?  Decided on the typed tree, after sema.
 *
 * A C function whose body cannot raise needs no error check at its call
 * sites, which also lets gcc optimise recursion as it would plain C.  The
 * question is asked of every node, bottom-up: a node raises when the C
 * emit writes for it contains an error check (a Python operation, a
 * conversion between C and Python, a division that checks for zero, a call
 * of a function that can raise...) or when one of its children does.  Calls
 * between C functions make it a fixpoint over the module: every candidate
 * starts as "cannot raise" and is demoted until nothing changes.
 *
 * The answer must never be "cannot" where emit writes a check: emit aborts
 * with an internal error if a function marked nothrow uses its error label
 * (emit_func.c), so a gap here shows up as a compiler bug, not a miscompile.
 * PYX_SF(RAISES) records the answer on statements and expressions.
 */
#include "analysis.h"

#include "flow.h"

/* The function whose body is being looked at, and the calls found in it
   of C functions that might not raise (the edges of the fixpoint). */
typedef struct Raises {
    PyxArena *a;
    PyxFunc *cur;
    PyxFunc ***callers;     /* per function index: the functions that call it */
    int *ncallers, *cap_callers;
    PyxMap index;           /* function name -> index + 1 */
} Raises;

static bool node_raises(Raises *R, PyxNode *e);

static bool any_child_raises(Raises *R, PyxNode *e);

typedef struct Children {
    Raises *R;
    bool raises;
} Children;

static void child_raises(PyxNode *child, PyxSlot slot, void *ctx)
{
    Children *c = ctx;
    if (slot == PYX_SLOT_ANNOTATION && child->type == NULL)
        return;   /* an annotation that is never evaluated (a string, a C declaration's) */
    c->raises |= node_raises(c->R, child);   /* every child: each gets its flag */
}

static bool any_child_raises(Raises *R, PyxNode *e)
{
    Children c = {R, false};
    pyx_ast_children(e, child_raises, &c);
    return c.raises;
}

/* f calls g: if g turns out to raise, so does f. */
static void call_edge(Raises *R, PyxFunc *g)
{
    intptr_t k = (intptr_t)pyx_map_get(&R->index, g->cname);
    if (!R->cur || !k)
        return;
    int i = (int)k - 1;
    PYX_VEC_PUSH(R->a, R->callers[i], R->ncallers[i], R->cap_callers[i], R->cur);
}

static bool is_c(const PyxType *t)
{
    return t && pyx_type_is_c(t);
}

static bool is_object(const PyxType *t)
{
    return t && t->kind == PYX_TY_OBJECT;
}

/* Does converting e's value to its context's type check for an error? */
static bool conversion_raises(const PyxNode *e)
{
    if (!e->conv || !e->type)
        return false;
    if (is_object(e->conv) && is_c(e->type))   /* boxing can fail, unless a constant made at import */
        return !((e->sflags & PYX_SF(CONST)) || e->kind == PYX_NODE_FLOAT);
    return is_c(e->conv) && is_object(e->type);   /* unboxing checks type and range */
}

static bool binop_raises(int op, PyxType *t, bool cdiv)
{
    switch (op) {
    case PYX_OP_DIV:
        return !cdiv;
    case PYX_OP_FLOORDIV: case PYX_OP_MOD:
        return !(cdiv && t->kind == PYX_TY_INT);
    default:
        return false;
    }
}

/* The node's own code, children aside. */
static bool own_code_raises(Raises *R, PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_NAME: {
        PyxSymbol *s = e->sym;
        if (!s)
            return false;   /* a type name in sizeof() */
        if (s->kind == PYX_SYM_LOCAL)
            return is_object(s->type) && !s->is_param && !(e->sflags & PYX_SF(BOUND));
        if (s->kind == PYX_SYM_CELL)
            return true;   /* a cell may be empty (and a C number's may hold anything) */
        if (s->kind == PYX_SYM_CGLOBAL)
            return false;
        if (s->kind == PYX_SYM_EXTERN)
            return s->value ? node_raises(R, s->value) : false;
        return true;   /* module globals and builtins are looked up */
    }
    case PYX_NODE_INT: case PYX_NODE_FLOAT: case PYX_NODE_IMAG: case PYX_NODE_STR: case PYX_NODE_TRUE:
    case PYX_NODE_FALSE: case PYX_NODE_NONE: case PYX_NODE_ELLIPSIS: case PYX_NODE_ADDRESS_OF:
    case PYX_NODE_SIZEOF: case PYX_NODE_COMPARATOR: case PYX_NODE_KEYWORD:
        return false;
    case PYX_NODE_SLICE:   /* a slice object (its subscript raises anyway) */
        return true;
    case PYX_NODE_BINOP:
        if (is_object(e->type))
            return true;
        return e->type->kind != PYX_TY_PTR && binop_raises(e->op, e->type, e->sflags & PYX_SF(CDIVISION));
    case PYX_NODE_UNARYOP:
        return is_object(e->type);
    case PYX_NODE_COMPARE:
        for (int i = 0; i < e->items.len; i++)
            if (is_object(e->items.items[i]->conv))
                return true;
        return false;
    case PYX_NODE_BOOLOP: case PYX_NODE_IF_EXP:
        return is_object(e->type) || (e->kind == PYX_NODE_IF_EXP && is_object(e->test->type));
    case PYX_NODE_NOT:
        return is_object(e->value->type);
    case PYX_NODE_CALL:
        switch (e->call_kind) {
        case PYX_CALL_C_FUNC: {
            PyxFunc *f = e->value->sym->func;
            call_edge(R, f);
            return !f->nothrow && f->exc != PYX_EXC_NONE;
        }
        case PYX_CALL_C_EXTERN: case PYX_CALL_GLOBALS:
            return false;
        case PYX_CALL_BUILTIN:
            return e->builtin == PYX_BUILTIN_LEN;
        default:
            return true;
        }
    case PYX_NODE_SUBSCRIPT:
        return is_object(e->type);
    case PYX_NODE_CAST:
        return is_object(e->type) != is_object(e->value->type);
    default:   /* Python objects made or used: attributes, displays, f-strings, comprehensions */
        return true;
    }
}

/* A def or lambda: what runs where it stands (decorators, defaults,
   evaluated annotations) -- its body is its own function's -- and making
   the function object, which can fail. */
static bool def_raises(Raises *R, PyxNode *def)
{
    for (int i = 0; i < def->decorators.len; i++)
        node_raises(R, def->decorators.items[i]);
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (p->value)
            node_raises(R, p->value);
        if (p->annotation && p->annotation->type)
            node_raises(R, p->annotation);
    }
    if (def->annotation && def->annotation->type)
        node_raises(R, def->annotation);
    def->sflags |= PYX_SF(RAISES);
    return true;
}

static bool node_raises(Raises *R, PyxNode *e)
{
    bool r;
    if (e->kind == PYX_NODE_LAMBDA)
        return def_raises(R, e);
    if ((e->sflags & PYX_SF(CONST)) && is_c(e->type))
        r = false;   /* emit writes the constant */
    else if (e->kind == PYX_NODE_CALL && (e->call_kind == PYX_CALL_C_FUNC || e->call_kind == PYX_CALL_C_EXTERN)) {
        r = own_code_raises(R, e);
        for (int i = 0; i < e->args.len; i++)
            r |= e->args.items[i] && node_raises(R, e->args.items[i]);
    } else if (e->kind == PYX_NODE_NAME || e->kind == PYX_NODE_SIZEOF) {
        r = own_code_raises(R, e);
    } else {
        r = own_code_raises(R, e) | any_child_raises(R, e);
    }
    r = r || conversion_raises(e);
    if (r)
        e->sflags |= PYX_SF(RAISES);
    else
        e->sflags &= ~PYX_SF(RAISES);
    return r;
}

static bool stmts_raise(Raises *R, PyxNodeList *body);
static bool polls(Raises *R, PyxNode *loop);

static bool target_raises(Raises *R, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME:
        if (t->sym->kind == PYX_SYM_CELL)
            return !is_object(t->sym->type);   /* a C number is boxed into its cell */
        return !(t->sym->kind == PYX_SYM_LOCAL || t->sym->kind == PYX_SYM_CGLOBAL);   /* the module dict */
    case PYX_NODE_SUBSCRIPT:
        return is_object(t->value->type) | node_raises(R, t->value) | node_raises(R, t->right);
    default:   /* attributes, unpacking */
        return true;
    }
}

/* 'x.y: T', 'd[k]: T' without a value, and annotations evaluated at
   module level: their parts' flags, and whether anything runs. */
static bool annotation_raises(Raises *R, PyxNode *s)
{
    bool r = false;
    PyxNode *t = s->items.items[0];
    if (!s->value && (t->kind == PYX_NODE_ATTRIBUTE || t->kind == PYX_NODE_SUBSCRIPT)) {
        node_raises(R, t->value);
        if (t->kind == PYX_NODE_SUBSCRIPT)
            node_raises(R, t->right);
        r = true;
    }
    if (s->sflags & PYX_SF(ANN_EVAL)) {
        node_raises(R, s->annotation);
        r = true;
    }
    if (s->sflags & PYX_SF(ANN_STORE)) {
        if (!s->name)
            node_raises(R, s->annotation);
        r = true;
    }
    return r;
}

static bool stmt_raises(Raises *R, PyxNode *s)
{
    bool r = false;
    switch (s->kind) {
    case PYX_NODE_PASS: case PYX_NODE_BREAK: case PYX_NODE_CONTINUE: case PYX_NODE_GLOBAL: case PYX_NODE_NONLOCAL:
    case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM: case PYX_NODE_EXTERN_BLOCK: case PYX_NODE_CTYPEDEF:
    case PYX_NODE_DEF_CONST:
        break;
    case PYX_NODE_EXPR_STMT:
        r = s->value->kind != PYX_NODE_STR && node_raises(R, s->value);
        break;
    case PYX_NODE_RETURN:
        r = s->value && node_raises(R, s->value);
        break;
    case PYX_NODE_ASSIGN:
        r = s->value && node_raises(R, s->value);
        if (s->annotation)   /* what runs of it (check_annot.c): object code */
            r |= annotation_raises(R, s);
        for (int i = 0; i < s->items.len; i++)
            r |= s->value && target_raises(R, s->items.items[i]);   /* (no value: 'x: T' runs nothing) */
        if (s->value && is_c(s->value->type))
            for (int i = 0; i < s->items.len; i++)   /* a C value stored into an object */
                r |= is_object(s->items.items[i]->type) && !s->value->conv;
        break;
    case PYX_NODE_AUG_ASSIGN:
        r = is_object(s->type) | node_raises(R, s->value) | target_raises(R, s->target)
            | (s->type->kind != PYX_TY_PTR && binop_raises(s->op, s->type, s->sflags & PYX_SF(CDIVISION)));
        break;
    case PYX_NODE_IF:
        r = node_raises(R, s->test) | stmts_raise(R, &s->body) | stmts_raise(R, &s->orelse);
        break;
    case PYX_NODE_WHILE:
        r = node_raises(R, s->test) | polls(R, s) | stmts_raise(R, &s->orelse);
        break;
    case PYX_NODE_FOR:
        if (s->loop_kind == PYX_LOOP_RANGE) {
            PyxNodeList *args = &s->value->items;
            for (int i = 0; i < args->len; i++)
                r |= node_raises(R, args->items[i]);
            if (args->len == 3)   /* range(a, b, 0) raises ValueError */
                r |= !(args->items[2]->sflags & PYX_SF(CONST)) || args->items[2]->ival == 0;
        } else if (s->loop_kind == PYX_LOOP_CARRAY) {
            r = node_raises(R, s->value) | target_raises(R, s->target) | is_object(s->target->type);
        } else {
            r = true;
        }
        r |= polls(R, s) | stmts_raise(R, &s->orelse);
        break;
    case PYX_NODE_CDEF_VARS:
        for (int i = 0; i < s->items.len; i++)
            if (s->items.items[i]->value)
                r |= node_raises(R, s->items.items[i]->value);
        break;
    case PYX_NODE_CDEF_BLOCK:
        r = stmts_raise(R, &s->body);
        break;
    case PYX_NODE_WITH:
        if (s->sflags & PYX_SF(DIRECTIVES)) {
            r = stmts_raise(R, &s->body);
            break;
        }
        r = true;
        any_child_raises(R, s);
        break;
    case PYX_NODE_MATCH:   /* the patterns call into Python */
        r = true;
        node_raises(R, s->value);
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *c = s->items.items[i];
            any_child_raises(R, c->target);
            if (c->test)
                node_raises(R, c->test);
            stmts_raise(R, &c->body);
        }
        break;
    case PYX_NODE_FUNCTION_DEF:
        r = def_raises(R, s);
        break;
    case PYX_NODE_CLASS_DEF:   /* decorators, bases, keywords, the body inline; making the class */
        r = true;
        for (int i = 0; i < s->decorators.len; i++)
            node_raises(R, s->decorators.items[i]);
        for (int i = 0; i < s->items.len; i++)
            node_raises(R, s->items.items[i]);
        for (int i = 0; i < s->keywords.len; i++)
            node_raises(R, s->keywords.items[i]->value);
        stmts_raise(R, &s->body);
        break;
    default:   /* raise, assert, del, import, with, try... */
        r = true;
        any_child_raises(R, s);   /* still record RAISES on the expressions inside */
        break;
    }
    if (r)
        s->sflags |= PYX_SF(RAISES);
    else
        s->sflags &= ~PYX_SF(RAISES);
    return r;
}

/* Does the list hold a loop (at any depth)? */
static bool has_loop(PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind == PYX_NODE_FOR || s->kind == PYX_NODE_WHILE || has_loop(&s->body) || has_loop(&s->orelse)
            || has_loop(&s->finalbody))
            return true;
        for (int j = 0; j < s->handlers.len; j++)
            if (has_loop(&s->handlers.items[j]->body))
                return true;
        for (int j = 0; j < s->items.len && s->kind == PYX_NODE_MATCH; j++)
            if (has_loop(&s->items.items[j]->body))
                return true;
    }
    return false;
}

/* A loop checks for signals in each iteration when its body does Python
   work anyway (the check costs nothing there) or holds another loop: a
   pure C innermost loop stays free of it (gcc still vectorises it), but no
   loop nest runs for long without one.  The check can raise. */
static bool polls(Raises *R, PyxNode *loop)
{
    bool body = stmts_raise(R, &loop->body);
    bool p = body || has_loop(&loop->body);
    if (p)
        loop->sflags |= PYX_SF(POLLS);
    else
        loop->sflags &= ~PYX_SF(POLLS);
    return p;
}

static bool stmts_raise(Raises *R, PyxNodeList *body)
{
    bool r = false;
    for (int i = 0; i < body->len; i++)
        r |= stmt_raises(R, body->items[i]);
    return r;
}

/* A C function cannot raise when its spec lets it report errors at all,
   it returns a C value, and its body has no error check. */
static bool may_be_nothrow(const PyxFunc *f)
{
    return f->is_c && f->ret->kind != PYX_TY_OBJECT && f->exc != PYX_EXC_NONE;
}

void pyx_analyse_raises(PyxArena *a, PyxModuleInfo *m)
{
    int n = m->nfuncs;
    Raises R = {a, NULL, NULL, NULL, NULL, {0}};
    R.callers = pyx_arena_alloc(a, sizeof *R.callers * (size_t)(n + 1));
    R.ncallers = pyx_arena_alloc(a, sizeof *R.ncallers * (size_t)(n + 1));
    R.cap_callers = pyx_arena_alloc(a, sizeof *R.cap_callers * (size_t)(n + 1));
    pyx_map_init(&R.index, a);
    for (int i = 0; i < n; i++) {
        PyxFunc *f = m->funcs[i];
        f->nothrow = may_be_nothrow(f);
        for (int j = 0; j < f->nparams && f->nothrow; j++)
            if (is_object(f->params[j]->type))
                f->nothrow = false;   /* its caller's reference is taken and released */
        if (f->nothrow)
            pyx_map_put(&R.index, f->cname, (void *)(intptr_t)(i + 1));
    }
    /* every candidate that raises by itself (calls of candidates assumed not
       to), and who calls whom; then "raises" spreads to the callers, each
       function once: linear in the module */
    PyxFunc **work = pyx_arena_alloc(a, sizeof *work * (size_t)(n + 1));
    int nwork = 0;
    for (int i = 0; i < n; i++) {
        PyxFunc *f = m->funcs[i];
        R.cur = f;
        if (stmts_raise(&R, &f->def->body) && f->nothrow)
            work[nwork++] = f;
    }
    for (int i = 0; i < nwork; i++)
        work[i]->nothrow = false;
    while (nwork) {
        PyxFunc *g = work[--nwork];
        int k = (int)(intptr_t)pyx_map_get(&R.index, g->cname) - 1;
        for (int j = 0; j < R.ncallers[k]; j++) {
            PyxFunc *f = R.callers[k][j];
            if (f->nothrow) {
                f->nothrow = false;
                work[nwork++] = f;
            }
        }
    }
    /* the flags on the nodes, with the final answers (the module body's too) */
    R.cur = NULL;
    for (int i = 0; i < n; i++)
        stmts_raise(&R, &m->funcs[i]->def->body);
    stmts_raise(&R, &m->ast->body);
}

/* ---- cycles of calls ------------------------------------------------------------ */

/* The calls between this module's C functions: per function (by index),
   the CALL nodes in its body and the callees' indices. */
typedef struct Calls {
    PyxArena *a;
    PyxMap index;        /* C name -> index + 1 */
    int cur;
    PyxNode ***sites;
    int *nsites, *cap_sites;
} Calls;

static void find_calls(PyxNode *e, PyxSlot slot, void *ctx);

/* The parts of a def or lambda that run where it stands (its body is
   another function's). */
static void find_calls_outside_body(PyxNode *e, PyxSlot slot, void *ctx)
{
    if (slot != PYX_SLOT_BODY)
        find_calls(e, slot, ctx);
}

static void find_calls(PyxNode *e, PyxSlot slot, void *ctx)
{
    (void)slot;
    Calls *C = ctx;
    if (e->kind == PYX_NODE_CALL && e->call_kind == PYX_CALL_C_FUNC && e->value->sym->func
        && pyx_map_get(&C->index, e->value->sym->func->cname))
        PYX_VEC_PUSH(C->a, C->sites[C->cur], C->nsites[C->cur], C->cap_sites[C->cur], e);
    if (e->kind == PYX_NODE_FUNCTION_DEF || e->kind == PYX_NODE_LAMBDA)
        pyx_ast_children(e, find_calls_outside_body, C);
    else
        pyx_ast_children(e, find_calls, C);
}

static int callee_index(Calls *C, PyxNode *call)
{
    return (int)(intptr_t)pyx_map_get(&C->index, call->value->sym->func->cname) - 1;
}

/* Tarjan's strongly connected components, with an explicit stack (a chain
   of calls as long as the module must not overflow the C stack). */
void pyx_analyse_recursion(PyxArena *a, PyxModuleInfo *m)
{
    int n = m->nfuncs;
    Calls C = {a, {0}, 0, NULL, NULL, NULL};
    pyx_map_init(&C.index, a);
    C.sites = pyx_arena_alloc(a, sizeof *C.sites * (size_t)(n + 1));
    C.nsites = pyx_arena_alloc(a, sizeof *C.nsites * (size_t)(n + 1));
    C.cap_sites = pyx_arena_alloc(a, sizeof *C.cap_sites * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        C.nsites[i] = C.cap_sites[i] = 0;
        C.sites[i] = NULL;
        if (m->funcs[i]->is_c)
            pyx_map_put(&C.index, m->funcs[i]->cname, (void *)(intptr_t)(i + 1));
    }
    for (int i = 0; i < n; i++) {
        if (!m->funcs[i]->is_c)
            continue;
        C.cur = i;
        for (int j = 0; j < m->funcs[i]->def->body.len; j++)
            find_calls(m->funcs[i]->def->body.items[j], PYX_SLOT_BODY, &C);
    }
    int *order = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1));   /* visit number + 1, 0: unseen */
    int *low = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int *comp = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    bool *on_stack = pyx_arena_alloc(a, sizeof(bool) * (size_t)(n + 1));
    int *stack = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1)), nstack = 0;
    int *frames = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1)), *next = pyx_arena_alloc(a, sizeof(int) * (size_t)(n + 1));
    int visits = 0, ncomp = 0;
    for (int i = 0; i < n; i++) {
        order[i] = 0;
        on_stack[i] = false;
    }
    for (int root = 0; root < n; root++) {
        if (order[root] || !m->funcs[root]->is_c)
            continue;
        int nframes = 0;
        frames[nframes++] = root;
        next[root] = 0;
        order[root] = low[root] = ++visits;
        stack[nstack++] = root;
        on_stack[root] = true;
        while (nframes) {
            int v = frames[nframes - 1];
            if (next[v] < C.nsites[v]) {
                int w = callee_index(&C, C.sites[v][next[v]++]);
                if (!order[w]) {
                    order[w] = low[w] = ++visits;
                    next[w] = 0;
                    stack[nstack++] = w;
                    on_stack[w] = true;
                    frames[nframes++] = w;
                } else if (on_stack[w] && order[w] < low[v]) {
                    low[v] = order[w];
                }
                continue;
            }
            nframes--;
            if (nframes && low[v] < low[frames[nframes - 1]])
                low[frames[nframes - 1]] = low[v];
            if (low[v] == order[v]) {   /* v roots a component: pop it */
                int w;
                do {
                    w = stack[--nstack];
                    on_stack[w] = false;
                    comp[w] = ncomp;
                } while (w != v);
                ncomp++;
            }
        }
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < C.nsites[i]; j++)
            if (comp[callee_index(&C, C.sites[i][j])] == comp[i])
                C.sites[i][j]->sflags |= PYX_SF(RECURSIVE);
}
