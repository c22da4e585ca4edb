/* symtable.c - the scopes of a module, decided as CPython 3.11 decides them.
 *
 * Takes the lowered AST (ast.h), gives back the tree of PyxScopes
 * (symtable.h).  Two passes, as in CPython's Python/symtable.c:
 *
 *   1. visit: walk the tree once, open a scope for every def, lambda, class
 *      and comprehension, and record the raw facts of each name in the scope
 *      where it appears (assigned, parameter, used, global, nonlocal...).
 *      The walk uses pyx_ast_children for everything it does not handle
 *      itself, so a child of any kind is visited; it dispatches only on the
 *      kinds that bind names or open scopes, in the order CPython visits
 *      them (which fixes the order of the children lists and of errors).
 *   2. analyse: from the module down, decide each name's binding from its
 *      facts and the names the enclosing functions bind; free names flow
 *      back up and turn the locals they capture into cells.
 *
 * The one idea to keep in mind: the sets passed down (bound, global) and up
 * (free) are what CPython passes, with the same quirks, because the result
 * is compared with CPython's own symtable module on real code
 * (tests/symtable/cpython_symtable.py).
 */
#include "symtable.h"

#include <stdlib.h>
#include <string.h>

/* ---- private state ------------------------------------------------------------------ */

typedef struct Scope {
    PyxScope pub;
    int comp_iter_expr;        /* > 0 while visiting a comprehension's iterable */
    bool comp_iter_target;     /* visiting a comprehension's loop target */
    bool hidden;               /* an annotation under 'from __future__ import annotations' */
} Scope;

typedef struct Entry {
    PyxScopeEntry pub;
    PyxLoc directive;          /* the first global/nonlocal naming it (analysis errors) */
    bool has_directive;
} Entry;

typedef struct St {
    PyxArena *a;
    PyxDiag *d;
    Scope *top, *cur;
    const char *private_name;  /* the enclosing class, for name mangling */
    bool future_annotations;
} St;

#define SLOT(s) (1u << PYX_SLOT_##s)

static void visit(St *st, PyxNode *n);

static Scope *scope_of(PyxScope *s)
{
    return (Scope *)s;
}

static bool function_like(const PyxScope *s)
{
    return s->kind == PYX_SCOPE_FUNCTION || s->kind == PYX_SCOPE_LAMBDA ||
           s->kind == PYX_SCOPE_COMPREHENSION || s->kind == PYX_SCOPE_ANNOTATION;
}

const char *pyx_symtable_mangle(PyxArena *a, const char *class_name, const char *name)
{
    if (class_name == NULL || name[0] != '_' || name[1] != '_')
        return name;
    size_t len = strlen(name);
    if ((name[len - 1] == '_' && name[len - 2] == '_') || strchr(name, '.'))
        return name;
    while (*class_name == '_')
        class_name++;
    if (*class_name == '\0')
        return name;
    return pyx_arena_printf(a, "_%s%s", class_name, name);
}

/* ---- scopes and entries -------------------------------------------------------------- */

static Scope *new_scope(St *st, PyxScopeKind kind, const char *name, PyxNode *node)
{
    Scope *s = pyx_arena_new(st->a, Scope);
    s->pub.kind = kind;
    s->pub.name = name;
    s->pub.node = node;
    s->pub.line = node ? node->loc.line : 0;
    s->pub.parent = st->cur ? &st->cur->pub : NULL;
    pyx_map_init(&s->pub.entries, st->a);
    if (st->cur)
        s->comp_iter_expr = st->cur->comp_iter_expr;
    return s;
}

/* Opens a scope nested in the current one, in source order among its siblings. */
static Scope *enter(St *st, PyxScopeKind kind, const char *name, PyxNode *node)
{
    Scope *s = new_scope(st, kind, name, node);
    if (st->cur)
        PYX_VEC_PUSH(st->a, st->cur->pub.children, st->cur->pub.nchildren, st->cur->pub.cap_children,
                     &s->pub);
    if (node && kind != PYX_SCOPE_ANNOTATION)
        node->scope = &s->pub;
    st->cur = s;
    return s;
}

static void leave(St *st)
{
    st->cur = scope_of(st->cur->pub.parent);
}

static Entry *lookup(const Scope *s, const char *name)
{
    return (Entry *)pyx_map_get(&s->pub.entries, name);
}

static Entry *entry_in(St *st, Scope *s, const char *name, PyxLoc loc)
{
    Entry *e = lookup(s, name);
    if (e == NULL) {
        e = pyx_arena_new(st->a, Entry);
        e->pub.name = name;
        e->pub.loc = loc;
        pyx_map_put(&s->pub.entries, name, e);
    }
    return e;
}

/* Records one fact about name in scope s (CPython's symtable_add_def_helper). */
static Entry *add_def_in(St *st, Scope *s, const char *name, unsigned flag, PyxLoc loc)
{
    const char *mangled = pyx_symtable_mangle(st->a, st->private_name, name);
    Entry *e = entry_in(st, s, mangled, loc);
    if ((flag & PYX_SYMF_PARAM) && (e->pub.flags & PYX_SYMF_PARAM))
        pyx_diag_error(st->d, loc, "duplicate argument '%s' in function definition", name);
    e->pub.flags |= flag;
    if (s->comp_iter_target) {
        if (e->pub.flags & (PYX_SYMF_GLOBAL | PYX_SYMF_NONLOCAL))
            pyx_diag_error(st->d, loc, "comprehension inner loop cannot rebind assignment expression target '%s'",
                           name);
        e->pub.flags |= PYX_SYMF_COMP_ITER;
    }
    /* a 'global' anywhere is recorded in the module's names too */
    if ((flag & PYX_SYMF_GLOBAL) && s != st->top)
        entry_in(st, st->top, mangled, loc)->pub.flags |= PYX_SYMF_GLOBAL;
    return e;
}

static Entry *add_def(St *st, const char *name, unsigned flag, PyxLoc loc)
{
    return add_def_in(st, st->cur, name, flag, loc);
}

static void record_directive(St *st, Scope *s, const char *name, PyxLoc loc)
{
    Entry *e = lookup(s, pyx_symtable_mangle(st->a, st->private_name, name));
    if (e && !e->has_directive) {
        e->directive = loc;
        e->has_directive = true;
    }
}

/* The location of the byte at offset 'at' inside loc's node. */
static PyxLoc loc_at(PyxLoc loc, uint32_t at)
{
    if (loc.src == NULL || at < loc.start || at >= loc.src->len)
        return loc;
    for (uint32_t i = loc.start; i < at; i++) {
        if (loc.src->text[i] == '\n') {
            loc.line++;
            loc.col = 1;
        } else {
            loc.col++;
        }
    }
    loc.start = at;
    loc.end = at + 1;
    return loc;
}

/* ---- visiting ---------------------------------------------------------------------- */

static void visit_list(St *st, PyxNodeList *l)
{
    for (int i = 0; i < l->len; i++)
        if (l->items[i])
            visit(st, l->items[i]);
}

typedef struct Rest {
    St *st;
    uint32_t handled;
} Rest;

static void rest_child(PyxNode *child, PyxSlot slot, void *ctx)
{
    Rest *r = ctx;
    if (!(r->handled & (1u << slot)))
        visit(r->st, child);
}

/* Visits the children of n in every slot outside 'handled' (SLOT bits), in
   evaluation order: what a construct does not handle itself is still seen. */
static void visit_rest(St *st, PyxNode *n, uint32_t handled)
{
    Rest r = {st, handled};
    pyx_ast_children(n, rest_child, &r);
}

/* An assignment target (store or del context): names bind, the rest is read. */
static void visit_target(St *st, PyxNode *n, unsigned flag)
{
    if (n == NULL)
        return;
    switch (n->kind) {
    case PYX_NODE_NAME:
        add_def(st, n->name, flag, n->loc);
        break;
    case PYX_NODE_TUPLE:
    case PYX_NODE_LIST:
        for (int i = 0; i < n->items.len; i++)
            visit_target(st, n->items.items[i], flag);
        break;
    case PYX_NODE_STARRED:
        visit_target(st, n->value, flag);
        break;
    default:
        visit(st, n);
    }
}

static void visit_name(St *st, PyxNode *n)
{
    add_def(st, n->name, PYX_SYMF_USED, n->loc);
    /* super() needs the class cell, like a use of __class__ */
    if (function_like(&st->cur->pub) && !st->cur->hidden && strcmp(n->name, "super") == 0)
        add_def(st, "__class__", PYX_SYMF_USED, n->loc);
}

/* Annotations: evaluated where the definition is (CPython 3.11), or not at
   all under 'from __future__ import annotations': then they go to a hidden
   scope that only reports what an annotation may not contain. */
static void visit_annotation(St *st, PyxNode *ann)
{
    if (ann == NULL)
        return;
    if (!st->future_annotations) {
        visit(st, ann);
        return;
    }
    Scope *h = new_scope(st, PYX_SCOPE_ANNOTATION, "_annotation", NULL);
    h->hidden = true;
    Scope *saved = st->cur;
    st->cur = h;
    visit(st, ann);
    st->cur = saved;
}

static bool positional(const PyxNode *p)
{
    return p->op == PYX_PARAM_NORMAL || p->op == PYX_PARAM_POSONLY;
}

/* Defaults are evaluated where the def is: positional ones, then keyword-only. */
static void visit_defaults(St *st, PyxNodeList *params)
{
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < params->len; i++) {
            PyxNode *p = params->items[i];
            if (p->value && (pass == 0 ? positional(p) : p->op == PYX_PARAM_KWONLY))
                visit(st, p->value);
        }
}

/* CPython's order: positional, *args, **kwargs, keyword-only. */
static void visit_param_annotations(St *st, PyxNodeList *params)
{
    static const int order[] = {-1, PYX_PARAM_VARARGS, PYX_PARAM_VARKW, PYX_PARAM_KWONLY};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < params->len; i++) {
            PyxNode *p = params->items[i];
            if (k == 0 ? positional(p) : p->op == order[k])
                visit(st, p->annotation);
        }
}

static void visit_all_annotations(St *st, PyxNodeList *params, PyxNode *returns)
{
    if (!st->future_annotations) {
        visit_param_annotations(st, params);
        visit_annotation(st, returns);
        return;
    }
    Scope *h = new_scope(st, PYX_SCOPE_ANNOTATION, "_annotation", NULL);
    h->hidden = true;
    Scope *saved = st->cur;
    st->cur = h;
    visit_param_annotations(st, params);
    st->cur = saved;
    visit_annotation(st, returns);
}

static bool ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (unsigned char)c >= 0x80;
}

/* The location of a parameter's name, which follows its '*', '**' or C type:
   its last occurrence as a word before the annotation or default. */
static PyxLoc param_name_loc(const PyxNode *p)
{
    const PyxSource *src = p->loc.src;
    if (src == NULL || p->name == NULL)
        return p->loc;
    uint32_t end = p->loc.end, len = (uint32_t)strlen(p->name);
    if (p->annotation && p->annotation->loc.start < end)
        end = p->annotation->loc.start;
    if (p->value && p->value->loc.start < end)
        end = p->value->loc.start;
    for (uint32_t i = end >= len ? end - len + 1 : 0; i-- > p->loc.start;) {
        if (memcmp(src->text + i, p->name, len) == 0 && (i == 0 || !ident_char(src->text[i - 1])) &&
            (i + len >= src->len || !ident_char(src->text[i + len]))) {
            PyxLoc loc = loc_at(p->loc, i);
            loc.end = i + len;
            return loc;
        }
    }
    return p->loc;
}

/* Parameters bind in the new scope: positional, keyword-only, *args, **kwargs. */
static void bind_params(St *st, PyxNodeList *params)
{
    static const int order[] = {-1, PYX_PARAM_KWONLY, PYX_PARAM_VARARGS, PYX_PARAM_VARKW};
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < params->len; i++) {
            PyxNode *p = params->items[i];
            if (p->name && (k == 0 ? positional(p) : p->op == order[k]))
                add_def(st, p->name, PYX_SYMF_PARAM | (p->ctype ? PYX_SYMF_C : 0), param_name_loc(p));
        }
}

/* PEP 695: 'def f[T]', 'class C[T]' open a scope of their own for the type
   parameters, which the definition's own scope nests in. */
static void enter_type_params(St *st, PyxNode *n, const char *name)
{
    enter(st, PYX_SCOPE_ANNOTATION, pyx_arena_printf(st->a, "<generic parameters of %s>", name), n);
    for (int i = 0; i < n->type_params.len; i++) {
        PyxNode *tp = n->type_params.items[i];
        add_def(st, tp->name, PYX_SYMF_ASSIGNED, tp->loc);
        visit_rest(st, tp, 0);
    }
}

/* CPython's line of a definition: its 'def'/'class' line, after the decorators. */
static unsigned def_line(const PyxNode *n)
{
    if (n->decorators.len == 0 || n->loc.src == NULL)
        return n->loc.line;
    const PyxNode *last = n->decorators.items[n->decorators.len - 1];
    const char *t = n->loc.src->text;
    uint32_t i = last->loc.end, len = n->loc.src->len;
    unsigned line = last->loc.line;
    for (uint32_t k = last->loc.start; k < last->loc.end && k < len; k++)
        line += t[k] == '\n';
    /* the rest of the decorator's line, then blank and comment lines */
    for (bool in_line = true; i < len; i++) {
        char c = t[i];
        if (c == '\n') {
            line++;
            in_line = false;
        } else if (c == '#' || in_line) {
            while (i + 1 < len && t[i + 1] != '\n')
                i++;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f') {
            break;
        }
    }
    return line;
}

/* The function's own scope: parameters, then the body. */
static void function_scope(St *st, PyxNode *n)
{
    Scope *s = enter(st, PYX_SCOPE_FUNCTION, n->name, n);
    s->pub.line = def_line(n);
    s->pub.is_coroutine = (n->flags & PYX_F(ASYNC)) != 0;
    bind_params(st, &n->params);
    visit_list(st, &n->body);
    leave(st);
}

/* def: defaults, annotations and decorators are evaluated where the def is
   (in that order, as CPython 3.11 visits them), then the body's scope.  A
   generic def (3.12) evaluates its annotations in its type-parameter scope. */
static void visit_funcdef(St *st, PyxNode *n)
{
    unsigned c = n->flags & (PYX_F(CDEF) | PYX_F(CPDEF)) ? PYX_SYMF_C : 0;
    add_def(st, n->name, PYX_SYMF_ASSIGNED | c, n->loc);
    bool has_scope = !(n->flags & PYX_F(DECL_ONLY));   /* 'cdef int f(int)', extern functions */
    if (n->type_params.len) {
        visit_list(st, &n->decorators);
        visit_defaults(st, &n->params);
        enter_type_params(st, n, n->name);
        visit_all_annotations(st, &n->params, n->annotation);
        if (has_scope)
            function_scope(st, n);
        leave(st);
    } else {
        visit_defaults(st, &n->params);
        visit_all_annotations(st, &n->params, n->annotation);
        visit_list(st, &n->decorators);
        if (has_scope)
            function_scope(st, n);
    }
    visit(st, n->except_clause);
    visit_rest(st, n, SLOT(DECORATORS) | SLOT(TYPE_PARAMS) | SLOT(PARAMS) | SLOT(ANNOTATION) | SLOT(CTYPE) |
                          SLOT(EXCEPT_CLAUSE) | SLOT(BODY));
}

static void visit_lambda(St *st, PyxNode *n)
{
    visit_defaults(st, &n->params);
    enter(st, PYX_SCOPE_LAMBDA, "lambda", n);
    bind_params(st, &n->params);
    visit(st, n->value);
    leave(st);
    visit_rest(st, n, SLOT(PARAMS) | SLOT(VALUE));
}

static void class_scope(St *st, PyxNode *n)
{
    Scope *s = enter(st, PYX_SCOPE_CLASS, n->name, n);
    s->pub.line = def_line(n);
    const char *saved = st->private_name;
    st->private_name = n->name;
    visit_list(st, &n->body);
    st->private_name = saved;
    leave(st);
}

/* class: bases, keywords and decorators where the class statement is, then
   the body's scope, where private names are mangled. */
static void visit_classdef(St *st, PyxNode *n)
{
    add_def(st, n->name, PYX_SYMF_ASSIGNED | (n->flags & PYX_F(CDEF) ? PYX_SYMF_C : 0), n->loc);
    if (n->type_params.len) {
        visit_list(st, &n->decorators);
        enter_type_params(st, n, n->name);
        visit_list(st, &n->items);
        visit_list(st, &n->keywords);
        class_scope(st, n);
        leave(st);
    } else {
        visit_list(st, &n->items);
        visit_list(st, &n->keywords);
        visit_list(st, &n->decorators);
        class_scope(st, n);
    }
    visit_rest(st, n, SLOT(DECORATORS) | SLOT(TYPE_PARAMS) | SLOT(ITEMS) | SLOT(KEYWORDS) | SLOT(BODY));
}

/* 'type X[T] = value' (PEP 695): the value is evaluated lazily in a scope of its own. */
static void visit_type_alias(St *st, PyxNode *n)
{
    const char *name = n->target && n->target->kind == PYX_NODE_NAME ? n->target->name : "type";
    visit_target(st, n->target, PYX_SYMF_ASSIGNED);
    if (n->type_params.len)
        enter_type_params(st, n, name);
    enter(st, PYX_SCOPE_ANNOTATION, name, n);
    visit(st, n->value);
    leave(st);
    if (n->type_params.len)
        leave(st);
    visit_rest(st, n, SLOT(TARGET) | SLOT(TYPE_PARAMS) | SLOT(VALUE));
}

/* One 'for target in iter if cond' clause inside the comprehension's scope. */
static void visit_comp_clause(St *st, PyxNode *c, bool outermost)
{
    st->cur->comp_iter_target = true;
    visit_target(st, c->target, PYX_SYMF_ASSIGNED);
    st->cur->comp_iter_target = false;
    if (!outermost) {
        st->cur->comp_iter_expr++;
        visit(st, c->value);
        st->cur->comp_iter_expr--;
    }
    visit_list(st, &c->items);
    if (c->flags & PYX_F(ASYNC))
        st->cur->pub.is_coroutine = true;
    visit_rest(st, c, SLOT(TARGET) | SLOT(VALUE) | SLOT(ITEMS));
}

/* Comprehensions: the first iterable is evaluated outside, then passed to
   the comprehension's scope as its implicit parameter '.0'. */
static void visit_comprehension(St *st, PyxNode *n)
{
    if (n->handlers.len == 0) {
        visit_rest(st, n, 0);
        return;
    }
    const char *name = n->kind == PYX_NODE_LIST_COMP ? "listcomp"
                       : n->kind == PYX_NODE_SET_COMP ? "setcomp"
                       : n->kind == PYX_NODE_DICT_COMP ? "dictcomp" : "genexpr";
    PyxNode *first = n->handlers.items[0];
    st->cur->comp_iter_expr++;
    visit(st, first->value);
    st->cur->comp_iter_expr--;
    Scope *s = enter(st, PYX_SCOPE_COMPREHENSION, name, n);
    if (first->flags & PYX_F(ASYNC))
        s->pub.is_coroutine = true;
    add_def(st, ".0", PYX_SYMF_PARAM, n->loc);
    for (int i = 0; i < n->handlers.len; i++)
        visit_comp_clause(st, n->handlers.items[i], i == 0);
    if (n->kind == PYX_NODE_DICT_COMP) {
        visit(st, n->value);
        visit(st, n->left);
    } else {
        visit(st, n->value);
    }
    bool generator = n->kind == PYX_NODE_GENERATOR;
    s->pub.is_generator = s->pub.is_generator || generator;
    bool is_async = s->pub.is_coroutine && !generator;
    leave(st);
    if (is_async)
        st->cur->pub.is_coroutine = true;
    visit_rest(st, n, SLOT(HANDLERS) | SLOT(LEFT) | SLOT(VALUE));
}

/* A walrus inside a comprehension binds in the nearest enclosing function
   (or the module), as if declared nonlocal (global) in the comprehension. */
static void extend_namedexpr_scope(St *st, PyxNode *target)
{
    const char *name = target->name;
    for (Scope *s = st->cur; s; s = scope_of(s->pub.parent)) {
        switch (s->pub.kind) {
        case PYX_SCOPE_COMPREHENSION: {
            Entry *e = lookup(s, name);
            if (e && (e->pub.flags & PYX_SYMF_COMP_ITER)) {
                pyx_diag_error(st->d, target->loc,
                               "assignment expression cannot rebind comprehension iteration variable '%s'", name);
                return;
            }
            break;
        }
        case PYX_SCOPE_FUNCTION:
        case PYX_SCOPE_LAMBDA: {
            Entry *e = lookup(s, name);
            add_def(st, name, e && (e->pub.flags & PYX_SYMF_GLOBAL) ? PYX_SYMF_GLOBAL : PYX_SYMF_NONLOCAL,
                    target->loc);
            record_directive(st, st->cur, name, target->loc);
            add_def_in(st, s, name, PYX_SYMF_ASSIGNED, target->loc);
            return;
        }
        case PYX_SCOPE_MODULE:
            add_def(st, name, PYX_SYMF_GLOBAL, target->loc);
            record_directive(st, st->cur, name, target->loc);
            add_def_in(st, s, name, PYX_SYMF_GLOBAL, target->loc);
            return;
        case PYX_SCOPE_CLASS:
            pyx_diag_error(st->d, target->loc,
                           "assignment expression within a comprehension cannot be used in a class body");
            return;
        case PYX_SCOPE_ANNOTATION:
            break;
        }
    }
}

/* "'X' can not be used within an annotation" (only in a hidden annotation scope). */
static bool in_annotation(St *st, PyxNode *n, const char *what)
{
    if (!st->cur->hidden)
        return false;
    pyx_diag_error(st->d, n->loc, "'%s' can not be used within an annotation", what);
    return true;
}

static void visit_named_expr(St *st, PyxNode *n)
{
    if (in_annotation(st, n, "named expression"))
        return;
    if (st->cur->comp_iter_expr > 0) {
        pyx_diag_error(st->d, n->loc, "assignment expression cannot be used in a comprehension iterable expression");
        return;
    }
    if (st->cur->pub.kind == PYX_SCOPE_COMPREHENSION && n->target && n->target->kind == PYX_NODE_NAME)
        extend_namedexpr_scope(st, n->target);
    visit(st, n->value);
    visit_target(st, n->target, PYX_SYMF_ASSIGNED);
    visit_rest(st, n, SLOT(VALUE) | SLOT(TARGET));
}

static void visit_yield(St *st, PyxNode *n)
{
    if (in_annotation(st, n, "yield expression"))
        return;
    visit_rest(st, n, 0);
    st->cur->pub.is_generator = true;
    if (st->cur->pub.kind == PYX_SCOPE_COMPREHENSION) {
        PyxNodeKind k = st->cur->pub.node->kind;
        pyx_diag_error(st->d, n->loc, "%s",
                       k == PYX_NODE_LIST_COMP  ? "'yield' inside list comprehension"
                       : k == PYX_NODE_SET_COMP ? "'yield' inside set comprehension"
                       : k == PYX_NODE_DICT_COMP ? "'yield' inside dict comprehension"
                                                 : "'yield' inside generator expression");
    }
}

/* 'global' and 'nonlocal' must come before any other mention of the name. */
static void visit_declaration(St *st, PyxNode *n)
{
    bool global = n->kind == PYX_NODE_GLOBAL;
    for (int i = 0; i < n->items.len; i++) {
        const char *name = n->items.items[i]->name;
        Entry *e = lookup(st->cur, pyx_symtable_mangle(st->a, st->private_name, name));
        unsigned f = e ? e->pub.flags : 0;
        if (f & (PYX_SYMF_PARAM | PYX_SYMF_ASSIGNED | PYX_SYMF_USED | PYX_SYMF_ANNOTATED)) {
            const char *what = global ? "global" : "nonlocal";
            if (f & PYX_SYMF_PARAM)
                pyx_diag_error(st->d, n->loc, "name '%s' is parameter and %s", name, what);
            else if (f & PYX_SYMF_USED)
                pyx_diag_error(st->d, n->loc, "name '%s' is used prior to %s declaration", name, what);
            else if (f & PYX_SYMF_ANNOTATED)
                pyx_diag_error(st->d, n->loc, "annotated name '%s' can't be %s", name, what);
            else
                pyx_diag_error(st->d, n->loc, "name '%s' is assigned to before %s declaration", name, what);
            continue;
        }
        add_def(st, name, global ? PYX_SYMF_GLOBAL : PYX_SYMF_NONLOCAL, n->loc);
        record_directive(st, st->cur, name, n->loc);
    }
}

/* import a.b.c binds 'a'; 'import a.b as c' and 'from m import x as c' bind 'c'. */
static void visit_import(St *st, PyxNode *n)
{
    bool cimport = n->kind == PYX_NODE_CIMPORT || n->kind == PYX_NODE_CIMPORT_FROM;
    unsigned flag = PYX_SYMF_IMPORTED | (cimport ? PYX_SYMF_C : 0);
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *al = n->items.items[i];
        const char *name = al->asname ? al->asname : al->name;
        if (name == NULL)
            continue;
        const char *dot = strchr(name, '.');
        if (dot)
            name = pyx_arena_strndup(st->a, name, (size_t)(dot - name));
        add_def(st, name, flag, al->loc);
    }
    if ((n->flags & PYX_F(STAR)) && !cimport) {
        if (st->cur->pub.kind != PYX_SCOPE_MODULE) {
            /* located at the '*', the statement's last token */
            uint32_t at = n->loc.end;
            while (at > n->loc.start && n->loc.src && n->loc.src->text[at - 1] != '*')
                at--;
            pyx_diag_error(st->d, at > n->loc.start ? loc_at(n->loc, at - 1) : n->loc,
                           "import * only allowed at module level");
        } else {
            st->cur->pub.has_star_import = true;
        }
    }
}

/* An annotated assignment 'x: T = v'.  A plain name (not parenthesised) is
   'simple': annotated and assigned even without a value. */
static void visit_annassign(St *st, PyxNode *n)
{
    PyxNode *t = n->items.len == 1 ? n->items.items[0] : NULL;
    PyxNode *name = NULL;
    bool simple = false;
    if (t && t->kind == PYX_NODE_NAME) {
        name = t;
        simple = !(t->flags & PYX_F(PARENS));
    } else if (t && t->kind == PYX_NODE_TUPLE && t->items.len == 1 &&
               t->items.items[0]->kind == PYX_NODE_NAME) {
        name = t->items.items[0];   /* '(x): T' as lower.c gives it */
    }
    if (name) {
        Entry *e = lookup(st->cur, pyx_symtable_mangle(st->a, st->private_name, name->name));
        unsigned f = e ? e->pub.flags : 0;
        if ((f & (PYX_SYMF_GLOBAL | PYX_SYMF_NONLOCAL)) && st->cur != st->top && simple) {
            pyx_diag_error(st->d, n->loc, "annotated name '%s' can't be %s", name->name,
                           f & PYX_SYMF_GLOBAL ? "global" : "nonlocal");
        } else {
            if (simple)
                add_def(st, name->name, PYX_SYMF_ANNOTATED | PYX_SYMF_ASSIGNED, name->loc);
            if (n->value)
                add_def(st, name->name, PYX_SYMF_ASSIGNED, name->loc);
        }
    } else {
        for (int i = 0; i < n->items.len; i++)
            visit_target(st, n->items.items[i], PYX_SYMF_ASSIGNED);
    }
    visit_annotation(st, n->annotation);
    visit(st, n->value);
    visit_rest(st, n, SLOT(ITEMS) | SLOT(ANNOTATION) | SLOT(VALUE));
}

/* A dict display evaluates... as CPython visits it: every key, then every value. */
static void visit_dict(St *st, PyxNode *n)
{
    for (int i = 0; i < n->items.len; i++)
        if (n->items.items[i]->kind == PYX_NODE_DICT_ITEM)
            visit(st, n->items.items[i]->left);
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *it = n->items.items[i];
        visit(st, it->kind == PYX_NODE_DICT_ITEM ? it->value : it);
    }
}

static void visit_mapping_pattern(St *st, PyxNode *n)
{
    for (int i = 0; i < n->items.len; i++)
        visit(st, n->items.items[i]->left);
    for (int i = 0; i < n->items.len; i++)
        visit(st, n->items.items[i]->value);
    if (n->name)
        add_def(st, n->name, PYX_SYMF_ASSIGNED, n->loc);
}

/* Cython declarations that bind a name: the name is a C-level binding. */
static void bind_c(St *st, PyxNode *n)
{
    if (n->name)
        add_def(st, n->name, PYX_SYMF_ASSIGNED | PYX_SYMF_C, n->loc);
}

static void visit(St *st, PyxNode *n)
{
    if (n == NULL)
        return;
    switch (n->kind) {
    case PYX_NODE_NAME: visit_name(st, n); return;
    case PYX_NODE_FUNCTION_DEF: visit_funcdef(st, n); return;
    case PYX_NODE_CLASS_DEF: visit_classdef(st, n); return;
    case PYX_NODE_LAMBDA: visit_lambda(st, n); return;
    case PYX_NODE_TYPE_ALIAS: visit_type_alias(st, n); return;
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP: case PYX_NODE_GENERATOR:
        visit_comprehension(st, n);
        return;
    case PYX_NODE_NAMED_EXPR: visit_named_expr(st, n); return;
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM: visit_yield(st, n); return;
    case PYX_NODE_AWAIT:
        if (in_annotation(st, n, "await expression"))
            return;
        visit_rest(st, n, 0);
        st->cur->pub.is_coroutine = true;
        return;
    case PYX_NODE_GLOBAL: case PYX_NODE_NONLOCAL: visit_declaration(st, n); return;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM: case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM:
        visit_import(st, n);
        return;
    case PYX_NODE_DICT: visit_dict(st, n); return;
    case PYX_NODE_ASSIGN:
        if (n->annotation) {
            visit_annassign(st, n);
            return;
        }
        for (int i = 0; i < n->items.len; i++)
            visit_target(st, n->items.items[i], PYX_SYMF_ASSIGNED);
        visit(st, n->value);
        visit_rest(st, n, SLOT(ITEMS) | SLOT(VALUE));
        return;
    case PYX_NODE_AUG_ASSIGN:
        visit_target(st, n->target, PYX_SYMF_ASSIGNED);
        visit(st, n->value);
        visit_rest(st, n, SLOT(TARGET) | SLOT(VALUE));
        return;
    case PYX_NODE_DELETE:
        for (int i = 0; i < n->items.len; i++)
            visit_target(st, n->items.items[i], PYX_SYMF_ASSIGNED | PYX_SYMF_DELETED);
        visit_rest(st, n, SLOT(ITEMS));
        return;
    case PYX_NODE_FOR:
        visit_target(st, n->target, PYX_SYMF_ASSIGNED);
        visit(st, n->value);
        visit_list(st, &n->body);
        visit_list(st, &n->orelse);
        visit_rest(st, n, SLOT(TARGET) | SLOT(VALUE) | SLOT(BODY) | SLOT(ORELSE));
        return;
    case PYX_NODE_WITH_ITEM:
        visit(st, n->value);
        visit_target(st, n->target, PYX_SYMF_ASSIGNED);
        visit_rest(st, n, SLOT(VALUE) | SLOT(TARGET));
        return;
    case PYX_NODE_TRY:   /* CPython visits 'else' before the handlers */
        visit_list(st, &n->body);
        visit_list(st, &n->orelse);
        visit_list(st, &n->handlers);
        visit_list(st, &n->finalbody);
        visit_rest(st, n, SLOT(BODY) | SLOT(ORELSE) | SLOT(HANDLERS) | SLOT(FINALBODY));
        return;
    case PYX_NODE_EXCEPT:
        visit(st, n->value);
        if (n->name)
            add_def(st, n->name, PYX_SYMF_ASSIGNED, n->loc);
        visit_rest(st, n, SLOT(VALUE));
        return;
    /* match patterns that capture */
    case PYX_NODE_PAT_CAPTURE: case PYX_NODE_PAT_STAR:
        if (n->name)
            add_def(st, n->name, PYX_SYMF_ASSIGNED, n->loc);
        visit_rest(st, n, 0);
        return;
    case PYX_NODE_PAT_AS:
        visit_rest(st, n, 0);
        if (n->name)
            add_def(st, n->name, PYX_SYMF_ASSIGNED, n->loc);
        return;
    case PYX_NODE_PAT_MAPPING: visit_mapping_pattern(st, n); return;
    /* Cython */
    case PYX_NODE_C_VAR: case PYX_NODE_ENUMERATOR: case PYX_NODE_DEF_CONST:
        visit_rest(st, n, 0);
        bind_c(st, n);
        return;
    case PYX_NODE_CTYPEDEF: case PYX_NODE_ENUM_DEF:
        bind_c(st, n);
        visit_rest(st, n, 0);
        return;
    case PYX_NODE_STRUCT_DEF: case PYX_NODE_FUSED_DEF:   /* fields and member types bind nothing */
        bind_c(st, n);
        return;
    /* C types as written are not Python names (and their parameters bind nothing) */
    case PYX_NODE_CTYPE_NAME: case PYX_NODE_CTYPE_PTR: case PYX_NODE_CTYPE_ARRAY: case PYX_NODE_CTYPE_FUNC:
    case PYX_NODE_CTYPE_MEMVIEW: case PYX_NODE_MEMVIEW_DIM:
        return;
    default:
        visit_rest(st, n, 0);
    }
}

/* ---- from __future__ ------------------------------------------------------------------ */

/* CPython's future.c as the symtable module runs it: future imports come
   first (after a docstring); one after another statement on the same line,
   or an unknown feature, is an error. */
static void check_future(St *st, PyxNode *mod)
{
    static const char *const features[] = {"nested_scopes", "generators", "division", "absolute_import",
                                           "with_statement", "print_function", "unicode_literals",
                                           "barry_as_FLUFL", "generator_stop", "annotations"};
    int i = 0;
    bool done = false;
    unsigned prev_line = 0;
    PyxNodeList *body = &mod->body;
    if (body->len && body->items[0]->kind == PYX_NODE_EXPR_STMT && body->items[0]->value &&
        body->items[0]->value->kind == PYX_NODE_STR && !(body->items[0]->value->flags & PYX_F(BYTES)))
        i = 1;
    for (; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (done && s->loc.line > prev_line)
            return;
        prev_line = s->loc.line;
        if (s->kind != PYX_NODE_IMPORT_FROM || s->name == NULL || strcmp(s->name, "__future__") != 0) {
            done = true;
            continue;
        }
        if (done) {
            pyx_diag_error(st->d, s->loc, "from __future__ imports must occur at the beginning of the file");
            return;
        }
        if (s->flags & PYX_F(STAR)) {
            pyx_diag_error(st->d, s->loc, "future feature * is not defined");
            return;
        }
        for (int k = 0; k < s->items.len; k++) {
            const char *f = s->items.items[k]->name;
            size_t j = 0;
            while (j < sizeof features / sizeof *features && strcmp(f, features[j]) != 0)
                j++;
            if (strcmp(f, "braces") == 0) {
                pyx_diag_error(st->d, s->loc, "not a chance");
                return;
            }
            if (j == sizeof features / sizeof *features) {
                pyx_diag_error(st->d, s->loc, "future feature %s is not defined", f);
                return;
            }
            if (strcmp(f, "annotations") == 0)
                st->future_annotations = true;
        }
    }
}

/* ---- analysis ---------------------------------------------------------------------- */

/* Sets of names (name -> the Entry it came from; a NULL value is a removed name). */
typedef PyxMap NameSet;

static bool set_has(const NameSet *s, const char *name)
{
    return s && pyx_map_get(s, name) != NULL;
}

static bool set_del(NameSet *s, const char *name)
{
    PyxMapEntry *e = s ? pyx_map_find(s, name) : NULL;
    if (e == NULL || e->value == NULL)
        return false;
    e->value = NULL;
    return true;
}

static void set_union(NameSet *dst, const NameSet *src)
{
    for (int i = 0; i < src->len; i++)
        if (src->entries[i].value)
            pyx_map_put(dst, src->entries[i].key, src->entries[i].value);
}

/* Analysis errors point at the global/nonlocal statement, as CPython's do. */
static PyxLoc directive_loc(const Entry *e)
{
    return e->has_directive ? e->directive : e->pub.loc;
}

/* One name's binding from its facts and what the enclosing scopes bind. */
static void analyze_name(St *st, Scope *s, Entry *e, NameSet *bound, NameSet *local, NameSet *free,
                         NameSet *global)
{
    const char *name = e->pub.name;
    unsigned f = e->pub.flags;
    if (f & PYX_SYMF_GLOBAL) {
        if (f & PYX_SYMF_NONLOCAL)
            pyx_diag_error(st->d, directive_loc(e), "name '%s' is nonlocal and global", name);
        e->pub.binding = PYX_BIND_GLOBAL_EXPLICIT;
        pyx_map_put(global, name, e);
        set_del(bound, name);
        return;
    }
    if (f & PYX_SYMF_NONLOCAL) {
        if (bound == NULL) {
            pyx_diag_error(st->d, directive_loc(e), "nonlocal declaration not allowed at module level");
            e->pub.binding = PYX_BIND_GLOBAL_IMPLICIT;
        } else if (!set_has(bound, name)) {
            pyx_diag_error(st->d, directive_loc(e), "no binding for nonlocal '%s' found", name);
            e->pub.binding = PYX_BIND_GLOBAL_IMPLICIT;
        } else {
            e->pub.binding = PYX_BIND_FREE;
            s->pub.has_free = true;
            pyx_map_put(free, name, e);
        }
        return;
    }
    if (f & PYX_SYMF_BOUND) {
        e->pub.binding = PYX_BIND_LOCAL;
        pyx_map_put(local, name, e);
        set_del(global, name);
        return;
    }
    if (set_has(bound, name)) {
        e->pub.binding = PYX_BIND_FREE;
        s->pub.has_free = true;
        pyx_map_put(free, name, e);
        return;
    }
    e->pub.binding = PYX_BIND_GLOBAL_IMPLICIT;
}

/* Free names of nested scopes that this scope does not mention pass
   through it (as FREE entries); a class notes the ones it binds itself. */
static void update_symbols(St *st, Scope *s, NameSet *bound, NameSet *newfree, bool is_class)
{
    for (int i = 0; i < newfree->len; i++) {
        Entry *origin = newfree->entries[i].value;
        const char *name = newfree->entries[i].key;
        if (origin == NULL)
            continue;
        Entry *e = lookup(s, name);
        if (e) {
            if (is_class && (e->pub.flags & (PYX_SYMF_BOUND | PYX_SYMF_GLOBAL)))
                e->pub.flags |= PYX_SYMF_FREE_CLASS;
            continue;
        }
        if (bound && !set_has(bound, name))
            continue;   /* a global */
        e = entry_in(st, s, name, origin->pub.loc);
        e->pub.binding = PYX_BIND_FREE;
        s->pub.has_free = true;
    }
}

static void analyze_block(St *st, Scope *s, NameSet *bound, NameSet *free, NameSet *global);

static void analyze_child(St *st, Scope *c, const NameSet *bound, const NameSet *global, NameSet *child_free)
{
    NameSet b, f, g;
    pyx_map_init(&b, st->a);
    pyx_map_init(&f, st->a);
    pyx_map_init(&g, st->a);
    set_union(&b, bound);
    set_union(&g, global);
    analyze_block(st, c, &b, &f, &g);
    set_union(child_free, &f);
}

/* bound: names the enclosing functions bind (NULL for the module); free
   collects this block's free names for the parent; global: names declared
   global in an enclosing scope. */
static void analyze_block(St *st, Scope *s, NameSet *bound, NameSet *free, NameSet *global)
{
    NameSet local, newbound, newglobal, newfree, allfree;
    pyx_map_init(&local, st->a);
    pyx_map_init(&newbound, st->a);
    pyx_map_init(&newglobal, st->a);
    pyx_map_init(&newfree, st->a);
    pyx_map_init(&allfree, st->a);
    bool is_class = s->pub.kind == PYX_SCOPE_CLASS, fn = function_like(&s->pub);
    /* a class body's names are invisible to its methods */
    if (is_class) {
        set_union(&newglobal, global);
        if (bound)
            set_union(&newbound, bound);
    }
    int n = s->pub.entries.len;
    for (int i = 0; i < n; i++)
        analyze_name(st, s, s->pub.entries.entries[i].value, bound, &local, free, global);
    if (!is_class) {
        if (fn)
            set_union(&newbound, &local);
        if (bound)
            set_union(&newbound, bound);
        set_union(&newglobal, global);
    } else {
        pyx_map_put(&newbound, "__class__", s);
    }
    for (int i = 0; i < s->pub.nchildren; i++) {
        Scope *c = scope_of(s->pub.children[i]);
        analyze_child(st, c, &newbound, &newglobal, &allfree);
        if (c->pub.has_free || c->pub.child_has_free)
            s->pub.child_has_free = true;
    }
    set_union(&newfree, &allfree);
    if (fn) {
        /* locals that nested scopes use live in cells */
        for (int i = 0; i < n; i++) {
            Entry *e = s->pub.entries.entries[i].value;
            if (e->pub.binding == PYX_BIND_LOCAL && set_del(&newfree, e->pub.name))
                e->pub.binding = PYX_BIND_CELL;
        }
    } else if (is_class && set_del(&newfree, "__class__")) {
        s->pub.needs_class_cell = true;
        Entry *cell = pyx_arena_new(st->a, Entry);
        cell->pub.name = "__class__";
        cell->pub.binding = PYX_BIND_CELL;
        cell->pub.loc = s->pub.node->loc;
        s->pub.class_cell = &cell->pub;
    }
    update_symbols(st, s, bound, &newfree, is_class);
    set_union(free, &newfree);
}

/* CPython's is_namespace(): some nested scope has the name. */
static void mark_namespaces(PyxScope *s)
{
    for (int i = 0; i < s->nchildren; i++) {
        PyxScopeEntry *e = pyx_map_get(&s->entries, s->children[i]->name);
        if (e)
            e->flags |= PYX_SYMF_NAMESPACE;
        mark_namespaces(s->children[i]);
    }
}

PyxScope *pyx_symtable(PyxArena *a, PyxNode *module, PyxDiag *d)
{
    St st = {0};
    st.a = a;
    st.d = d;
    check_future(&st, module);
    st.top = enter(&st, PYX_SCOPE_MODULE, "top", module);
    st.top->pub.line = 0;
    visit_list(&st, &module->body);
    NameSet free, global;
    pyx_map_init(&free, a);
    pyx_map_init(&global, a);
    analyze_block(&st, st.top, NULL, &free, &global);
    mark_namespaces(&st.top->pub);
    return &st.top->pub;
}

/* ---- queries ----------------------------------------------------------------------- */

PyxScopeEntry *pyx_scope_entry(const PyxScope *s, const char *name)
{
    return pyx_map_get(&s->entries, name);
}

PyxScopeEntry *pyx_scope_resolve(const PyxScope *s, const char *name)
{
    PyxScopeEntry *e = pyx_scope_entry(s, name);
    if (e == NULL || e->binding != PYX_BIND_FREE)
        return e;
    for (const PyxScope *p = s->parent; p; p = p->parent) {
        if (p->kind == PYX_SCOPE_CLASS) {
            if (p->class_cell && strcmp(name, "__class__") == 0)
                return p->class_cell;
            continue;   /* class bodies bind nothing their nested scopes see */
        }
        PyxScopeEntry *pe = pyx_scope_entry(p, name);
        if (pe && pe->binding != PYX_BIND_FREE)
            return pe;
    }
    return e;
}

/* ---- the dump ---------------------------------------------------------------------- */

static int by_name(const void *x, const void *y)
{
    const PyxScopeEntry *a = *(PyxScopeEntry *const *)x, *b = *(PyxScopeEntry *const *)y;
    return strcmp(a->name, b->name);
}

static void dump_scope(FILE *out, const PyxScope *s, int depth)
{
    static const char *const bindings[] = {"LOCAL", "CELL", "FREE", "GLOBAL_EXPLICIT", "GLOBAL_IMPLICIT"};
    static const char *const kinds[] = {"module", "function", "function", "class", "function", "annotation"};
    fprintf(out, "%*s%s %s %u\n", 2 * depth, "", kinds[s->kind], s->name, s->line);
    int n = s->entries.len;
    PyxScopeEntry **sorted = pyx_arena_alloc(s->entries.a, sizeof *sorted * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        sorted[i] = s->entries.entries[i].value;
    qsort(sorted, (size_t)n, sizeof *sorted, by_name);
    /* Lib/symtable.py takes any scope named 'top' for the module (a def top() too) */
    bool module = strcmp(s->name, "top") == 0;
    for (int i = 0; i < n; i++) {
        const PyxScopeEntry *e = sorted[i];
        unsigned f = e->flags;
        PyxBinding b = e->binding;
        bool bound_here = module && (f & PYX_SYMF_BOUND);
        /* CPython's Symbol.is_*() answers, in its order */
        struct { bool on; const char *word; } facts[] = {
            {f & PYX_SYMF_USED, "referenced"},
            {f & PYX_SYMF_IMPORTED, "imported"},
            {f & PYX_SYMF_PARAM, "parameter"},
            {b == PYX_BIND_GLOBAL_IMPLICIT || b == PYX_BIND_GLOBAL_EXPLICIT || bound_here, "global"},
            {b == PYX_BIND_GLOBAL_EXPLICIT, "declared_global"},
            {b == PYX_BIND_LOCAL || b == PYX_BIND_CELL || bound_here, "local"},
            {f & PYX_SYMF_ANNOTATED, "annotated"},
            {b == PYX_BIND_FREE, "free"},
            {f & PYX_SYMF_ASSIGNED, "assigned"},
            {f & PYX_SYMF_NAMESPACE, "namespace"},
            {f & PYX_SYMF_NONLOCAL, "nonlocal"},
            {f & PYX_SYMF_COMP_ITER, "comp_iter"},
            {f & PYX_SYMF_FREE_CLASS, "free_class"},
            {f & PYX_SYMF_C, "cdecl"},
        };
        fprintf(out, "%*s%s %s", 2 * depth + 2, "", e->name, bindings[b]);
        for (size_t k = 0; k < sizeof facts / sizeof *facts; k++)
            if (facts[k].on)
                fprintf(out, " %s", facts[k].word);
        fputc('\n', out);
    }
    for (int i = 0; i < s->nchildren; i++)
        dump_scope(out, s->children[i], depth + 1);
}

void pyx_symtable_dump(FILE *out, const PyxScope *top)
{
    if (top)
        dump_scope(out, top, 0);
}
