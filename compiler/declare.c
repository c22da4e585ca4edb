/* declare.c - declarations: C types as written resolved to PyxTypes,
 * function signatures with their Cython 3 exception specs, cdef variables,
 * extern blocks, ctypedefs, and the names a function or module binds
 * (Python decides scope per function, not per line).
 */
#include "profile.h"
#include "sema_int.h"

/* The C function type of a declaration: return type (object when absent)
   and parameter types; '(void)' means no parameters, '...' varargs. */
static PyxType *c_function_type(Sema *S, PyxNode *ret, PyxNodeList *params)
{
    PyxType *t = pyx_arena_new(S->a, PyxType);
    t->kind = PYX_TY_FUNC;
    t->base = ret ? resolve_ctype(S, ret) : &pyx_type_object;
    t->params = pyx_arena_alloc(S->a, sizeof(PyxType *) * (size_t)(params->len + 1));
    for (int i = 0; i < params->len; i++) {
        PyxNode *p = params->items[i];
        if (p->op == PYX_PARAM_CVARARGS) {
            t->varargs = true;
            continue;
        }
        t->params[t->nparams++] = p->ctype ? resolve_ctype(S, p->ctype) : &pyx_type_object;
    }
    if (t->nparams == 1 && t->params[0]->kind == PYX_TY_VOID)
        t->nparams = 0;
    t->name = pyx_type_decl(S->a, t, "");
    t->cname = t->name;
    return t;
}

/* CTYPE_* nodes -> PyxType; reports unknown names. */
PyxType *resolve_ctype(Sema *S, PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_CTYPE_NAME: {
        PyxType *t = NULL;
        bool words = (n->flags & (PYX_F(SIGNED) | PYX_F(UNSIGNED) | PYX_F(SHORT))) || n->op;
        if (words) {
            if (n->op == 1 && strcmp(n->name, "double") == 0 && !(n->flags & (PYX_F(SIGNED) | PYX_F(UNSIGNED) | PYX_F(SHORT)))) {
                unsupported(S, n, "long double");
                return &pyx_type_error;
            }
            t = pyx_type_by_words(n->name, n->flags & PYX_F(UNSIGNED), n->flags & PYX_F(SIGNED),
                                  n->flags & PYX_F(SHORT), n->op);
            if (t == NULL) {
                pyx_diag_error(S->d, n->loc, "invalid C type: signed/unsigned/short/long do not combine with '%s'", n->name);
                return &pyx_type_error;
            }
        } else {
            t = pyx_type_by_name(n->name);
            if (t == NULL) {
                PyxSymbol *sym = lookup(S, n->name);
                if (sym && sym->kind == PYX_SYM_TYPE)
                    t = sym->type;
            }
            if (t == NULL && strchr(n->name, '.') == NULL) {
                PyxSymbol *sym = scope_find(S->module, n->name);
                if (sym && sym->kind == PYX_SYM_TYPE)
                    t = sym->type;
            }
        }
        if (t == NULL) {
            pyx_diag_error(S->d, n->loc, "'%s' is not a type identifier", n->name);
            return &pyx_type_error;
        }
        if (n->items.len || n->keywords.len) {
            unsupported(S, n, "buffer or template arguments on a type");
            return &pyx_type_error;
        }
        return t;
    }
    case PYX_NODE_CTYPE_PTR: {
        PyxType *base = resolve_ctype(S, n->ctype);
        if (base->kind == PYX_TY_OBJECT) {
            unsupported(S, n, "pointers to Python objects");
            return &pyx_type_error;
        }
        return base->kind == PYX_TY_ERROR ? base : pyx_type_ptr(S->a, base);
    }
    case PYX_NODE_CTYPE_ARRAY: {
        PyxType *base = resolve_ctype(S, n->ctype);
        if (base->kind == PYX_TY_ERROR)
            return base;
        if (base->kind == PYX_TY_OBJECT) {
            unsupported(S, n, "C arrays of Python objects");
            return &pyx_type_error;
        }
        long len = -1;
        if (n->value) {
            bool ok = true;
            len = const_int_value(S, n->value, &ok);
            if (!ok || len <= 0) {
                pyx_diag_error(S->d, n->value->loc, "array size must be a positive integer constant");
                return &pyx_type_error;
            }
        }
        return pyx_type_array(S->a, base, len);
    }
    case PYX_NODE_CTYPE_FUNC:
        return c_function_type(S, n->ctype, &n->params);
    case PYX_NODE_CTYPE_MEMVIEW:
        unsupported(S, n, "typed memoryviews");
        return &pyx_type_error;
    default:
        PYX_UNREACHABLE();
    }
}

void add_include(Sema *S, const char *header)
{
    for (int i = 0; i < S->m->nincludes; i++)
        if (strcmp(S->m->includes[i], header) == 0)
            return;
    PYX_VEC_PUSH(S->a, S->m->includes, S->m->nincludes, S->m->cap_includes, header);
}

/* The Cython 3 exception rule for a C function (see PyxExcKind). */
static void set_exception_spec(Sema *S, PyxFunc *f)
{
    PyxNode *def = f->def;
    PyxNode *ec = def->except_clause;
    if (f->ret->kind == PYX_TY_OBJECT) {
        f->exc = PYX_EXC_NULL;
        f->exc_value = "NULL";
        if (def->flags & PYX_F(NOEXCEPT))
            f->exc = PYX_EXC_NONE;
        return;
    }
    if (def->flags & PYX_F(NOEXCEPT)) {
        f->exc = PYX_EXC_NONE;
        return;
    }
    if (ec && (ec->flags & PYX_F(EXC_PLUS))) {
        unsupported(S, ec, "C++ exception translation 'except +'");
        return;
    }
    if (ec && (ec->flags & PYX_F(EXC_STAR))) {
        f->exc = PYX_EXC_STAR;
        return;
    }
    if (ec && ec->value) {
        f->exc = (ec->flags & PYX_F(EXC_CHECK)) ? PYX_EXC_CHECK : PYX_EXC_VALUE;
        bool ok = true;
        PyxNode *v = ec->value;
        if (v->kind == PYX_NODE_NAME && strcmp(v->name, "NULL") == 0) {
            f->exc_value = "NULL";
        } else if (v->kind == PYX_NODE_FLOAT || (v->kind == PYX_NODE_UNARYOP && v->value->kind == PYX_NODE_FLOAT)) {
            f->exc_value = v->kind == PYX_NODE_FLOAT ? v->name : pyx_arena_printf(S->a, "-%s", v->value->name);
        } else {
            long val = const_int_value(S, v, &ok);
            if (!ok) {
                pyx_diag_error(S->d, v->loc, "exception value must be a constant");
                return;
            }
            f->exc_value = pyx_arena_printf(S->a, "%ld", val);
        }
        if (f->ret->kind == PYX_TY_VOID) {
            pyx_diag_error(S->d, ec->loc, "a void function cannot have an exception value; use 'except *'");
        }
        return;
    }
    /* Cython 3 default: propagate exceptions */
    switch (f->ret->kind) {
    case PYX_TY_VOID:
        f->exc = PYX_EXC_STAR;
        break;
    case PYX_TY_PTR:
        f->exc = PYX_EXC_CHECK;
        f->exc_value = "NULL";
        break;
    case PYX_TY_INT: case PYX_TY_BINT: case PYX_TY_FLOAT:
        f->exc = PYX_EXC_CHECK;
        f->exc_value = f->ret->kind == PYX_TY_FLOAT ? "-1.0" : "-1";
        break;
    default:
        f->exc = PYX_EXC_STAR;
    }
}

/* Python rebinds a def's name at each def statement; C functions (cdef,
   cpdef) are bound once, at compile time. */
static bool redefinable(const PyxSymbol *prev, bool is_c)
{
    return prev && prev->kind == PYX_SYM_FUNC && prev->func && !prev->func->is_c && !is_c;
}

/* A def whose body yields: a generator function (emit_gen.c). */
static void declare_generator(Sema *S, PyxFunc *f, const char *stem)
{
    /* an async def; an asynchronous generator expression (an 'async for' or
       an await inside) is an async generator */
    bool coroutine = (f->def->flags & PYX_F(ASYNC)) != 0
                     || (f->def->kind == PYX_NODE_GENERATOR && f->def->scope->is_coroutine);
    if (f->is_c) {
        unsupported(S, f->def, coroutine ? "cdef and cpdef coroutines" : "cdef and cpdef generators");
        return;
    }
    f->generator = true;
    f->coroutine = coroutine;
    f->async_gen = coroutine && f->def->scope && f->def->scope->is_generator;
    f->gen_body = pyx_name_gen_body(&S->m->naming, stem);
    f->gen_frame = pyx_name_gen_frame(&S->m->naming, stem);
    f->gen_def = pyx_name_gen_def(&S->m->naming, stem);
    if (f->profile)
        unsupported(S, f->def, "profiling generators (the 'profile' and 'linetrace' directives)");
}

/* A function's signature (parameters and return type, before its body is
   read), directives, decorators and docstring; its C names use 'stem'. */
static PyxFunc *new_function(Sema *S, PyxNode *def, const char *stem)
{
    PyxFunc *f = pyx_arena_new(S->a, PyxFunc);
    f->def = def;
    f->name = def->kind == PYX_NODE_LAMBDA ? "<lambda>" : def->kind == PYX_NODE_GENERATOR ? "<genexpr>" : def->name;
    f->qualname = f->name;
    def->func = f;
    f->is_c = (def->flags & (PYX_F(CDEF) | PYX_F(CPDEF))) != 0;
    f->is_py = !(def->flags & PYX_F(CDEF));
    f->cname = pyx_name_func_body(&S->m->naming, stem);
    f->wcname = pyx_name_func_wrapper(&S->m->naming, stem);
    f->mdef = pyx_name_method_def(&S->m->naming, stem);
    f->dflt = pyx_arena_alloc(S->a, sizeof(char *) * (size_t)(def->params.len + 1));
    for (int i = 0; i < def->params.len; i++)
        if (def->params.items[i]->value)
            f->dflt[i] = pyx_name_default(&S->m->naming, stem, i);
    f->directives = *S->dirs;   /* the module's, or a 'with cython.name(value):' block's */
    for (int i = 0; i < def->decorators.len; i++) {
        PyxNode *dec = def->decorators.items[i];
        if (pyx_directive_call(&f->directives, dec, S->a, S->d))
            continue;
        if (dec->kind == PYX_NODE_ATTRIBUTE && dec->value->kind == PYX_NODE_NAME
            && strcmp(dec->value->name, "cython") == 0
            && (strcmp(dec->name, "ccall") == 0 || strcmp(dec->name, "cfunc") == 0
                || strcmp(dec->name, "inline") == 0 || strcmp(dec->name, "final") == 0))
            continue;
        if (f->is_c)
            pyx_diag_error(S->d, dec->loc, "cdef functions cannot take arbitrary decorators");
        else
            pyx_list_push(S->a, &f->decorators, dec);
    }
    pyx_profile_decide(S->m, f, stem);
    if ((def->flags & PYX_F(ASYNC)) || (def->scope && def->scope->is_generator))
        declare_generator(S, f, stem);
    if (def->type_params.len)
        unsupported(S, def, "type parameters on functions");
    f->ret = def->ctype ? resolve_ctype(S, def->ctype) : &pyx_type_object;
    if (!f->is_c && def->ctype == NULL && def->annotation)
        f->ret = &pyx_type_object;   /* def annotations do not type the result */
    if (f->ret->kind == PYX_TY_ARRAY) {
        pyx_diag_error(S->d, def->loc, "a function cannot return a C array");
        f->ret = &pyx_type_error;
    }
    if (f->is_py && f->ret->kind != PYX_TY_OBJECT && f->ret->kind != PYX_TY_ERROR
        && !pyx_type_is_numeric(f->ret) && f->ret->kind != PYX_TY_VOID) {
        pyx_diag_error(S->d, def->loc, "a cpdef function must return a type Python can represent, not '%s'", f->ret->name);
    }
    f->params = pyx_arena_alloc(S->a, sizeof(PyxSymbol *) * (size_t)(def->params.len + 1));
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (p->name == NULL || p->op == PYX_PARAM_CVARARGS) {
            pyx_diag_error(S->d, p->loc, "parameter needs a name in a function definition");
            continue;
        }
        if (f->is_c && p->op != PYX_PARAM_NORMAL) {
            pyx_diag_error(S->d, p->loc, "cdef and cpdef functions take positional parameters only");
            continue;
        }
        PyxType *t = &pyx_type_object;
        if (p->op == PYX_PARAM_VARARGS || p->op == PYX_PARAM_VARKW) {
            if (p->ctype)
                pyx_diag_error(S->d, p->loc, "'%s' cannot have a C type", p->name);
            t = pyx_type_builtin(p->op == PYX_PARAM_VARARGS ? PYX_BI_TUPLE : PYX_BI_DICT);
            PyxScopeEntry *e = def->scope ? pyx_scope_entry(def->scope, p->name) : NULL;
            if (e && (e->flags & PYX_SYMF_ASSIGNED))
                t = &pyx_type_object;   /* rebound in the body ('args = {...}'): any object, as in Python */
        } else if (p->ctype) {
            t = resolve_ctype(S, p->ctype);
        }
        if (t->kind == PYX_TY_VOID) {
            pyx_diag_error(S->d, p->loc, "parameter '%s' cannot have type void", p->name);
            t = &pyx_type_error;
        }
        if (f->is_py && t->kind == PYX_TY_PTR) {
            pyx_diag_error(S->d, p->loc, "parameter '%s' of a def or cpdef function cannot be a C pointer", p->name);
            t = &pyx_type_error;
        }
        if (t->kind == PYX_TY_ARRAY)
            t = pyx_type_ptr(S->a, t->base);
        for (int j = 0; j < f->nparams; j++)
            if (strcmp(f->params[j]->name, p->name) == 0)
                pyx_diag_error(S->d, p->loc, "duplicate argument '%s' in function definition", p->name);
        PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
        sym->kind = PYX_SYM_LOCAL;
        sym->name = p->name;
        sym->type = t;
        sym->loc = p->loc;
        sym->is_param = true;
        sym->declared = p->ctype != NULL;
        sym->cname = pyx_name_local(&S->m->naming, p->name);
        p->sym = sym;
        f->params[f->nparams++] = sym;
        if ((p->flags & (PYX_F(NOT_NONE) | PYX_F(OR_NONE))) && t->kind != PYX_TY_OBJECT)
            pyx_diag_error(S->d, p->loc, "'not None' and 'or None' only apply to Python object parameters");
    }
    if (f->is_c)
        set_exception_spec(S, f);
    /* docstring */
    if (def->body.len && def->body.items[0]->kind == PYX_NODE_EXPR_STMT
        && def->body.items[0]->value->kind == PYX_NODE_STR && !(def->body.items[0]->value->flags & PYX_F(BYTES))) {
        f->doc = def->body.items[0]->value->name;
        f->doc_len = (int)def->body.items[0]->value->len;
    }
    return f;
}

/* A module-level def, cdef or cpdef: a C function of the module, bound in
   the module's scope. */
static void declare_function(Sema *S, PyxNode *def)
{
    /* a def may be redefined, as in Python: the k-th redefinition's C names
       use the stem 'k_name', which no Python identifier can spell */
    PyxSymbol *prev = scope_find(S->module, def->name);
    bool is_c = (def->flags & (PYX_F(CDEF) | PYX_F(CPDEF))) != 0;
    const char *stem = def->name;
    if (redefinable(prev, is_c))
        stem = pyx_arena_printf(S->a, "%d_%s", ++prev->redefinitions, def->name);
    PyxFunc *f = new_function(S, def, stem);
    f->closure = S->loop_depth > 0;   /* a def in a loop runs again: each object keeps its defaults */
    decide_signature(S, f, stem);
    if (prev && (prev->kind != PYX_SYM_PYGLOBAL || f->is_c) && !redefinable(prev, is_c)) {
        pyx_diag_error(S->d, def->loc, "'%s' redeclared", def->name);
        pyx_diag_note(S->d, prev->loc, "previous declaration of '%s' is here", def->name);
        return;
    }
    PyxSymbol *sym = prev ? prev : scope_add(S, S->module, PYX_SYM_FUNC, def->name, &pyx_type_object, def->loc);
    sym->kind = PYX_SYM_FUNC;
    sym->func = f;
    sym->declared = true;
    def->sym = sym;
    PYX_VEC_PUSH(S->a, S->m->funcs, S->m->nfuncs, S->m->cap_funcs, f);
}

/* A def inside a function, or a lambda anywhere: a function whose object
   each run of the def makes anew (its defaults, its closure), named after
   its place (qualname) and with the stem 'N_name' ('N_lambda').  NULL for a
   cdef or cpdef function, which cannot be nested. */
PyxFunc *declare_closure(Sema *S, PyxNode *def, const char *qualname)
{
    if (def->flags & (PYX_F(CDEF) | PYX_F(CPDEF))) {
        pyx_diag_error(S->d, def->loc, "cdef statement not allowed here");
        return NULL;
    }
    const char *stem = pyx_name_nested(&S->m->naming, def->kind == PYX_NODE_LAMBDA ? "lambda"
                                                      : def->kind == PYX_NODE_GENERATOR ? "genexpr" : def->name);
    PyxFunc *f = new_function(S, def, stem);
    f->closure = true;
    f->parent = S->func;
    f->qualname = qualname;
    decide_signature(S, f, stem);
    PYX_VEC_PUSH(S->a, S->m->funcs, S->m->nfuncs, S->m->cap_funcs, f);
    return f;
}

/* cdef variables: at module level they are C statics, in functions C locals. */
static void declare_cvars(Sema *S, PyxNode *stmt, Scope *scope)
{
    stmt->sflags |= PYX_SF(DECLARED);   /* check_stmt types its initialisers */
    if (stmt->flags & (PYX_F(PUBLIC) | PYX_F(READONLY)))
        pyx_diag_error(S->d, stmt->loc, "'public' and 'readonly' apply to cdef class attributes only");
    for (int i = 0; i < stmt->items.len; i++) {
        PyxNode *v = stmt->items.items[i];
        PyxType *t = resolve_ctype(S, v->ctype);
        if (t->kind == PYX_TY_VOID) {
            pyx_diag_error(S->d, v->loc, "variable '%s' cannot have type void", v->name);
            t = &pyx_type_error;
        }
        PyxSymbol *prev = scope_find(scope, v->name);
        if (prev) {
            if (prev->declared || prev->kind != PYX_SYM_PYGLOBAL) {
                pyx_diag_error(S->d, v->loc, "'%s' redeclared", v->name);
                pyx_diag_note(S->d, prev->loc, "previous declaration of '%s' is here", v->name);
                continue;
            }
        }
        PyxSymbol *sym = prev ? prev : scope_add(S, scope, PYX_SYM_LOCAL, v->name, t, v->loc);
        sym->type = t;
        sym->declared = true;
        sym->loc = v->loc;
        if (scope == S->module) {
            sym->kind = PYX_SYM_CGLOBAL;
            sym->cname = pyx_name_cglobal(&S->m->naming, v->name);
            PYX_VEC_PUSH(S->a, S->m->cglobals, S->m->ncglobals, S->m->cap_cglobals, sym);
        } else {
            sym->kind = PYX_SYM_LOCAL;
            sym->cname = pyx_name_local(&S->m->naming, v->name);
            if (captured(S, v->name) && capturable(S, sym, v->loc)) {
                sym->kind = PYX_SYM_CELL;
                sym->cname = pyx_name_cell(&S->m->naming, v->name);
            }
            PYX_VEC_PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
        }
        v->sym = sym;
    }
}

static void declare_extern_block(Sema *S, PyxNode *blk)
{
    if (strcmp(blk->name, "*") != 0)
        add_include(S, blk->name);
    for (int i = 0; i < blk->body.len; i++) {
        PyxNode *s = blk->body.items[i];
        if (s->kind == PYX_NODE_FUNCTION_DEF) {
            PyxType *t = c_function_type(S, s->ctype, &s->params);
            if (scope_find(S->module, s->name)) {
                pyx_diag_error(S->d, s->loc, "'%s' redeclared", s->name);
                continue;
            }
            PyxSymbol *sym = scope_add(S, S->module, PYX_SYM_EXTERN, s->name, t, s->loc);
            sym->cname = s->name;
            sym->declared = true;
        } else if (s->kind == PYX_NODE_CDEF_VARS) {
            for (int j = 0; j < s->items.len; j++) {
                PyxNode *v = s->items.items[j];
                PyxSymbol *sym = scope_add(S, S->module, PYX_SYM_EXTERN, v->name, resolve_ctype(S, v->ctype), v->loc);
                sym->cname = v->name;
                sym->declared = true;
            }
        } else if (s->kind == PYX_NODE_PASS || (s->kind == PYX_NODE_EXPR_STMT && s->value->kind == PYX_NODE_STR)) {
            if (s->kind == PYX_NODE_EXPR_STMT && strcmp(blk->name, "*") == 0)
                unsupported(S, s, "verbatim C code in 'cdef extern from *' blocks");
        } else {
            unsupported(S, s, "this declaration in an extern block (only functions and variables so far)");
        }
    }
}

/* 'with cython.name(value), ...:' at module level: true, with the
   directives its body runs under in *inner.  Bad directives are reported
   when the block is checked (check_stmt.c), not here. */
static bool directive_block(Sema *S, PyxNode *s, PyxDirectives *inner)
{
    PyxDiag quiet;
    pyx_diag_init(&quiet, NULL);
    quiet.quiet = 1;
    *inner = *S->dirs;
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *it = s->items.items[i];
        PyxNode *v = it->value;
        bool cython_call = v->kind == PYX_NODE_CALL && v->value->kind == PYX_NODE_ATTRIBUTE
                           && (v->value->value->kind == PYX_NODE_NAME || v->value->value->kind == PYX_NODE_ATTRIBUTE);
        if (!cython_call || it->target || !pyx_directive_call(inner, v, S->a, &quiet))
            return false;
    }
    return true;
}

static void declare_stmts(Sema *S, PyxNodeList *body, bool nested);

/* The defs inside a module-level if, loop, try or with block: module
   functions too, bound when their def statement runs, as in Python. */
static void declare_nested(Sema *S, PyxNode *s)
{
    declare_stmts(S, &s->body, true);
    declare_stmts(S, &s->orelse, true);
    declare_stmts(S, &s->finalbody, true);
    for (int j = 0; j < s->handlers.len; j++)
        declare_stmts(S, &s->handlers.items[j]->body, true);
    if (s->kind == PYX_NODE_MATCH)
        for (int j = 0; j < s->items.len; j++)
            declare_stmts(S, &s->items.items[j]->body, true);
}

static void declare_stmts(Sema *S, PyxNodeList *body, bool nested)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (nested && s->kind != PYX_NODE_FUNCTION_DEF && s->kind != PYX_NODE_WITH && s->kind != PYX_NODE_IF
            && s->kind != PYX_NODE_FOR && s->kind != PYX_NODE_WHILE && s->kind != PYX_NODE_TRY && s->kind != PYX_NODE_MATCH)
            continue;   /* declarations in blocks are check_stmt.c's to refuse */
        switch (s->kind) {
        case PYX_NODE_FUNCTION_DEF:
            if (nested && (s->flags & (PYX_F(CDEF) | PYX_F(CPDEF)))) {
                pyx_diag_error(S->d, s->loc, "cdef statement not allowed here");
                break;
            }
            declare_function(S, s);
            break;
        case PYX_NODE_WITH: {
            PyxDirectives inner, *outer = S->dirs;
            if (!directive_block(S, s, &inner)) {
                declare_nested(S, s);
                break;
            }
            S->dirs = &inner;
            declare_stmts(S, &s->body, nested);
            S->dirs = outer;
            break;
        }
        case PYX_NODE_FOR: case PYX_NODE_WHILE:
            S->loop_depth++;
            declare_nested(S, s);
            S->loop_depth--;
            break;
        case PYX_NODE_IF: case PYX_NODE_TRY: case PYX_NODE_MATCH:
            declare_nested(S, s);
            break;
        case PYX_NODE_CDEF_VARS:
            declare_cvars(S, s, S->module);
            break;
        case PYX_NODE_CDEF_BLOCK:
            for (int j = 0; j < s->body.len; j++) {
                PyxNode *inner = s->body.items[j];
                if (inner->kind == PYX_NODE_CDEF_VARS)
                    declare_cvars(S, inner, S->module);
                else if (inner->kind != PYX_NODE_PASS)
                    unsupported(S, inner, "function declarations in 'cdef:' blocks");
            }
            break;
        case PYX_NODE_CIMPORT_FROM:
            if (s->flags & PYX_F(STAR)) {
                unsupported(S, s, "'cimport *'");
                break;
            }
            if (s->name == NULL || s->level) {
                unsupported(S, s, "relative cimports");
                break;
            }
            if (strcmp(s->name, "cython") == 0)
                break;
            for (int j = 0; j < s->items.len; j++)
                declare_libc(S, s, s->items.items[j]);
            break;
        case PYX_NODE_CIMPORT:
            for (int j = 0; j < s->items.len; j++) {
                PyxNode *al = s->items.items[j];
                if (strcmp(al->name, "cython") != 0 && strncmp(al->name, "libc", 4) != 0)
                    unsupported(S, al, "cimport of modules other than cython and libc");
                scope_add(S, S->module, PYX_SYM_MODULE, al->asname ? al->asname : al->name, &pyx_type_error, al->loc);
            }
            break;
        case PYX_NODE_EXTERN_BLOCK:
            declare_extern_block(S, s);
            break;
        case PYX_NODE_CTYPEDEF:
            if (s->value || s->kind == PYX_NODE_FUSED_DEF) {
                unsupported(S, s, "ctypedef of structs and enums");
                break;
            }
            if (scope_find(S->module, s->name)) {
                pyx_diag_error(S->d, s->loc, "'%s' redeclared", s->name);
                break;
            }
            scope_add(S, S->module, PYX_SYM_TYPE, s->name, resolve_ctype(S, s->ctype), s->loc);
            break;
        case PYX_NODE_DEF_CONST: {
            PyxSymbol *sym = scope_add(S, S->module, PYX_SYM_EXTERN, s->name, &pyx_type_error, s->loc);
            sym->value = s->value;
            break;
        }
        default:
            break;
        }
    }
}

void declare_module(Sema *S, PyxNodeList *body)
{
    declare_stmts(S, body, false);
    /* the names the module body binds in Python (symtable.c): globals in its dict */
    for (int i = 0; i < S->module->py->entries.len; i++) {
        PyxScopeEntry *e = S->module->py->entries.entries[i].value;
        if ((e->flags & PYX_SYMF_BOUND) && !(e->flags & PYX_SYMF_C) && !scope_find(S->module, e->name))
            scope_add(S, S->module, PYX_SYM_PYGLOBAL, e->name, &pyx_type_object, e->loc);
    }
}

/* ---- function bodies ------------------------------------------------------------- */

/* Does a def or lambda inside the function being checked use its variable
   'name' (so that it lives in a cell)? */
bool captured(Sema *S, const char *name)
{
    PyxScopeEntry *e = S->scope->py ? pyx_scope_entry(S->scope->py, name) : NULL;
    return e && e->captured;
}

/* A captured variable lives in a cell, as a Python object: one of a C type
   is boxed there, which C numbers can be; false (with an error) for the
   rest, which pyxc cannot capture. */
bool capturable(Sema *S, PyxSymbol *sym, PyxLoc loc)
{
    PyxType *t = sym->type;
    if (t == NULL || t->kind == PYX_TY_OBJECT || t->kind == PYX_TY_ERROR || pyx_type_is_numeric(t))
        return true;
    pyx_diag_error(S->d, loc, "a closure cannot capture '%s', of C type '%s': pyxc keeps a captured variable "
                   "in a cell, as a Python object, and only C numbers convert to one", sym->name, t->name);
    return false;
}

void bind_local(Sema *S, const char *name, PyxLoc loc)
{
    Scope *fs = S->scope;
    PyxSymbol *sym = scope_add(S, fs, PYX_SYM_LOCAL, name, NULL, loc);   /* type decided by inference */
    sym->cname = pyx_name_local(&S->m->naming, name);
    if (captured(S, name)) {   /* a cell holds an object */
        sym->kind = PYX_SYM_CELL;
        sym->type = &pyx_type_object;
        sym->cname = pyx_name_cell(&S->m->naming, name);
    }
    PYX_VEC_PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
}

/* The cdef declarations of one function, found before anything is typed
   (only at its top level, as Cython allows). */
void collect_declarations(Sema *S, PyxNodeList *body, bool top)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind == PYX_NODE_GLOBAL) {
            continue;   /* symtable.c has them */
        } else if (s->kind == PYX_NODE_CDEF_VARS || s->kind == PYX_NODE_CDEF_BLOCK) {
            if (!top) {
                pyx_diag_error(S->d, s->loc, "cdef statement not allowed here");
                s->sflags |= PYX_SF(DECLARED);   /* reported once */
                continue;
            }
            if (s->kind == PYX_NODE_CDEF_VARS)
                declare_cvars(S, s, S->scope);
            else
                for (int j = 0; j < s->body.len; j++)
                    if (s->body.items[j]->kind == PYX_NODE_CDEF_VARS)
                        declare_cvars(S, s->body.items[j], S->scope);
        } else if (s->kind == PYX_NODE_FUNCTION_DEF || s->kind == PYX_NODE_CLASS_DEF) {
            continue;   /* their bodies are scopes of their own */
        } else {
            collect_declarations(S, &s->body, false);
            collect_declarations(S, &s->orelse, false);
            collect_declarations(S, &s->finalbody, false);
            for (int j = 0; j < s->handlers.len; j++)
                collect_declarations(S, &s->handlers.items[j]->body, false);
        }
    }
}
