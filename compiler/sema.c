/* sema.c - scopes, name resolution, typing and inference (see sema.h).
 *
 * Three steps over the module:
 *   1. declare (declare.c, libc.c): every module-level name (functions with
 *      their C signatures, cdef globals, cimported and extern C names,
 *      ctypedefs, Python globals);
 *   2. per function: collect locals (parameters, cdef declarations, assigned
 *      names), infer the types of untyped locals (infer.c), then
 *   3. type every statement and expression, checking assignments and calls
 *      (check_stmt.c, check_expr.c, check_call.c).
 * Constructs the back end cannot compile yet are reported here by name, so
 * emit only ever sees what it supports.
 */
#include "sema_int.h"

Scope *new_scope(Sema *S, Scope *parent, PyxFunc *func)
{
    Scope *s = pyx_arena_new(S->a, Scope);
    s->parent = parent;
    s->func = func;
    pyx_map_init(&s->syms, S->a);
    return s;
}

PyxSymbol *scope_find(Scope *s, const char *name)
{
    return pyx_map_get(&s->syms, name);
}

PyxSymbol *scope_add(Sema *S, Scope *s, PyxSymKind kind, const char *name, PyxType *t, PyxLoc loc)
{
    PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
    sym->kind = kind;
    sym->name = name;
    sym->type = t;
    sym->loc = loc;
    pyx_map_put(&s->syms, name, sym);
    return sym;
}

/* Is name global in function scope s ('global x', or used and bound nowhere in it)? */
static bool global_in(const Scope *s, const char *name)
{
    if (!s->py)
        return false;
    PyxScopeEntry *e = pyx_scope_entry(s->py, name);
    return e && (e->binding == PYX_BIND_GLOBAL_EXPLICIT || e->binding == PYX_BIND_GLOBAL_IMPLICIT);
}

static const char *const builtin_names[] = {
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr",
    "dict", "dir", "divmod", "enumerate", "filter", "float", "format", "frozenset", "getattr",
    "globals", "hasattr", "hash", "hex", "id", "input", "int", "isinstance", "issubclass",
    "iter", "len", "list", "locals", "map", "max", "min", "next", "object", "oct", "open", "ord", "pow",
    "print", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "str",
    "sum", "tuple", "type", "vars", "zip", "__import__",
    "Exception", "BaseException", "ValueError", "TypeError", "KeyError", "IndexError",
    "ZeroDivisionError", "OverflowError", "MemoryError", "RuntimeError", "StopIteration",
    "AttributeError", "NameError", "NotImplementedError", "AssertionError", "ArithmeticError",
    "LookupError", "ImportError", "OSError", "UnicodeError", "KeyboardInterrupt",
    "NotImplemented", "Ellipsis", "SystemExit", "RecursionError", "UnboundLocalError",
    NULL,
};

/* Name lookup: function scope, then module, then builtins.  Module-level
   names that are never assigned are still found in the module dict at run
   time (pyx_rt_get_global falls back to builtins). */
PyxSymbol *lookup(Sema *S, const char *name)
{
    for (Scope *s = S->scope; s; s = s->parent) {
        if (s->func && global_in(s, name))
            continue;
        PyxSymbol *sym = scope_find(s, name);
        if (sym)
            return sym;
    }
    return NULL;
}

/* ---- errors ----------------------------------------------------------------- */

void unsupported(Sema *S, PyxNode *n, const char *what)
{
    pyx_diag_unsupported(S->d, n->loc, what);
}

PyxType *type_error(PyxNode *n)
{
    n->type = &pyx_type_error;
    return n->type;
}

/* Definite assignment over the body, before inference: a local that some
   use may find unbound keeps a Python object's unbound check (a C local
   has none), and the uses that are always bound need no check. */
static void analyse_flow(Sema *S, PyxFunc *f)
{
    PyxFlow *fl = pyx_flow_new(S->a);
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *l = f->locals[i];
        bool c_declared = l->declared && l->type && pyx_type_is_c(l->type);
        pyx_flow_var(fl, l->name, l->is_param || c_declared);
    }
    pyx_flow_build(fl, &f->def->body);
    pyx_flow_definite_assignment(fl);
    for (int i = 0; i < f->nlocals; i++) {
        intptr_t k = (intptr_t)pyx_map_get(&fl->var_index, f->locals[i]->name);
        if (k)
            f->locals[i]->maybe_unbound = fl->vars[k - 1].maybe_unbound;
    }
    f->flow = fl;
}

static void check_function(Sema *S, PyxFunc *f)
{
    Scope *fs = new_scope(S, S->module, f);
    fs->py = f->def->scope;
    PYX_ASSERT(fs->py != NULL);   /* the driver runs symtable.c first */
    S->scope = fs;
    S->func = f;
    S->dirs = &f->directives;
    for (int i = 0; i < f->nparams; i++) {
        PyxSymbol *p = f->params[i];
        if (scope_find(fs, p->name))
            continue;
        pyx_map_put(&fs->syms, p->name, p);
        PUSH(S->a, f->locals, f->nlocals, f->cap_locals, p);
    }
    collect_declarations(S, &f->def->body, true);
    /* every other local symtable.c found: untyped, for inference to type
       (cells too: the comprehensions that use them run inline) */
    for (int i = 0; i < fs->py->entries.len; i++) {
        PyxScopeEntry *e = fs->py->entries.entries[i].value;
        if ((e->binding == PYX_BIND_LOCAL || e->binding == PYX_BIND_CELL) && !scope_find(fs, e->name))
            bind_local(S, e->name, e->loc);
    }
    analyse_flow(S, f);
    if (f->directives.value[PYX_DIR_INFER_TYPES] != 0)   /* infer_types=False: untyped is object */
        infer_locals(S, f);
    for (int i = 0; i < f->nlocals; i++)
        if (f->locals[i]->type == NULL)
            f->locals[i]->type = &pyx_type_object;
    check_stmts(S, &f->def->body);
    S->scope = S->module;
    S->func = NULL;
    S->dirs = &S->m->directives;
}

/* 'cdef int f(int)' at module level, outside an extern block, declares a C
   function whose body is nowhere: symtable.c gives it no scope, and there
   is nothing to compile.  (Found by the fuzz suite: an internal error.) */
static bool reject_forward_declarations(Sema *S, PyxNode *module)
{
    bool any = false;
    for (int i = 0; i < module->body.len; i++) {
        PyxNode *s = module->body.items[i];
        if (s->kind == PYX_NODE_FUNCTION_DEF && (s->flags & PYX_F(DECL_ONLY))) {
            unsupported(S, s, "C function declarations without a body outside extern blocks");
            any = true;
        }
    }
    return any;
}

PyxModuleInfo *pyx_sema(PyxArena *a, PyxNode *module, const char *modname, PyxDiag *d)
{
    Sema S = {0};
    S.a = a;
    S.d = d;
    S.m = pyx_arena_new(a, PyxModuleInfo);
    S.m->name = modname;
    S.m->qualname = modname;   /* the driver sets the dotted name of a package's module */
    pyx_naming_init(&S.m->naming, a, modname);
    S.m->ast = module;
    S.builtins = new_scope(&S, NULL, NULL);
    S.module = new_scope(&S, S.builtins, NULL);
    S.module->py = module->scope;
    PYX_ASSERT(module->scope != NULL);   /* the driver runs symtable.c first */
    S.scope = S.module;
    pyx_directives_default(&S.m->directives);
    pyx_directives_header(&S.m->directives, module->loc.src, a, d);
    S.dirs = &S.m->directives;
    for (int i = 0; builtin_names[i]; i++)
        scope_add(&S, S.builtins, PYX_SYM_BUILTIN, builtin_names[i], &pyx_type_object, module->loc);
    if (module->body.len && module->body.items[0]->kind == PYX_NODE_EXPR_STMT
        && module->body.items[0]->value->kind == PYX_NODE_STR && !(module->body.items[0]->value->flags & PYX_F(BYTES))) {
        S.m->doc = module->body.items[0]->value->name;
        S.m->doc_len = (int)module->body.items[0]->value->len;
    }
    if (reject_forward_declarations(&S, module))
        return S.m;
    declare_module(&S, &module->body);
    /* bodies are checked even after declaration errors: the error type
       keeps one mistake from cascading, and the user sees them all */
    for (int i = 0; i < S.m->nfuncs; i++)
        check_function(&S, S.m->funcs[i]);
    /* the module body runs with the module scope */
    S.scope = S.module;
    S.dirs = &S.m->directives;
    check_stmts(&S, &module->body);
    return S.m;
}
