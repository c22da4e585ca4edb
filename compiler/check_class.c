/* check_class.c - plain Python class statements (PyxClass, sema.h).
 *
 * A class statement runs as CPython 3.11 runs it: decorators, bases and
 * keywords where it stands; then the body, which here is compiled inline
 * (as Cython does), filling the namespace the metaclass's __prepare__
 * made; then the metaclass makes the class.  Its body is a scope of its
 * own (symtable.c classified its names): every name it binds or reads is
 * a CLASSVAR symbol -- the namespace first, then the globals and builtins
 * (LOAD_NAME), or for a variable of an enclosing function (FREE), that
 * variable (LOAD_CLASSDEREF) -- unless it is declared global, or is a C
 * declaration of the module (cdef variables and functions, externs), which
 * the body uses as C.  Its defs are methods: function objects made each
 * time the statement runs (check_closure), which find nothing of the class
 * body (lookup() skips it) except its implicit __class__ cell, made when
 * a method uses super() or __class__.
 *
 * cdef classes (extension types) are refused by name: they will reuse
 * the method machinery (closures, PYX_CALL_SUPER) with a C struct instead
 * of a namespace.
 */
#include "sema_int.h"

/* A module-level name that the class body must use as C, not look up. */
static bool is_c_binding(const PyxSymbol *m)
{
    return m->kind == PYX_SYM_CGLOBAL || m->kind == PYX_SYM_EXTERN || m->kind == PYX_SYM_TYPE
           || m->kind == PYX_SYM_MODULE || (m->kind == PYX_SYM_FUNC && m->func && m->func->is_c);
}

/* The variable of the enclosing function that a free name of the class
   body stands for (classes in between do not count). */
static PyxSymbol *outer_variable(Sema *S, Scope *outer, const char *name)
{
    Scope *saved = S->scope;
    while (outer && outer->py && outer->py->kind == PYX_SCOPE_CLASS)
        outer = outer->parent;
    S->scope = outer;
    PyxSymbol *v = lookup(S, name);
    S->scope = saved;
    return v;
}

/* One symbol per name of the class body (symtable.c's entries). */
static void bind_class_names(Sema *S, Scope *cs, Scope *outer)
{
    PyxScope *py = cs->py;
    for (int i = 0; i < py->entries.len; i++) {
        PyxScopeEntry *e = py->entries.entries[i].value;
        PyxSymbol *m = scope_find(S->module, e->name);
        if (e->binding == PYX_BIND_GLOBAL_EXPLICIT) {
            if (m == NULL)
                m = scope_add(S, S->module, PYX_SYM_PYGLOBAL, e->name, &pyx_type_object, e->loc);
            pyx_map_put(&cs->syms, e->name, m);
            continue;
        }
        if (e->binding == PYX_BIND_GLOBAL_IMPLICIT && m && is_c_binding(m)) {
            pyx_map_put(&cs->syms, e->name, m);
            continue;
        }
        PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
        sym->kind = PYX_SYM_CLASSVAR;
        sym->name = e->name;
        sym->type = &pyx_type_object;
        sym->loc = e->loc;
        if (e->binding == PYX_BIND_FREE) {
            sym->outer = outer_variable(S, outer, e->name);
            sym->nonlocal = (e->flags & PYX_SYMF_NONLOCAL) != 0;
            PYX_ASSERT(sym->outer != NULL || S->d->errors > 0);
            if (sym->outer) {
                sym->outer->read = true;
                if (sym->nonlocal)
                    sym->outer->assigned = true;
                if (sym->nonlocal && pyx_type_is_c(sym->outer->type) && sym->outer->type->kind != PYX_TY_ERROR
                    && !pyx_type_is_numeric(sym->outer->type))
                    pyx_diag_error(S->d, e->loc, "a class body cannot assign '%s', of C type '%s'", e->name,
                                   sym->outer->type->name);
            }
        }
        e->sym = sym;
        pyx_map_put(&cs->syms, e->name, sym);
    }
}

/* 'name: annotation [= value]' in the class body: __annotations__ gets it
   (a simple name only, as CPython); the annotation is evaluated, or stored
   as a string (signature.c decides, as for a def). */
void check_class_annotation(Sema *S, PyxNode *s)
{
    PyxClass *c = S->cls;
    c->annotations = true;   /* SETUP_ANNOTATIONS, for any annotated assignment */
    PyxNode *t = s->items.len == 1 ? s->items.items[0] : NULL;
    if (t == NULL || t->kind != PYX_NODE_NAME || (t->flags & PYX_F(PARENS)))
        return;
    const char *text = NULL;
    if (!annotation_as_text(S, s->annotation, &text))
        return;
    if (text == NULL) {
        check_expr(S, s->annotation);
        check_boxable(S, s->annotation, "cannot use a '%s' as an annotation");
    }
    PyxAnnotation a = {mangled(S, t->name), s, text};
    int cap = c->nanns;
    PYX_VEC_PUSH(S->a, c->anns, c->nanns, cap, a);
}

/* 'super()' with no arguments (PYX_CALL_SUPER): sym is the __class__ cell
   the function has (NULL: none, as in a function outside a class); op is
   1 inside a comprehension, whose first argument in CPython 3.11 is its
   iterator, never an instance.  False for any other call. */
bool check_super_call(Sema *S, PyxNode *e)
{
    PyxNode *callee = e->value;
    if (callee->kind != PYX_NODE_NAME || strcmp(callee->name, "super") != 0 || e->items.len || e->keywords.len)
        return false;
    check_expr(S, callee);
    if (pyx_type_is_c(callee->type))
        return false;   /* the caller reports it */
    convert_to(callee, &pyx_type_object);
    e->call_kind = PYX_CALL_SUPER;
    PyxSymbol *cell = S->cls ? NULL : lookup(S, "__class__");
    e->sym = cell && cell->kind == PYX_SYM_CELL ? cell : NULL;
    e->op = S->scope->py == NULL && S->scope->func != NULL;   /* a comprehension's scope */
    set_type(e, &pyx_type_object);
    return true;
}

/* 'yield' and 'await' directly in the class body (not in a def, lambda,
   class or comprehension inside it): CPython's compile-time errors. */
typedef struct Outside {
    Sema *S;
    bool found;
} Outside;

static void find_outside(PyxNode *n, PyxSlot slot, void *ctx)
{
    (void)slot;
    Outside *o = ctx;
    switch (n->kind) {
    case PYX_NODE_FUNCTION_DEF: case PYX_NODE_LAMBDA: case PYX_NODE_CLASS_DEF: case PYX_NODE_LIST_COMP:
    case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP: case PYX_NODE_GENERATOR:
        return;   /* scopes of their own (symtable.c reports a yield in a comprehension) */
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM: case PYX_NODE_AWAIT:
        pyx_diag_error(o->S->d, n->loc, "'%s' outside function", n->kind == PYX_NODE_AWAIT ? "await" : "yield");
        o->found = true;
        return;
    default:
        pyx_ast_children(n, find_outside, ctx);
    }
}

void check_class(Sema *S, PyxNode *s)
{
    if (s->flags & PYX_F(CDEF)) {
        unsupported(S, s, "cdef classes (extension types)");
        return;
    }
    if (s->type_params.len) {
        unsupported(S, s, "type parameters on classes");
        return;
    }
    PYX_ASSERT(s->scope != NULL);
    PyxClass *c = pyx_arena_new(S->a, PyxClass);
    s->cls = c;
    c->def = s;
    c->name = s->name;
    c->qualname = scope_qualname(S, s->scope);
    /* what runs where the statement stands: decorators, bases, keywords */
    for (int i = 0; i < s->decorators.len; i++) {
        PyxNode *dec = s->decorators.items[i];
        check_expr(S, dec);
        check_boxable(S, dec, "cannot use a '%s' as a decorator");
        pyx_list_push(S->a, &c->decorators, dec);
    }
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *b = s->items.items[i];
        if (b->kind == PYX_NODE_STARRED)
            check_unpacked(S, b, "cannot unpack a '%s'");
        else if (check_expr(S, b))
            check_boxable(S, b, "a '%s' cannot be a base class");
    }
    for (int i = 0; i < s->keywords.len; i++) {
        PyxNode *kw = s->keywords.items[i];
        check_expr(S, kw->value);
        check_boxable(S, kw->value, "cannot pass a '%s' as a class keyword");
    }
    if (s->body.len && s->body.items[0]->kind == PYX_NODE_EXPR_STMT && s->body.items[0]->value->kind == PYX_NODE_STR
        && !(s->body.items[0]->value->flags & PYX_F(BYTES))) {
        c->doc = s->body.items[0]->value->name;
        c->doc_len = (int)s->body.items[0]->value->len;
    }
    Outside out = {S, false};
    for (int i = 0; i < s->body.len; i++)
        find_outside(s->body.items[i], PYX_SLOT_BODY, &out);
    if (out.found)
        return;
    /* the body: a scope of its own, run inline */
    Scope *outer = S->scope;
    Scope *cs = new_scope(S, outer, outer->func);
    cs->py = s->scope;
    cs->mangle = s->name;
    if (s->scope->needs_class_cell) {
        /* the __class__ cell: a hidden local of where the statement runs, a
           new cell each time it runs */
        PyxSymbol *cell = pyx_arena_new(S->a, PyxSymbol);
        cell->kind = PYX_SYM_CELL;
        cell->name = "__class__";
        cell->type = &pyx_type_object;
        cell->loc = s->loc;
        cell->hidden = true;
        cell->cname = pyx_name_hidden(&S->m->naming, "__class__");
        if (S->func)
            PYX_VEC_PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, cell);
        else
            PYX_VEC_PUSH(S->a, S->m->init_locals, S->m->ninit_locals, S->m->cap_init_locals, cell);
        if (s->scope->class_cell)
            s->scope->class_cell->sym = cell;
        cs->class_cell = cell;
        c->cell = cell;
    }
    bind_class_names(S, cs, outer);
    PyxClass *outer_cls = S->cls;
    int outer_loops = S->loop_depth;
    S->scope = cs;
    S->cls = c;
    S->loop_depth = 0;
    check_stmts(S, &s->body);
    S->scope = outer;
    S->cls = outer_cls;
    S->loop_depth = outer_loops;
    /* the class's name, bound where the statement stands */
    bind_def_name(S, s);
}
