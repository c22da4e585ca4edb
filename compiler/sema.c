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
    s->mangle = parent ? parent->mangle : NULL;
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

static const char *const builtin_names[] = {
    "abs", "all", "any", "ascii", "bin", "bool", "bytearray", "bytes", "callable", "chr",
    "dict", "dir", "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset", "getattr",
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

/* Name lookup, as Python resolves names: symtable.c decided how each name
   binds in each function.  A function's scope holds its own variables and,
   as cells from its closure, the enclosing functions' variables it uses; a
   name global in it (declared, or bound in no enclosing function) is the
   module's, else a builtin.  A comprehension's scope holds its variables
   and passes every other name on to the scope around it.  (A class body's
   names are not visible in the functions inside it: symtable.c classified
   their names so, and lookup from them never stops at a class.)  Module-level
   names that are never assigned are still found in the module dict at run
   time (pyx_rt_get_global falls back to builtins). */
PyxSymbol *lookup(Sema *S, const char *name)
{
    name = mangled(S, name);
    for (Scope *s = S->scope; s; s = s->parent) {
        if (s->py && s->py->kind == PYX_SCOPE_CLASS) {
            /* a class body's own names (check_class.c made a symbol for each);
               from inside, only a comprehension's __class__ sees the class */
            if (s == S->scope && scope_find(s, name))
                return scope_find(s, name);
            if (s != S->scope && s->class_cell && strcmp(name, "__class__") == 0)
                return s->class_cell;
            continue;
        }
        PyxSymbol *sym = scope_find(s, name);
        if (s->func == NULL || s->py == NULL) {   /* module, builtins, comprehension */
            if (sym)
                return sym;
            continue;
        }
        PyxScopeEntry *e = pyx_scope_entry(s->py, name);
        if (e && e->binding == PYX_BIND_FREE && sym == NULL)
            continue;   /* (before its closure's cells are bound) */
        if (e && e->binding != PYX_BIND_GLOBAL_EXPLICIT && e->binding != PYX_BIND_GLOBAL_IMPLICIT && sym)
            return sym;
        s = S->module;   /* global here, or unknown to the function (a type's name) */
        sym = scope_find(s, name);
        if (sym)
            return sym;
    }
    return NULL;
}

/* name as the scopes store it: a private '__x' inside class C is '_C__x'. */
const char *mangled(Sema *S, const char *name)
{
    return S->scope && S->scope->mangle ? pyx_symtable_mangle(S->a, S->scope->mangle, name) : name;
}

/* ---- errors ----------------------------------------------------------------- */

void unsupported(Sema *S, PyxNode *n, const char *what)
{
    pyx_diag_unsupported(S->d, n->loc, what);
}

/* ==== GATES: syntax that parses but is not compiled yet =====================
   The grammar and the lowering take all of Cython (issue 11); these forms
   have no semantics here yet.  One walk over the whole tree, before anything
   else, names each of them, and pyx_sema stops after it reported any, so no
   later pass meets them.  Remove a line when its form gets compiled.  (An
   explicit stack, not recursion: expressions can be thousands deep.) */

static const char *gated_form(const PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_PROPERTY: return "property blocks ('property name:')";
    case PYX_NODE_CPPCLASS_DEF: return "C++ classes (cppclass)";
    case PYX_NODE_COMPILE_IF: return "compile-time IF/ELIF/ELSE";
    case PYX_NODE_NEW: return "C++ 'new'";
    case PYX_NODE_CTYPE_REF: return "C++ references ('T&')";
    case PYX_NODE_CTYPE_TUPLE: return "C tuples ('(int, double)')";
    case PYX_NODE_CTYPE_NAME:
        if (n->flags & PYX_F(COMPLEX))
            return "complex C types ('double complex')";
        if (n->ctype)
            return "nested C++ types ('vector[int].iterator')";
        return NULL;
    case PYX_NODE_INT:
        return (n->op || (n->flags & PYX_F(UNSIGNED))) ? "C integer literal suffixes ('1U', '1LL')" : NULL;
    case PYX_NODE_CTYPE_FUNC:
        return (n->flags & (PYX_F(STDCALL) | PYX_F(CDECL) | PYX_F(FASTCALL))) ? "calling conventions ('__stdcall')" : NULL;
    case PYX_NODE_FUNCTION_DEF:
        if (n->flags & (PYX_F(STDCALL) | PYX_F(CDECL) | PYX_F(FASTCALL)))
            return "calling conventions ('__stdcall')";
        if (n->asname)
            return "C names in strings ('int f \"c_f\"(int x)')";
        if (n->type_params.len && (n->flags & (PYX_F(CDEF) | PYX_F(CPDEF))))
            return "C++ template functions ('T f[T](T x)')";
        if (n->name && strncmp(n->name, "operator", 8) == 0 && n->name[8] && !(n->name[8] == '_'
            || (n->name[8] >= 'a' && n->name[8] <= 'z') || (n->name[8] >= 'A' && n->name[8] <= 'Z')
            || (n->name[8] >= '0' && n->name[8] <= '9')))
            return "C++ operator declarations";
        if (n->flags & PYX_F(CONST))
            return "C++ const methods";
        return NULL;
    case PYX_NODE_C_VAR: case PYX_NODE_STRUCT_DEF: case PYX_NODE_ENUMERATOR: case PYX_NODE_CTYPEDEF:
        if (n->kind == PYX_NODE_CTYPEDEF && n->value && n->value->kind == PYX_NODE_CLASS_DEF)
            return "'ctypedef class' (extern extension types)";
        return n->asname ? "C names in strings ('int x \"c_x\"')" : NULL;
    case PYX_NODE_ENUM_DEF:
        if (n->flags & PYX_F(SCOPED))
            return "scoped enums ('enum class')";
        return n->asname ? "C names in strings ('enum E \"c_E\"')" : NULL;
    case PYX_NODE_CLASS_DEF:
        return n->target ? "extern extension types ('cdef extern class mod.Name')" : NULL;
    case PYX_NODE_CDEF_BLOCK:
        return (n->flags & PYX_F(NOGIL)) ? "'cdef nogil:' blocks" : NULL;
    case PYX_NODE_CDEF_VARS:
        return (n->flags & PYX_F(API)) ? "'api' variables" : NULL;
    case PYX_NODE_PARAM:
        if (n->ctype && n->annotation)
            return "annotations on C-typed parameters ('int x: int')";
        if (!n->ctype && (n->flags & (PYX_F(NOT_NONE) | PYX_F(OR_NONE))))
            return "'not None' / 'or None' on untyped parameters";
        return NULL;
    default:
        return NULL;
    }
}

static bool reject_gated_forms(Sema *S, PyxNode *root)
{
    int before = S->d->errors;
    PyxNode **stack = NULL;
    int len = 0, cap = 0;
    const PyxNode *last = NULL;   /* a declaration's type node is shared by its declarators */
    for (int i = 0; i < root->body.len; i++) {   /* 'cdef int f(int)' with no body, at module level */
        PyxNode *s = root->body.items[i];
        if (s->kind == PYX_NODE_FUNCTION_DEF && (s->flags & PYX_F(DECL_ONLY)))
            unsupported(S, s, "C function declarations without a body outside extern blocks");
    }
    PYX_VEC_PUSH(S->a, stack, len, cap, root);
    while (len > 0) {
        PyxNode *n = stack[--len];
        const char *what = gated_form(n);
        if (what && n != last) {
            unsupported(S, n, what);
            last = n;
        }
        PyxNode *slots[] = {n->target, n->value, n->test, n->left, n->right, n->cause,
                            n->annotation, n->ctype, n->except_clause, n->lower, n->upper, n->step};
        for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++)
            if (slots[i])
                PYX_VEC_PUSH(S->a, stack, len, cap, slots[i]);
        PyxNodeList *lists[] = {&n->body, &n->orelse, &n->finalbody, &n->handlers, &n->items,
                                &n->keywords, &n->params, &n->decorators, &n->type_params};
        for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
            for (int j = lists[i]->len - 1; j >= 0; j--)
                PYX_VEC_PUSH(S->a, stack, len, cap, lists[i]->items[j]);
    }
    return S->d->errors > before;
}

/* ==== end of GATES ========================================================== */

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

/* The enclosing functions' variables f uses: one symbol each in its scope
   fs, in co_freevars order (by name), for the cell its closure brings; and
   each one's symbol where the def runs (S->scope), the cell the closure is
   made of. */
static void bind_free_variables(Sema *S, PyxFunc *f, Scope *fs)
{
    PyxScope *py = fs->py;
    int n = 0;
    for (int i = 0; i < py->entries.len; i++)
        n += ((PyxScopeEntry *)py->entries.entries[i].value)->binding == PYX_BIND_FREE;
    if (n == 0)
        return;
    f->freevars = pyx_arena_alloc(S->a, sizeof(PyxSymbol *) * (size_t)n);
    f->closure_src = pyx_arena_alloc(S->a, sizeof(PyxSymbol *) * (size_t)n);
    for (int i = 0; i < py->entries.len; i++) {
        PyxScopeEntry *e = py->entries.entries[i].value;
        if (e->binding != PYX_BIND_FREE)
            continue;
        int at = f->nfree++;
        while (at > 0 && strcmp(f->freevars[at - 1]->name, e->name) > 0) {   /* sorted, as CPython's */
            f->freevars[at] = f->freevars[at - 1];
            f->closure_src[at] = f->closure_src[at - 1];
            at--;
        }
        /* a method's __class__ is its class's implicit cell; its other free
           variables are the enclosing function's (never the class body's) */
        Scope *where = S->scope;
        while (S->scope->py && S->scope->py->kind == PYX_SCOPE_CLASS && S->scope->parent)
            S->scope = S->scope->parent;
        PyxSymbol *src = where->class_cell && strcmp(e->name, "__class__") == 0 ? where->class_cell
                         : lookup(S, e->name);
        S->scope = where;
        /* the enclosing scope keeps it in a cell, unless it could not (reported there) */
        PYX_ASSERT((src != NULL && src->kind == PYX_SYM_CELL) || S->d->errors > 0);
        PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
        sym->kind = PYX_SYM_CELL;
        sym->name = e->name;
        sym->type = src && src->kind == PYX_SYM_CELL ? src->type : &pyx_type_error;
        sym->declared = src && src->declared;
        sym->loc = e->loc;
        sym->free = true;
        sym->cname = pyx_name_cell(&S->m->naming, e->name);
        pyx_map_put(&fs->syms, e->name, sym);
        f->freevars[at] = sym;
        f->closure_src[at] = src;
    }
}

/* Checks f's body in a scope of its own inside 'parent' (the module's, or
   for a closure the scope its def or lambda stands in). */
static void check_function(Sema *S, PyxFunc *f, Scope *parent)
{
    Scope *outer_scope = S->scope;
    PyxFunc *outer_func = S->func;
    PyxDirectives *outer_dirs = S->dirs;
    PyxClass *outer_cls = S->cls;
    int outer_loops = S->loop_depth, outer_star = S->star_loops;
    Scope *fs = new_scope(S, parent, f);
    S->cls = NULL;
    fs->py = f->def->scope;
    PYX_ASSERT(fs->py != NULL);   /* the driver runs symtable.c first */
    S->scope = parent;
    bind_free_variables(S, f, fs);
    S->scope = fs;
    S->func = f;
    S->dirs = &f->directives;
    S->loop_depth = 0;
    S->star_loops = -1;
    for (int i = 0; i < f->nparams; i++) {
        PyxSymbol *p = f->params[i];
        const char *key = mangled(S, p->name);   /* a private '__x' of a method: '_C__x' */
        if (scope_find(fs, key))
            continue;
        PYX_VEC_PUSH(S->a, f->locals, f->nlocals, f->cap_locals, p);
        if (captured(S, key) && capturable(S, p, p->loc)) {
            /* the body uses a cell that starts out holding the argument */
            PyxSymbol *c = pyx_arena_new(S->a, PyxSymbol);
            *c = *p;
            c->kind = PYX_SYM_CELL;
            c->is_param = false;
            c->param = p;
            c->cname = pyx_name_cell(&S->m->naming, p->name);
            p->read = true;
            pyx_map_put(&fs->syms, key, c);
            PYX_VEC_PUSH(S->a, f->locals, f->nlocals, f->cap_locals, c);
            continue;
        }
        pyx_map_put(&fs->syms, key, p);
    }
    collect_declarations(S, &f->def->body, true);
    /* every other local symtable.c found: untyped, for inference to type
       (cells too: the comprehensions that use them run inline) */
    for (int i = 0; i < fs->py->entries.len; i++) {
        PyxScopeEntry *e = fs->py->entries.entries[i].value;
        if ((e->binding == PYX_BIND_LOCAL || e->binding == PYX_BIND_CELL) && !scope_find(fs, e->name))
            bind_local(S, e->name, e->loc);
        if (e->binding == PYX_BIND_LOCAL || e->binding == PYX_BIND_CELL)
            e->sym = scope_find(fs, e->name);
    }
    analyse_flow(S, f);
    f->uses_locals = calls_locals(&f->def->body);   /* locals() shows every variable as an object */
    if (f->directives.value[PYX_DIR_INFER_TYPES] != 0 && !f->uses_locals)   /* infer_types=False: untyped is object */
        infer_locals(S, f);
    for (int i = 0; i < f->nlocals; i++)
        if (f->locals[i]->type == NULL)
            f->locals[i]->type = &pyx_type_object;
    check_stmts(S, &f->def->body);
    if (f->def->kind == PYX_NODE_GENERATOR)
        check_genexp_body(S, f->def);
    if (f->uses_locals)
        decide_locals_view(S, f, fs);
    S->scope = outer_scope;
    S->func = outer_func;
    S->dirs = outer_dirs;
    S->cls = outer_cls;
    S->loop_depth = outer_loops;
    S->star_loops = outer_star;
}

/* __qualname__ of the function or class of scope s, as CPython 3.11's
   compiler names it: 'f.<locals>.g' inside a function or lambda, 'C.m' in
   a class, '<listcomp>.<lambda>' in a comprehension (a function of its own
   in 3.11), the bare name when the enclosing scope declares it global. */
const char *scope_qualname(Sema *S, const PyxScope *s)
{
    const char *name = s->kind == PYX_SCOPE_LAMBDA || s->kind == PYX_SCOPE_COMPREHENSION
                       ? pyx_arena_printf(S->a, "<%s>", s->name) : s->name;
    const PyxScope *p = s->parent;
    if (p == NULL || p->kind == PYX_SCOPE_MODULE)
        return name;
    if (s->kind == PYX_SCOPE_FUNCTION || s->kind == PYX_SCOPE_CLASS) {
        PyxScopeEntry *e = pyx_scope_entry(p, s->name);
        if (e && e->binding == PYX_BIND_GLOBAL_EXPLICIT)
            return name;
    }
    bool locals = p->kind == PYX_SCOPE_FUNCTION || p->kind == PYX_SCOPE_LAMBDA;
    return pyx_arena_printf(S->a, "%s.%s%s", scope_qualname(S, p), locals ? "<locals>." : "", name);
}

/* A def inside a function, or a lambda: declared, its decorators, defaults
   and annotations checked where it stands (a def's were, by check_stmt),
   then its body in a scope of its own, with the cells of the enclosing
   functions' variables it uses. */
void check_closure(Sema *S, PyxNode *def)
{
    PyxFunc *f = declare_closure(S, def, scope_qualname(S, def->scope));
    if (f == NULL)
        return;
    for (const PyxScope *p = def->scope->parent; p && !f->nested; p = p->parent)
        f->nested = p->kind == PYX_SCOPE_FUNCTION || p->kind == PYX_SCOPE_LAMBDA || p->kind == PYX_SCOPE_COMPREHENSION;
    check_def_parts(S, def);
    if (def->kind == PYX_NODE_FUNCTION_DEF)
        bind_def_name(S, def);
    check_function(S, f, S->scope);
}

/* A generator expression: its first iterable is evaluated where it stands
   (check_expr), the rest is a generator function of its own, a closure
   whose parameter '.0' is that iterable's iterator (emit_gen.c). */
void check_genexp(Sema *S, PyxNode *e)
{
    PyxFunc *f = declare_closure(S, e, scope_qualname(S, e->scope));
    if (f == NULL)
        return;
    f->nested = S->func != NULL;
    check_function(S, f, S->scope);
}

/* Which variables live in cells: those a def or lambda uses from an
   enclosing function or comprehension (symtable.c's FREE names, resolved
   to the scope that binds them).  A comprehension's own use of a variable
   of its function needs no cell: it runs inline, in the function's C. */
static void mark_captured(PyxScope *s)
{
    if (s->kind == PYX_SCOPE_FUNCTION || s->kind == PYX_SCOPE_LAMBDA || s->kind == PYX_SCOPE_CLASS
        || (s->kind == PYX_SCOPE_COMPREHENSION && s->node->kind == PYX_NODE_GENERATOR)) {
        for (int i = 0; i < s->entries.len; i++) {
            PyxScopeEntry *e = s->entries.entries[i].value;
            /* (a class body runs inline: it needs a cell only for what it
               rebinds or deletes, a 'nonlocal' name) */
            if (s->kind == PYX_SCOPE_CLASS && !(e->flags & PYX_SYMF_NONLOCAL))
                continue;
            PyxScopeEntry *owner = e->binding == PYX_BIND_FREE ? pyx_scope_resolve(s, e->name) : NULL;
            if (owner && owner != e)
                owner->captured = true;
        }
    }
    for (int i = 0; i < s->nchildren; i++)
        mark_captured(s->children[i]);
}

/* A 'from m import *' among the module's statements (blocks included). */
static bool has_star_import(PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind == PYX_NODE_IMPORT_FROM && (s->flags & PYX_F(STAR)))
            return true;
        if (s->kind == PYX_NODE_FUNCTION_DEF || s->kind == PYX_NODE_CLASS_DEF)
            continue;
        if (has_star_import(&s->body) || has_star_import(&s->orelse) || has_star_import(&s->finalbody))
            return true;
        for (int j = 0; j < s->handlers.len; j++)
            if (has_star_import(&s->handlers.items[j]->body))
                return true;
        for (int j = 0; j < s->items.len && s->kind == PYX_NODE_MATCH; j++)
            if (has_star_import(&s->items.items[j]->body))
                return true;
    }
    return false;
}

PyxModuleInfo *pyx_sema(PyxArena *a, PyxNode *module, const char *modname, PyxDiag *d)
{
    Sema S = {0};
    S.a = a;
    S.d = d;
    S.star_loops = -1;
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
    /* after 'from m import *' any builtin may be shadowed: every name not
       defined here is looked up when it runs, module dict first */
    S.star_import = has_star_import(&module->body);
    for (int i = 0; builtin_names[i] && !S.star_import; i++)
        scope_add(&S, S.builtins, PYX_SYM_BUILTIN, builtin_names[i], &pyx_type_object, module->loc);
    if (module->body.len && module->body.items[0]->kind == PYX_NODE_EXPR_STMT
        && module->body.items[0]->value->kind == PYX_NODE_STR && !(module->body.items[0]->value->flags & PYX_F(BYTES))) {
        S.m->doc = module->body.items[0]->value->name;
        S.m->doc_len = (int)module->body.items[0]->value->len;
    }
    if (reject_gated_forms(&S, module))
        return S.m;
    mark_captured(module->scope);
    check_debug_names(&S, module);   /* '__debug__' is never bound (check_debug.c) */
    declare_module(&S, &module->body);
    /* bodies are checked even after declaration errors: the error type
       keeps one mistake from cascading, and the user sees them all (the
       closures inside them are added to funcs and checked with them) */
    for (int i = 0, n = S.m->nfuncs; i < n; i++)
        check_function(&S, S.m->funcs[i], S.module);
    /* the module body runs with the module scope */
    S.scope = S.module;
    S.dirs = &S.m->directives;
    check_stmts(&S, &module->body);
    return S.m;
}
