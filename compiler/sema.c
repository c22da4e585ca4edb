/* sema.c - scopes, name resolution, typing and inference (see sema.h).
 *
 * Three steps over the module:
 *   1. declare: every module-level name (functions with their C signatures,
 *      cdef globals, cimported and extern C names, ctypedefs, Python globals);
 *   2. per function: collect locals (parameters, cdef declarations, assigned
 *      names), infer the types of untyped locals (see infer_locals), then
 *   3. type every statement and expression, checking assignments and calls.
 * Constructs the back end cannot compile yet are reported here by name, so
 * emit.c only ever sees what it supports.
 *
 * Type inference (Cython's "safe" mode, infer_types=None):
 *   - an untyped local every assignment of which is a C floating-point value
 *     becomes a C double;
 *   - an untyped local assigned only as the target of 'for x in range(...)'
 *     with C integer bounds, and never used as an operand of arithmetic,
 *     becomes a C integer of the bounds' type;
 *   - everything else untyped stays a Python object, so integer arithmetic
 *     on it keeps Python's unbounded semantics (the tutorial's 'cdef int
 *     result' loop raises OverflowError instead of wrapping).
 */
#include "sema.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- scopes --------------------------------------------------------------- */

typedef struct Scope Scope;
struct Scope {
    Scope *parent;
    PyxSymbol **syms;
    int len, cap;
    PyxFunc *func;         /* NULL for the module scope */
    const char **globals;  /* names declared 'global' in this function */
    int nglobals, cap_globals;
};

typedef struct Sema {
    PyxArena *a;
    PyxDiag *d;
    PyxModuleInfo *m;
    Scope *builtins;       /* parent of the module scope */
    Scope *module;
    Scope *scope;          /* current */
    PyxFunc *func;         /* current function, NULL at module level */
    int loop_depth;
    int guard;             /* nesting of finally bodies and except handlers */
    int loop_guard;        /* guard when the innermost loop started: break and
                              continue may not leave a guarded block yet */
    int infer_pass;        /* 1 while collecting assignment types for inference */
} Sema;

static PyxSymbol *scope_find(Scope *s, const char *name)
{
    for (int i = 0; i < s->len; i++)
        if (strcmp(s->syms[i]->name, name) == 0)
            return s->syms[i];
    return NULL;
}

static PyxSymbol *scope_add(Sema *S, Scope *s, PyxSymKind kind, const char *name, PyxType *t, PyxLoc loc)
{
    PyxSymbol *sym = pyx_arena_new(S->a, PyxSymbol);
    sym->kind = kind;
    sym->name = name;
    sym->type = t;
    sym->loc = loc;
    if (s->len == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        PyxSymbol **n = pyx_arena_alloc(S->a, sizeof *n * (size_t)cap);
        if (s->len)
            memcpy(n, s->syms, sizeof *n * (size_t)s->len);
        s->syms = n;
        s->cap = cap;
    }
    s->syms[s->len++] = sym;
    return sym;
}

#define PUSH(a, arr, len, cap, item)                                             \
    do {                                                                         \
        if ((len) == (cap)) {                                                    \
            int c_ = (cap) ? (cap) * 2 : 8;                                      \
            void *n_ = pyx_arena_alloc((a), sizeof *(arr) * (size_t)c_);         \
            if (len)                                                             \
                memcpy(n_, (arr), sizeof *(arr) * (size_t)(len));                \
            (arr) = n_;                                                          \
            (cap) = c_;                                                          \
        }                                                                        \
        (arr)[(len)++] = (item);                                                 \
    } while (0)

static bool is_global_in(Scope *s, const char *name)
{
    for (int i = 0; i < s->nglobals; i++)
        if (strcmp(s->globals[i], name) == 0)
            return true;
    return false;
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
static PyxSymbol *lookup(Sema *S, const char *name)
{
    for (Scope *s = S->scope; s; s = s->parent) {
        if (s->func && is_global_in(s, name))
            continue;
        PyxSymbol *sym = scope_find(s, name);
        if (sym)
            return sym;
    }
    return NULL;
}

/* ---- errors ----------------------------------------------------------------- */

static void unsupported(Sema *S, PyxNode *n, const char *what)
{
    pyx_diag_unsupported(S->d, n->loc, what);
}

static PyxType *type_error(PyxNode *n)
{
    n->type = &pyx_type_error;
    return n->type;
}

/* ---- C types from syntax ------------------------------------------------------ */

static long const_int_value(Sema *S, PyxNode *e, bool *ok);

static PyxType *resolve_ctype(Sema *S, PyxNode *n);

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
static PyxType *resolve_ctype(Sema *S, PyxNode *n)
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

/* ---- constants -------------------------------------------------------------------- */

/* Value of an integer literal as written (any base, underscores); ok=false
   when it does not fit in a C long. */
static long parse_int_literal(const char *s, bool *ok)
{
    char buf[128];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof buf; p++)
        if (*p != '_')
            buf[n++] = *p;
    buf[n] = '\0';
    int base = 10;
    const char *digits = buf;
    if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')) { base = 16; digits = buf + 2; }
    else if (buf[0] == '0' && (buf[1] == 'o' || buf[1] == 'O')) { base = 8; digits = buf + 2; }
    else if (buf[0] == '0' && (buf[1] == 'b' || buf[1] == 'B')) { base = 2; digits = buf + 2; }
    errno = 0;
    char *end;
    long v = strtol(digits, &end, base);
    if (errno || *end || end == digits) {
        *ok = false;
        return 0;
    }
    return v;
}

/* Evaluates an integer constant expression (literals, DEF names, + - * // % **
   << and unary minus).  ok=false when it is not one or overflows a C long. */
static long const_int_value(Sema *S, PyxNode *e, bool *ok)
{
    switch (e->kind) {
    case PYX_NODE_INT:
        return parse_int_literal(e->name, ok);
    case PYX_NODE_NAME: {
        PyxSymbol *sym = lookup(S, e->name);
        if (sym && sym->value)
            return const_int_value(S, sym->value, ok);
        *ok = false;
        return 0;
    }
    case PYX_NODE_UNARYOP: {
        long v = const_int_value(S, e->value, ok);
        if (e->op == PYX_OP_UMINUS) {
            if (v == LONG_MIN)
                *ok = false;
            return -v;
        }
        if (e->op == PYX_OP_UPLUS)
            return v;
        *ok = false;
        return 0;
    }
    case PYX_NODE_BINOP: {
        long a = const_int_value(S, e->left, ok);
        long b = *ok ? const_int_value(S, e->right, ok) : 0;
        long r = 0;
        if (!*ok)
            return 0;
        switch (e->op) {
        case PYX_OP_ADD: *ok = !__builtin_add_overflow(a, b, &r); return r;
        case PYX_OP_SUB: *ok = !__builtin_sub_overflow(a, b, &r); return r;
        case PYX_OP_MUL: *ok = !__builtin_mul_overflow(a, b, &r); return r;
        case PYX_OP_FLOORDIV: case PYX_OP_MOD:
            if (b == 0 || (a == LONG_MIN && b == -1)) {
                *ok = false;
                return 0;
            } else {
                long q = a / b, m = a % b;
                if (m != 0 && ((m < 0) != (b < 0))) {
                    q--;
                    m += b;
                }
                return e->op == PYX_OP_MOD ? m : q;
            }
        case PYX_OP_POW:
            if (b < 0) {
                *ok = false;
                return 0;
            }
            r = 1;
            for (long i = 0; i < b && *ok; i++)
                *ok = !__builtin_mul_overflow(r, a, &r);
            return r;
        case PYX_OP_LSHIFT:
            if (b < 0 || b >= 62 || a < 0 || a > (LONG_MAX >> b)) {
                *ok = false;
                return 0;
            }
            return a << b;
        default:
            *ok = false;
            return 0;
        }
    }
    default:
        *ok = false;
        return 0;
    }
}

/* ---- declarations ----------------------------------------------------------------- */

static void check_stmts(Sema *S, PyxNodeList *body);
static PyxType *check_expr(Sema *S, PyxNode *e);

/* The libc names pyxc knows for 'from libc.X cimport ...' (what Cython's
   bundled .pxd files declare), with their C types written as declarations. */
typedef struct LibcDecl {
    const char *module, *name, *header;
    const char *ret;           /* return type name; NULL for constants */
    const char *params;        /* comma-separated parameter type names */
} LibcDecl;

static const LibcDecl libc_decls[] = {
    {"libc.stdlib", "malloc", "stdlib.h", "void*", "size_t"},
    {"libc.stdlib", "calloc", "stdlib.h", "void*", "size_t,size_t"},
    {"libc.stdlib", "realloc", "stdlib.h", "void*", "void*,size_t"},
    {"libc.stdlib", "free", "stdlib.h", "void", "void*"},
    {"libc.stdlib", "abs", "stdlib.h", "int", "int"},
    {"libc.stdlib", "labs", "stdlib.h", "long", "long"},
    {"libc.stdlib", "llabs", "stdlib.h", "long long", "long long"},
    {"libc.stdlib", "rand", "stdlib.h", "int", ""},
    {"libc.stdlib", "srand", "stdlib.h", "void", "unsigned int"},
    {"libc.stdlib", "RAND_MAX", "stdlib.h", NULL, "int"},
    {"libc.string", "memset", "string.h", "void*", "void*,int,size_t"},
    {"libc.string", "memcpy", "string.h", "void*", "void*,void*,size_t"},
    {"libc.string", "memmove", "string.h", "void*", "void*,void*,size_t"},
    {"libc.string", "strlen", "string.h", "size_t", "char*"},
    {"libc.math", "M_PI", "math.h", NULL, "double"},
    {"libc.math", "M_E", "math.h", NULL, "double"},
    {"libc.math", "INFINITY", "math.h", NULL, "double"},
    {"libc.math", "NAN", "math.h", NULL, "double"},
    {"libc.math", "HUGE_VAL", "math.h", NULL, "double"},
    {"libc.limits", "INT_MAX", "limits.h", NULL, "int"},
    {"libc.limits", "INT_MIN", "limits.h", NULL, "int"},
    {"libc.limits", "LONG_MAX", "limits.h", NULL, "long"},
    {"libc.limits", "LONG_MIN", "limits.h", NULL, "long"},
    {"libc.limits", "LLONG_MAX", "limits.h", NULL, "long long"},
    {"libc.limits", "LLONG_MIN", "limits.h", NULL, "long long"},
    {"libc.limits", "UINT_MAX", "limits.h", NULL, "unsigned int"},
    {NULL, NULL, NULL, NULL, NULL},
};

static const char *const libm_unary[] = {
    "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log",
    "log2", "log10", "log1p", "expm1", "fabs", "floor", "ceil", "trunc", "round", "cbrt",
    "erf", "erfc", "tgamma", "lgamma", NULL,
};
static const char *const libm_binary[] = {"pow", "atan2", "fmod", "hypot", "fmin", "fmax", "copysign", NULL};

static PyxType *type_from_spelling(Sema *S, const char *s)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    size_t n = strlen(buf);
    int ptr = 0;
    while (n && buf[n - 1] == '*') {
        buf[--n] = '\0';
        ptr++;
    }
    PyxType *t;
    if (strcmp(buf, "long long") == 0)
        t = &pyx_type_longlong;
    else if (strcmp(buf, "unsigned int") == 0)
        t = &pyx_type_uint;
    else
        t = pyx_type_by_name(buf);
    PYX_ASSERT(t != NULL);
    while (ptr--)
        t = pyx_type_ptr(S->a, t);
    return t;
}

static PyxType *func_type(Sema *S, PyxType *ret, const char *params)
{
    PyxType *t = pyx_arena_new(S->a, PyxType);
    t->kind = PYX_TY_FUNC;
    t->base = ret;
    t->params = pyx_arena_alloc(S->a, sizeof(PyxType *) * 4);
    char buf[96];
    snprintf(buf, sizeof buf, "%s", params);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ","))
        t->params[t->nparams++] = type_from_spelling(S, tok);
    t->name = pyx_type_decl(S->a, t, "");
    t->cname = t->name;
    return t;
}

static void add_include(Sema *S, const char *header)
{
    for (int i = 0; i < S->m->nincludes; i++)
        if (strcmp(S->m->includes[i], header) == 0)
            return;
    PUSH(S->a, S->m->includes, S->m->nincludes, S->m->cap_includes, header);
}

/* from libc.X cimport name [as alias] */
static void declare_libc(Sema *S, PyxNode *stmt, PyxNode *alias)
{
    const char *mod = stmt->name;
    const char *local = alias->asname ? alias->asname : alias->name;
    PyxType *t = NULL;
    const char *header = NULL;
    if (strcmp(mod, "libc.math") == 0) {
        for (int i = 0; libm_unary[i] && !t; i++)
            if (strcmp(libm_unary[i], alias->name) == 0)
                t = func_type(S, &pyx_type_double, "double");
        for (int i = 0; libm_binary[i] && !t; i++)
            if (strcmp(libm_binary[i], alias->name) == 0)
                t = func_type(S, &pyx_type_double, "double,double");
        header = "math.h";
    }
    for (int i = 0; libc_decls[i].module && !t; i++) {
        const LibcDecl *l = &libc_decls[i];
        if (strcmp(l->module, mod) == 0 && strcmp(l->name, alias->name) == 0) {
            t = l->ret ? func_type(S, type_from_spelling(S, l->ret), l->params) : type_from_spelling(S, l->params);
            header = l->header;
        }
    }
    if (t == NULL) {
        if (strncmp(mod, "libc.", 5) == 0)
            pyx_diag_error(S->d, alias->loc, "'%s' is not declared in %s (pyxc knows a subset of libc so far)",
                           alias->name, mod);
        else
            pyx_diag_unsupported(S->d, alias->loc, "cimport from modules other than libc.*");
        return;
    }
    add_include(S, header);
    if (scope_find(S->module, local)) {
        pyx_diag_error(S->d, alias->loc, "'%s' redeclared", local);
        return;
    }
    PyxSymbol *sym = scope_add(S, S->module, PYX_SYM_EXTERN, local, t, alias->loc);
    sym->cname = alias->name;
    sym->declared = true;
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

static bool is_cython_directive(PyxNode *dec, const char *name, bool *value)
{
    /* @cython.name(True) */
    if (dec->kind == PYX_NODE_CALL && dec->value->kind == PYX_NODE_ATTRIBUTE
        && dec->value->value->kind == PYX_NODE_NAME && strcmp(dec->value->value->name, "cython") == 0
        && strcmp(dec->value->name, name) == 0 && dec->items.len == 1) {
        *value = dec->items.items[0]->kind == PYX_NODE_TRUE;
        return true;
    }
    return false;
}

/* A function's signature: parameters and return type, before its body is read. */
static void declare_function(Sema *S, PyxNode *def)
{
    PyxFunc *f = pyx_arena_new(S->a, PyxFunc);
    f->def = def;
    f->name = def->name;
    def->func = f;
    f->is_c = (def->flags & (PYX_F(CDEF) | PYX_F(CPDEF))) != 0;
    f->is_py = !(def->flags & PYX_F(CDEF));
    f->cname = pyx_arena_printf(S->a, "pyx_f_%s_%s", S->m->name, def->name);
    f->wcname = pyx_arena_printf(S->a, "pyx_pw_%s_%s", S->m->name, def->name);
    f->cdivision = S->m->cdivision;
    for (int i = 0; i < def->decorators.len; i++) {
        PyxNode *dec = def->decorators.items[i];
        bool v;
        if (is_cython_directive(dec, "cdivision", &v))
            f->cdivision = v;
        else if (is_cython_directive(dec, "boundscheck", &v) || is_cython_directive(dec, "wraparound", &v)
                 || is_cython_directive(dec, "nonecheck", &v) || is_cython_directive(dec, "initializedcheck", &v)
                 || is_cython_directive(dec, "overflowcheck", &v) || is_cython_directive(dec, "infer_types", &v)
                 || is_cython_directive(dec, "profile", &v) || is_cython_directive(dec, "linetrace", &v))
            continue;   /* no effect on the supported subset */
        else if (dec->kind == PYX_NODE_ATTRIBUTE && dec->value->kind == PYX_NODE_NAME
                 && strcmp(dec->value->name, "cython") == 0
                 && (strcmp(dec->name, "ccall") == 0 || strcmp(dec->name, "cfunc") == 0
                     || strcmp(dec->name, "inline") == 0 || strcmp(dec->name, "final") == 0))
            continue;
        else
            unsupported(S, dec, "decorators");
    }
    if (def->flags & PYX_F(ASYNC))
        unsupported(S, def, "async functions");
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
        sym->cname = pyx_arena_printf(S->a, "v_%s", p->name);
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
    PyxSymbol *prev = scope_find(S->module, def->name);
    if (prev && (prev->kind != PYX_SYM_PYGLOBAL || f->is_c)) {
        pyx_diag_error(S->d, def->loc, "'%s' redeclared", def->name);
        pyx_diag_note(S->d, prev->loc, "previous declaration of '%s' is here", def->name);
        return;
    }
    PyxSymbol *sym = prev ? prev : scope_add(S, S->module, PYX_SYM_FUNC, def->name, &pyx_type_object, def->loc);
    sym->kind = PYX_SYM_FUNC;
    sym->func = f;
    sym->declared = true;
    def->sym = sym;
    PUSH(S->a, S->m->funcs, S->m->nfuncs, S->m->cap_funcs, f);
}

/* Names a statement list binds (assignment targets, loop targets, imports),
   calling fn for each NAME found in a binding position. */
static void bind_target(Sema *S, PyxNode *t, void (*fn)(Sema *, PyxNode *))
{
    switch (t->kind) {
    case PYX_NODE_NAME:
        fn(S, t);
        break;
    case PYX_NODE_TUPLE: case PYX_NODE_LIST:
        for (int i = 0; i < t->items.len; i++)
            bind_target(S, t->items.items[i], fn);
        break;
    case PYX_NODE_STARRED:
        bind_target(S, t->value, fn);
        break;
    default:
        break;
    }
}

static void walk_bindings(Sema *S, PyxNodeList *body, void (*fn)(Sema *, PyxNode *), bool into_defs);

static void bind_alias_names(Sema *S, PyxNode *stmt, void (*fn)(Sema *, PyxNode *))
{
    for (int i = 0; i < stmt->items.len; i++) {
        PyxNode *al = stmt->items.items[i];
        PyxNode *n = pyx_node_new(S->a, PYX_NODE_NAME, al->loc);
        if (al->asname)
            n->name = al->asname;
        else if (stmt->kind == PYX_NODE_IMPORT) {
            const char *dot = strchr(al->name, '.');
            n->name = dot ? pyx_arena_strndup(S->a, al->name, (size_t)(dot - al->name)) : al->name;
        } else
            n->name = al->name;
        n->len = (uint32_t)strlen(n->name);
        fn(S, n);
    }
}

static void walk_binding_stmt(Sema *S, PyxNode *s, void (*fn)(Sema *, PyxNode *), bool into_defs)
{
    switch (s->kind) {
    case PYX_NODE_ASSIGN:
        for (int i = 0; i < s->items.len; i++)
            bind_target(S, s->items.items[i], fn);
        break;
    case PYX_NODE_AUG_ASSIGN:
        bind_target(S, s->target, fn);
        break;
    case PYX_NODE_WITH:
        for (int i = 0; i < s->items.len; i++)
            if (s->items.items[i]->target)
                bind_target(S, s->items.items[i]->target, fn);
        break;
    case PYX_NODE_DELETE:   /* 'del x' makes x local, as an assignment does */
        for (int i = 0; i < s->items.len; i++)
            bind_target(S, s->items.items[i], fn);
        break;
    case PYX_NODE_FOR:
        bind_target(S, s->target, fn);
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        if (!(s->flags & PYX_F(STAR)))
            bind_alias_names(S, s, fn);
        break;
    case PYX_NODE_FUNCTION_DEF: case PYX_NODE_CLASS_DEF:
        if (into_defs) {
            PyxNode *n = pyx_node_new(S->a, PYX_NODE_NAME, s->loc);
            n->name = s->name;
            n->len = s->len;
            fn(S, n);
        }
        return;
    default:
        break;
    }
    walk_bindings(S, &s->body, fn, into_defs);
    walk_bindings(S, &s->orelse, fn, into_defs);
    walk_bindings(S, &s->finalbody, fn, into_defs);
    for (int i = 0; i < s->handlers.len; i++) {
        PyxNode *h = s->handlers.items[i];
        if (h->kind == PYX_NODE_EXCEPT && h->name) {
            PyxNode *n = pyx_node_new(S->a, PYX_NODE_NAME, h->loc);
            n->name = h->name;
            n->len = h->len;
            fn(S, n);
        }
        walk_bindings(S, &h->body, fn, into_defs);
    }
}

static void walk_bindings(Sema *S, PyxNodeList *body, void (*fn)(Sema *, PyxNode *), bool into_defs)
{
    for (int i = 0; i < body->len; i++)
        walk_binding_stmt(S, body->items[i], fn, into_defs);
}

static void bind_module_name(Sema *S, PyxNode *n)
{
    if (!scope_find(S->module, n->name))
        scope_add(S, S->module, PYX_SYM_PYGLOBAL, n->name, &pyx_type_object, n->loc);
}

/* cdef variables: at module level they are C statics, in functions C locals. */
static void declare_cvars(Sema *S, PyxNode *stmt, Scope *scope)
{
    stmt->op = 1;   /* seen by a declaration pass (check_stmt relies on it) */
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
            sym->cname = pyx_arena_printf(S->a, "pyx_g_%s", v->name);
            PUSH(S->a, S->m->cglobals, S->m->ncglobals, S->m->cap_cglobals, sym);
        } else {
            sym->kind = PYX_SYM_LOCAL;
            sym->cname = pyx_arena_printf(S->a, "v_%s", v->name);
            PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
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

static void declare_module(Sema *S, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        switch (s->kind) {
        case PYX_NODE_FUNCTION_DEF:
            declare_function(S, s);
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
    walk_bindings(S, body, bind_module_name, false);
}

/* ---- function bodies ------------------------------------------------------------- */

static void bind_local(Sema *S, PyxNode *n)
{
    Scope *fs = S->scope;
    if (is_global_in(fs, n->name))
        return;
    PyxSymbol *sym = scope_find(fs, n->name);
    if (sym)
        return;
    sym = scope_add(S, fs, PYX_SYM_LOCAL, n->name, NULL, n->loc);   /* type decided by inference */
    sym->cname = pyx_arena_printf(S->a, "v_%s", n->name);
    PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
}

/* 'global' statements and cdef declarations of one function, found before
   anything is typed: Python decides scope per function, not per line. */
static void collect_declarations(Sema *S, PyxNodeList *body, bool top)
{
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind == PYX_NODE_GLOBAL) {
            for (int j = 0; j < s->items.len; j++) {
                const char *name = s->items.items[j]->name;
                if (scope_find(S->scope, name))
                    pyx_diag_error(S->d, s->items.items[j]->loc, "name '%s' is assigned to before global declaration", name);
                PUSH(S->a, S->scope->globals, S->scope->nglobals, S->scope->cap_globals, name);
                if (!scope_find(S->module, name))
                    scope_add(S, S->module, PYX_SYM_PYGLOBAL, name, &pyx_type_object, s->loc);
            }
        } else if (s->kind == PYX_NODE_CDEF_VARS || s->kind == PYX_NODE_CDEF_BLOCK) {
            if (!top) {
                pyx_diag_error(S->d, s->loc, "cdef statement not allowed here");
                s->op = 1;
                continue;
            }
            if (s->kind == PYX_NODE_CDEF_VARS)
                declare_cvars(S, s, S->scope);
            else
                for (int j = 0; j < s->body.len; j++)
                    if (s->body.items[j]->kind == PYX_NODE_CDEF_VARS)
                        declare_cvars(S, s->body.items[j], S->scope);
        } else {
            collect_declarations(S, &s->body, false);
            collect_declarations(S, &s->orelse, false);
            collect_declarations(S, &s->finalbody, false);
            for (int j = 0; j < s->handlers.len; j++)
                collect_declarations(S, &s->handlers.items[j]->body, false);
        }
    }
}

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

static bool is_range_call(Sema *S, PyxNode *it)
{
    if (it->kind != PYX_NODE_CALL || it->value->kind != PYX_NODE_NAME || strcmp(it->value->name, "range") != 0)
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
                    bool parallel = s->value && (s->value->kind == PYX_NODE_TUPLE || s->value->kind == PYX_NODE_LIST)
                                    && s->value->items.len == tg->items.len;
                    for (int k = 0; k < tg->items.len; k++)
                        infer_record(S, inf, ninf, tg->items.items[k],
                                     parallel ? s->value->items.items[k]->type : NULL, NULL);
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
            PyxType *rt = NULL;
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
            infer_record(S, inf, ninf, s->target, NULL, rt);
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
            for (int j = 0; j < s->items.len; j++) {
                PyxNode n = {.kind = PYX_NODE_NAME};
                PyxNode *al = s->items.items[j];
                n.name = al->asname ? al->asname : al->name;
                infer_record(S, inf, ninf, &n, NULL, NULL);
            }
            break;
        default:
            break;
        }
        infer_walk(S, &s->body, inf, ninf);
        infer_walk(S, &s->orelse, inf, ninf);
        infer_walk(S, &s->finalbody, inf, ninf);
        for (int j = 0; j < s->handlers.len; j++) {
            PyxNode *h = s->handlers.items[j];
            if (h->kind == PYX_NODE_EXCEPT && h->name) {
                PyxNode n = {.kind = PYX_NODE_NAME, .name = h->name};
                infer_record(S, inf, ninf, &n, NULL, NULL);   /* an exception: an object */
            }
            infer_walk(S, &h->body, inf, ninf);
        }
    }
}

/* Marks locals used as operands of arithmetic (they must not become C ints). */
static void mark_arith(Sema *S, PyxNode *e, bool operand)
{
    if (e == NULL)
        return;
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
static void infer_locals(Sema *S, PyxFunc *f)
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
            if (x->count == 0 || !x->all_float) {
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
        if (x->sym->type == &pyx_type_object && x->count && x->only_range && x->range_type && !x->sym->arith)
            x->sym->type = x->range_type;
    }
}

/* ---- expressions ------------------------------------------------------------------- */

static PyxType *check_call(Sema *S, PyxNode *e);
static PyxType *check_comprehension(Sema *S, PyxNode *e);
static void check_target(Sema *S, PyxNode *t, PyxNode *value);

static PyxType *set(PyxNode *e, PyxType *t)
{
    e->type = t;
    return t;
}

static bool is_lvalue(PyxNode *e)
{
    if (e->kind == PYX_NODE_NAME)
        return e->sym && (e->sym->kind == PYX_SYM_LOCAL || e->sym->kind == PYX_SYM_CGLOBAL);
    if (e->kind == PYX_NODE_SUBSCRIPT)
        return e->value->type && (e->value->type->kind == PYX_TY_PTR || e->value->type->kind == PYX_TY_ARRAY);
    return false;
}

static PyxType *check_name(Sema *S, PyxNode *e)
{
    if (strcmp(e->name, "NULL") == 0 && lookup(S, "NULL") == NULL)
        return set(e, &pyx_type_null);
    PyxSymbol *sym = lookup(S, e->name);
    if (sym == NULL)   /* unknown at compile time: looked up in the module dict, then builtins */
        sym = scope_add(S, S->module, PYX_SYM_PYGLOBAL, e->name, &pyx_type_object, e->loc);
    e->sym = sym;
    switch (sym->kind) {
    case PYX_SYM_TYPE:
        pyx_diag_error(S->d, e->loc, "'%s' is a type, not a value", e->name);
        return type_error(e);
    case PYX_SYM_MODULE:
        pyx_diag_error(S->d, e->loc, "cimported module '%s' cannot be used as a Python object", e->name);
        return type_error(e);
    case PYX_SYM_EXTERN:
        if (sym->value) {   /* DEF constant */
            PyxType *t = check_expr(S, sym->value);
            return set(e, t);
        }
        return set(e, sym->type);
    case PYX_SYM_FUNC:
        if (sym->func && !sym->func->is_py) {
            pyx_diag_error(S->d, e->loc, "cdef function '%s' can only be called, not used as a Python object", e->name);
            return type_error(e);
        }
        return set(e, &pyx_type_object);
    default:
        return set(e, sym->type ? sym->type : &pyx_type_object);
    }
}

/* Is this an operator Python defines on numbers that C computes the same way?
   ('/' on C integers is true division, '//' and '%' floor unless cdivision). */
static PyxType *check_binop(Sema *S, PyxNode *e)
{
    PyxType *l = check_expr(S, e->left), *r = check_expr(S, e->right);
    if (l->kind == PYX_TY_ERROR || r->kind == PYX_TY_ERROR)
        return type_error(e);
    /* pointer arithmetic */
    if ((l->kind == PYX_TY_PTR || l->kind == PYX_TY_ARRAY) && r->kind == PYX_TY_INT
        && (e->op == PYX_OP_ADD || e->op == PYX_OP_SUB))
        return set(e, l->kind == PYX_TY_ARRAY ? pyx_type_ptr(S->a, l->base) : l);
    if (pyx_type_is_numeric(l) && pyx_type_is_numeric(r)) {
        /* constant folding keeps Python's unbounded ints for literals */
        if (e->left->kind != PYX_NODE_NAME || e->right->kind != PYX_NODE_NAME) {
            bool ok = true;
            if (l->kind == PYX_TY_INT && r->kind == PYX_TY_INT && e->op != PYX_OP_DIV) {
                const_int_value(S, e, &ok);
                bool lok = true, rok = true;
                const_int_value(S, e->left, &lok);
                const_int_value(S, e->right, &rok);
                if (!ok && lok && rok)   /* constants whose result leaves a C long: Python ints */
                    return set(e, &pyx_type_object);
                if (ok && (e->left->kind == PYX_NODE_INT || e->left->kind == PYX_NODE_BINOP || e->left->kind == PYX_NODE_UNARYOP)
                    && (e->right->kind == PYX_NODE_INT || e->right->kind == PYX_NODE_BINOP || e->right->kind == PYX_NODE_UNARYOP)) {
                    long v = const_int_value(S, e, &ok);
                    if (ok) {
                        e->kind = PYX_NODE_INT;
                        e->name = pyx_arena_printf(S->a, "%ld", v);
                        e->len = (uint32_t)strlen(e->name);
                        e->left = e->right = NULL;
                        e->op = 0;
                        return set(e, &pyx_type_long);
                    }
                }
            }
        }
        PyxType *t = pyx_type_promote(l, r);
        switch (e->op) {
        case PYX_OP_DIV:
            return set(e, t->kind == PYX_TY_FLOAT ? t : &pyx_type_double);
        case PYX_OP_POW:
            if (t->kind == PYX_TY_INT && e->right->kind == PYX_NODE_INT) {
                bool ok = true;
                long k = parse_int_literal(e->right->name, &ok);
                if (ok && k >= 0 && k <= 64)
                    return set(e, t);
            }
            return set(e, &pyx_type_double);
        case PYX_OP_LSHIFT: case PYX_OP_RSHIFT: case PYX_OP_BITAND: case PYX_OP_BITOR: case PYX_OP_BITXOR:
            if (t->kind == PYX_TY_FLOAT) {
                pyx_diag_error(S->d, e->loc, "unsupported operand types for %s: '%s' and '%s'",
                               pyx_op_str(e->op), l->name, r->name);
                return type_error(e);
            }
            return set(e, t);
        case PYX_OP_MATMUL:
            pyx_diag_error(S->d, e->loc, "unsupported operand types for @: '%s' and '%s'", l->name, r->name);
            return type_error(e);
        default:
            return set(e, t);
        }
    }
    if (pyx_type_is_c(l) && !pyx_type_is_numeric(l))
        goto bad;
    if (pyx_type_is_c(r) && !pyx_type_is_numeric(r))
        goto bad;
    return set(e, &pyx_type_object);
bad:
    pyx_diag_error(S->d, e->loc, "invalid operand types for %s: '%s' and '%s'", pyx_op_str(e->op), l->name, r->name);
    return type_error(e);
}

static PyxType *check_compare(Sema *S, PyxNode *e)
{
    PyxType *l = check_expr(S, e->left);
    bool all_c = pyx_type_is_c(l);
    PyxType *prev = l;
    for (int i = 0; i < e->items.len; i++) {
        PyxNode *c = e->items.items[i];
        PyxType *r = check_expr(S, c->value);
        c->type = r;
        if (c->op == PYX_OP_IN || c->op == PYX_OP_NOT_IN || c->op == PYX_OP_IS || c->op == PYX_OP_IS_NOT) {
            if (pyx_type_is_c(r) || pyx_type_is_c(prev)) {
                if (c->op == PYX_OP_IN || c->op == PYX_OP_NOT_IN) {
                    all_c = false;   /* x in obj: the C operand is boxed */
                } else if (!(prev->kind == PYX_TY_PTR || prev->kind == PYX_TY_NULL)) {
                    all_c = false;
                }
            } else {
                all_c = false;
            }
        } else if (!(pyx_type_is_c(r) && pyx_type_is_c(prev))) {
            all_c = false;
        }
        if ((pyx_type_is_c(r) && !pyx_type_is_numeric(r) && r->kind != PYX_TY_PTR && r->kind != PYX_TY_NULL
             && r->kind != PYX_TY_ARRAY)) {
            pyx_diag_error(S->d, c->loc, "cannot compare values of type '%s'", r->name);
            return type_error(e);
        }
        if ((pyx_type_is_c(r) != pyx_type_is_c(prev)) && (r->kind == PYX_TY_PTR || prev->kind == PYX_TY_PTR)) {
            pyx_diag_error(S->d, c->loc, "cannot compare a C pointer with a Python object");
            return type_error(e);
        }
        prev = r;
    }
    return set(e, all_c ? &pyx_type_bint : &pyx_type_object);
}

static PyxType *check_expr(Sema *S, PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_NAME:
        return check_name(S, e);
    case PYX_NODE_INT: {
        bool ok = true;
        parse_int_literal(e->name, &ok);
        return set(e, ok ? &pyx_type_long : &pyx_type_object);
    }
    case PYX_NODE_FLOAT:
        return set(e, &pyx_type_double);
    case PYX_NODE_IMAG:
        return set(e, &pyx_type_object);
    case PYX_NODE_STR:
        if (e->flags & PYX_F(CHAR))
            return set(e, &pyx_type_char);
        return set(e, pyx_type_builtin((e->flags & PYX_F(BYTES)) ? PYX_BI_BYTES : PYX_BI_STR));
    case PYX_NODE_TRUE: case PYX_NODE_FALSE:
        return set(e, &pyx_type_bint);
    case PYX_NODE_NONE: case PYX_NODE_ELLIPSIS:
        return set(e, &pyx_type_object);
    case PYX_NODE_BINOP:
        return check_binop(S, e);
    case PYX_NODE_UNARYOP: {
        PyxType *t = check_expr(S, e->value);
        if (t->kind == PYX_TY_ERROR)
            return type_error(e);
        if (pyx_type_is_numeric(t)) {
            if (e->value->kind == PYX_NODE_INT && e->op == PYX_OP_UMINUS) {
                /* fold '-5' into the literal */
                e->kind = PYX_NODE_INT;
                e->name = pyx_arena_printf(S->a, "-%s", e->value->name);
                e->value = NULL;
                e->op = 0;
                return check_expr(S, e);
            }
            if (e->op == PYX_OP_INVERT && t->kind == PYX_TY_FLOAT) {
                pyx_diag_error(S->d, e->loc, "bad operand type for unary ~: '%s'", t->name);
                return type_error(e);
            }
            return set(e, t->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t, t));
        }
        if (pyx_type_is_c(t)) {
            pyx_diag_error(S->d, e->loc, "bad operand type for unary %s: '%s'", pyx_op_str(e->op), t->name);
            return type_error(e);
        }
        return set(e, &pyx_type_object);
    }
    case PYX_NODE_NOT:
        check_expr(S, e->value);
        return set(e, &pyx_type_bint);
    case PYX_NODE_BOOLOP: {
        PyxType *t = NULL;
        bool all_numeric = true;
        for (int i = 0; i < e->items.len; i++) {
            PyxType *it = check_expr(S, e->items.items[i]);
            if (!pyx_type_is_numeric(it))
                all_numeric = false;
            else
                t = t ? (t->kind == PYX_TY_BINT && it->kind == PYX_TY_BINT ? t : pyx_type_promote(t, it)) : it;
        }
        return set(e, all_numeric ? t : &pyx_type_object);
    }
    case PYX_NODE_COMPARE:
        return check_compare(S, e);
    case PYX_NODE_IF_EXP: {
        check_expr(S, e->test);
        PyxType *a = check_expr(S, e->left), *b = check_expr(S, e->right);
        if (pyx_type_is_numeric(a) && pyx_type_is_numeric(b))
            return set(e, a->kind == PYX_TY_BINT && b->kind == PYX_TY_BINT ? a : pyx_type_promote(a, b));
        if (pyx_type_is_c(a) && pyx_type_equal(a, b))
            return set(e, a);
        if ((pyx_type_is_c(a) && !pyx_type_is_numeric(a)) || (pyx_type_is_c(b) && !pyx_type_is_numeric(b))) {
            pyx_diag_error(S->d, e->loc, "incompatible types in conditional expression: '%s' and '%s'", a->name, b->name);
            return type_error(e);
        }
        return set(e, &pyx_type_object);
    }
    case PYX_NODE_CALL:
        return check_call(S, e);
    case PYX_NODE_ATTRIBUTE: {
        PyxType *t = check_expr(S, e->value);
        if (pyx_type_is_c(t)) {
            pyx_diag_error(S->d, e->loc, "'%s' has no attribute '%s' (C values have no attributes)", t->name, e->name);
            return type_error(e);
        }
        return set(e, &pyx_type_object);
    }
    case PYX_NODE_SUBSCRIPT: {
        PyxType *t = check_expr(S, e->value);
        if (e->right->kind == PYX_NODE_SLICE) {
            if (pyx_type_is_c(t)) {
                unsupported(S, e, "slicing C pointers and arrays");
                return type_error(e);
            }
            PyxNode *sl = e->right;
            if (sl->lower) check_expr(S, sl->lower);
            if (sl->upper) check_expr(S, sl->upper);
            if (sl->step) check_expr(S, sl->step);
            sl->type = &pyx_type_object;
            return set(e, &pyx_type_object);
        }
        PyxType *it = check_expr(S, e->right);
        if (t->kind == PYX_TY_PTR || t->kind == PYX_TY_ARRAY) {
            if (it->kind != PYX_TY_INT && it->kind != PYX_TY_BINT && it->kind != PYX_TY_ERROR) {
                pyx_diag_error(S->d, e->right->loc, "C array index must be a C integer, not '%s'", it->name);
                return type_error(e);
            }
            if (t->base->kind == PYX_TY_VOID) {
                pyx_diag_error(S->d, e->loc, "cannot index a void pointer");
                return type_error(e);
            }
            return set(e, t->base);
        }
        if (pyx_type_is_c(t) && t->kind != PYX_TY_ERROR) {
            pyx_diag_error(S->d, e->loc, "'%s' object is not subscriptable", t->name);
            return type_error(e);
        }
        if (it->kind == PYX_TY_PTR) {
            pyx_diag_error(S->d, e->right->loc, "cannot use a C pointer as a Python index");
            return type_error(e);
        }
        return set(e, &pyx_type_object);
    }
    case PYX_NODE_TUPLE: case PYX_NODE_LIST: case PYX_NODE_SET:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_STARRED) {
                unsupported(S, it, "starred expressions in displays");
                continue;
            }
            PyxType *t = check_expr(S, it);
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t)) {
                pyx_diag_error(S->d, it->loc, "cannot convert '%s' to a Python object", t->name);
            }
        }
        return set(e, pyx_type_builtin(e->kind == PYX_NODE_TUPLE ? PYX_BI_TUPLE : e->kind == PYX_NODE_LIST ? PYX_BI_LIST : PYX_BI_SET));
    case PYX_NODE_DICT:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            if (it->kind == PYX_NODE_DOUBLE_STARRED) {
                unsupported(S, it, "'**' in dict displays");
                continue;
            }
            check_expr(S, it->left);
            check_expr(S, it->value);
        }
        return set(e, pyx_type_builtin(PYX_BI_DICT));
    case PYX_NODE_CAST: {
        PyxType *to = resolve_ctype(S, e->ctype);
        PyxType *from = check_expr(S, e->value);
        if (to->kind == PYX_TY_ERROR || from->kind == PYX_TY_ERROR)
            return type_error(e);
        if (e->flags & PYX_F(CHECKED)) {
            unsupported(S, e, "checked casts '<T?>' (no extension types yet)");
            return type_error(e);
        }
        if (to->kind == PYX_TY_OBJECT && from->kind == PYX_TY_PTR) {
            unsupported(S, e, "casting C pointers to Python objects");
            return type_error(e);
        }
        if (from->kind == PYX_TY_OBJECT && to->kind == PYX_TY_PTR) {
            unsupported(S, e, "casting Python objects to C pointers");
            return type_error(e);
        }
        if (to->kind == PYX_TY_ARRAY || to->kind == PYX_TY_VOID) {
            pyx_diag_error(S->d, e->loc, "cannot cast to '%s'", to->name);
            return type_error(e);
        }
        return set(e, to);
    }
    case PYX_NODE_ADDRESS_OF: {
        PyxType *t = check_expr(S, e->value);
        if (t->kind == PYX_TY_ERROR)
            return type_error(e);
        if (!is_lvalue(e->value) || t->kind == PYX_TY_OBJECT) {
            pyx_diag_error(S->d, e->loc, "cannot take the address of this expression");
            return type_error(e);
        }
        return set(e, pyx_type_ptr(S->a, t->kind == PYX_TY_ARRAY ? t->base : t));
    }
    case PYX_NODE_SIZEOF:
        if (e->ctype) {
            e->ctype->type = resolve_ctype(S, e->ctype);
            if (e->ctype->type->kind == PYX_TY_ERROR || e->ctype->type->kind == PYX_TY_VOID
                || e->ctype->type->kind == PYX_TY_FUNC) {
                if (e->ctype->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, e->loc, "sizeof() of an incomplete type '%s'", e->ctype->type->name);
                return type_error(e);
            }
        } else if (e->value->kind == PYX_NODE_NAME && (pyx_type_by_name(e->value->name)
                   || (lookup(S, e->value->name) && lookup(S, e->value->name)->kind == PYX_SYM_TYPE))) {
            /* sizeof(int) arrives as a name: it is a type */
            PyxNode *ct = pyx_node_new(S->a, PYX_NODE_CTYPE_NAME, e->value->loc);
            ct->name = e->value->name;
            ct->len = e->value->len;
            e->ctype = ct;
            e->value = NULL;
            ct->type = resolve_ctype(S, ct);
            if (ct->type->kind == PYX_TY_ERROR || ct->type->kind == PYX_TY_VOID)
                return type_error(e);
        } else {
            PyxType *t = check_expr(S, e->value);
            if (t->kind == PYX_TY_OBJECT) {
                pyx_diag_error(S->d, e->loc, "sizeof() of a Python object; use sys.getsizeof() for that");
                return type_error(e);
            }
        }
        return set(e, &pyx_type_size_t);
    case PYX_NODE_FSTRING:
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *part = e->items.items[i];
            if (part->kind == PYX_NODE_STR) {
                check_expr(S, part);
                continue;
            }
            PyxType *t = check_expr(S, part->value);
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, part->value->loc, "cannot format a '%s' in an f-string", t->name);
            if (part->right)
                check_expr(S, part->right);
            part->type = pyx_type_builtin(PYX_BI_STR);
        }
        return set(e, pyx_type_builtin(PYX_BI_STR));
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_DICT_COMP:
        return check_comprehension(S, e);
    case PYX_NODE_GENERATOR:
        unsupported(S, e, "generator expressions");
        return type_error(e);
    case PYX_NODE_LAMBDA:
        unsupported(S, e, "lambda");
        return type_error(e);
    case PYX_NODE_NAMED_EXPR:
        unsupported(S, e, "assignment expressions ':='");
        return type_error(e);
    case PYX_NODE_AWAIT:
        unsupported(S, e, "await");
        return type_error(e);
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM:
        unsupported(S, e, "generators (yield)");
        return type_error(e);
    case PYX_NODE_STARRED:
        unsupported(S, e, "starred expressions");
        return type_error(e);
    case PYX_NODE_SLICE:
        unsupported(S, e, "slices outside subscripts");
        return type_error(e);
    default:
        unsupported(S, e, pyx_node_kind_name(e->kind));
        return type_error(e);
    }
}

static void comp_target_symbol(Sema *S, Scope *cs, PyxNode *t, PyxType *type)
{
    if (t->kind == PYX_NODE_TUPLE || t->kind == PYX_NODE_LIST) {
        for (int i = 0; i < t->items.len; i++)
            comp_target_symbol(S, cs, t->items.items[i], &pyx_type_object);
        return;
    }
    if (t->kind != PYX_NODE_NAME || scope_find(cs, t->name))
        return;
    static int serial;
    PyxSymbol *sym = scope_add(S, cs, PYX_SYM_LOCAL, t->name, type, t->loc);
    sym->cname = pyx_arena_printf(S->a, "v_%s_c%d", t->name, ++serial);
    if (S->func)
        PUSH(S->a, S->func->locals, S->func->nlocals, S->func->cap_locals, sym);
    else
        PUSH(S->a, S->m->init_locals, S->m->ninit_locals, S->m->cap_init_locals, sym);
}

/* [elt for t in it if c ...]: the first iterable is evaluated where the
   comprehension stands, everything else in its own scope, whose variables
   become hidden C locals of the enclosing function (no closure needed: the
   comprehension runs inline).  A range() variable that is never an operand
   of arithmetic is a C integer, as for loops. */
static PyxType *check_comprehension(Sema *S, PyxNode *e)
{
    Scope *outer = S->scope;
    Scope *cs = e->scope;
    bool fresh = cs == NULL;
    if (fresh) {
        cs = pyx_arena_new(S->a, Scope);
        cs->parent = outer;
        cs->func = outer->func;
        e->scope = cs;
    }
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        if (g->flags & PYX_F(ASYNC)) {
            unsupported(S, g, "async comprehensions");
            return type_error(e);
        }
        S->scope = i == 0 ? outer : cs;
        check_expr(S, g->value);
        S->scope = cs;
        if (fresh) {
            PyxType *t = &pyx_type_object;
            if (is_range_call(S, g->value) && g->target->kind == PYX_NODE_NAME) {
                t = &pyx_type_long;
                for (int k = 0; k < g->value->items.len; k++)
                    if (g->value->items.items[k]->type->kind != PYX_TY_INT)
                        t = &pyx_type_object;
            }
            comp_target_symbol(S, cs, g->target, t);
        }
    }
    S->scope = cs;
    if (fresh) {
        /* C integer loop variables used in arithmetic go back to objects */
        for (int i = 0; i < cs->len; i++)
            cs->syms[i]->arith = false;
        mark_arith(S, e->value, false);
        mark_arith(S, e->left, false);
        for (int i = 0; i < e->handlers.len; i++)
            for (int j = 0; j < e->handlers.items[i]->items.len; j++)
                mark_arith(S, e->handlers.items[i]->items.items[j], false);
        for (int i = 0; i < cs->len; i++)
            if (cs->syms[i]->arith && cs->syms[i]->type->kind == PYX_TY_INT)
                cs->syms[i]->type = &pyx_type_object;
    }
    for (int i = 0; i < e->handlers.len; i++) {
        PyxNode *g = e->handlers.items[i];
        check_target(S, g->target, NULL);
        for (int j = 0; j < g->items.len; j++)
            check_expr(S, g->items.items[j]);
    }
    if (e->left)
        check_expr(S, e->left);
    PyxType *vt = check_expr(S, e->value);
    S->scope = outer;
    if (pyx_type_is_c(vt) && !pyx_type_is_numeric(vt) && vt->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, e->value->loc, "cannot put a '%s' in a Python container", vt->name);
        return type_error(e);
    }
    return set(e, pyx_type_builtin(e->kind == PYX_NODE_LIST_COMP ? PYX_BI_LIST : e->kind == PYX_NODE_SET_COMP ? PYX_BI_SET : PYX_BI_DICT));
}

/* Checks that 'value' can be assigned to something of type 'to'. */
/* A bytes literal where a 'char *' is expected is a C string constant. */
static bool bytes_literal_to_char_ptr(PyxNode *value, PyxType *to)
{
    if (value->kind == PYX_NODE_STR && (value->flags & PYX_F(BYTES)) && !(value->flags & PYX_F(CHAR))
        && to->kind == PYX_TY_PTR && to->base->kind == PYX_TY_INT && to->base->rank == 1) {
        value->type = to;
        return true;
    }
    return false;
}

static void check_assignable(Sema *S, PyxNode *value, PyxType *to, const char *what)
{
    if (value->kind == PYX_NODE_NONE && pyx_type_is_c(to) && to->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, value->loc, "cannot assign None to %s of type '%s'", what, to->name);
        return;
    }
    if (bytes_literal_to_char_ptr(value, to))
        return;
    PyxType *from = value->type;
    const char *why = pyx_type_assignable(to, from);
    if (why == NULL)
        return;
    pyx_diag_error(S->d, value->loc, "cannot assign a value of type '%s' to %s of type '%s'", from->name, what, to->name);
}

static const char *builtin_of(Sema *S, PyxNode *callee)
{
    if (callee->kind != PYX_NODE_NAME)
        return NULL;
    PyxSymbol *sym = lookup(S, callee->name);
    if (sym && sym->kind != PYX_SYM_BUILTIN)
        return NULL;
    return callee->name;
}

static PyxType *check_call(Sema *S, PyxNode *e)
{
    PyxNode *callee = e->value;
    for (int i = 0; i < e->items.len; i++)   /* NULL: a default bound by an earlier pass */
        if (e->items.items[i] && e->items.items[i]->kind == PYX_NODE_STARRED) {
            unsupported(S, e->items.items[i], "'*args' in calls");
            return type_error(e);
        }
    for (int i = 0; i < e->keywords.len; i++)
        if (e->keywords.items[i]->name == NULL) {
            unsupported(S, e->keywords.items[i], "'**kwargs' in calls");
            return type_error(e);
        }
    /* calls of C functions: this module's cdef/cpdef functions and externs */
    if (callee->kind == PYX_NODE_NAME) {
        PyxSymbol *sym = lookup(S, callee->name);
        PyxType *ft = NULL;
        PyxFunc *f = NULL;
        if (sym && sym->kind == PYX_SYM_FUNC && sym->func && sym->func->is_c) {
            f = sym->func;
        } else if (sym && sym->kind == PYX_SYM_EXTERN && sym->type->kind == PYX_TY_FUNC) {
            ft = sym->type;
        } else if (sym && sym->kind == PYX_SYM_EXTERN && sym->type->kind == PYX_TY_PTR
                   && sym->type->base->kind == PYX_TY_FUNC) {
            ft = sym->type->base;
        } else if (sym && sym->kind == PYX_SYM_LOCAL && sym->type && sym->type->kind == PYX_TY_PTR
                   && sym->type->base->kind == PYX_TY_FUNC) {
            ft = sym->type->base;
        }
        if (f || ft) {
            callee->sym = sym;
            callee->type = f ? &pyx_type_object : sym->type;
            int nparams = f ? f->nparams : ft->nparams;
            bool varargs = ft && ft->varargs;
            if (e->keywords.len && !f) {
                pyx_diag_error(S->d, e->keywords.items[0]->loc, "C function '%s' does not take keyword arguments", callee->name);
                return type_error(e);
            }
            if (f && (e->keywords.len || e->items.len < nparams) && e->items.len <= nparams) {
                /* bind keywords and defaults at compile time: items becomes one
                   slot per parameter, NULL where the default applies */
                PyxNodeList slots = {0};
                for (int i = 0; i < nparams; i++)
                    pyx_list_push(S->a, &slots, i < e->items.len ? e->items.items[i] : NULL);
                for (int k = 0; k < e->keywords.len; k++) {
                    PyxNode *kw = e->keywords.items[k];
                    int at = -1;
                    for (int i = 0; i < nparams; i++)
                        if (strcmp(f->params[i]->name, kw->name) == 0)
                            at = i;
                    if (at < 0) {
                        pyx_diag_error(S->d, kw->loc, "%s() got an unexpected keyword argument '%s'", callee->name, kw->name);
                        return type_error(e);
                    }
                    if (slots.items[at]) {
                        pyx_diag_error(S->d, kw->loc, "%s() got multiple values for argument '%s'", callee->name, kw->name);
                        return type_error(e);
                    }
                    slots.items[at] = kw->value;
                }
                for (int i = 0; i < nparams; i++) {
                    if (slots.items[i] == NULL && f->def->params.items[i]->value == NULL) {
                        pyx_diag_error(S->d, e->loc, "%s() missing required argument '%s'", callee->name, f->params[i]->name);
                        return type_error(e);
                    }
                }
                e->items = slots;
                e->keywords.len = 0;
            }
            if (e->items.len < nparams || (e->items.len > nparams && !varargs)) {
                pyx_diag_error(S->d, e->loc, "call with wrong number of arguments (expected %d, got %d)", nparams, e->items.len);
                return type_error(e);
            }
            for (int i = 0; i < e->items.len; i++) {
                PyxNode *arg = e->items.items[i];
                if (arg == NULL)
                    continue;   /* the parameter's default */
                PyxType *at = check_expr(S, arg);
                if (i < nparams) {
                    PyxType *pt = f ? f->params[i]->type : ft->params[i];
                    if (bytes_literal_to_char_ptr(arg, pt))
                        continue;
                    if (arg->kind == PYX_NODE_NONE && pyx_type_is_c(pt)) {
                        pyx_diag_error(S->d, arg->loc, "cannot pass None as argument %d of '%s', a '%s'",
                                       i + 1, callee->name, pt->name);
                        continue;
                    }
                    if (at->kind != PYX_TY_ERROR && pyx_type_assignable(pt, at)) {
                        pyx_diag_error(S->d, arg->loc, "argument %d of '%s' has type '%s', expected '%s'",
                                       i + 1, callee->name, at->name, pt->name);
                    }
                } else if (at->kind == PYX_TY_OBJECT) {
                    pyx_diag_error(S->d, arg->loc, "cannot pass a Python object as a C variadic argument");
                }
            }
            return set(e, f ? f->ret : ft->base);
        }
    }
    /* builtins pyxc computes in C for C arguments */
    const char *b = builtin_of(S, callee);
    if (b && (strcmp(b, "locals") == 0 || strcmp(b, "vars") == 0) && e->items.len == 0) {
        unsupported(S, e, "locals() and vars() without arguments in compiled code");
        return type_error(e);
    }
    for (int i = 0; i < e->items.len; i++) {
        if (e->items.items[i] == NULL) {   /* bound by an earlier pass as a C call */
            pyx_diag_error(S->d, e->loc, "internal: call arguments changed between passes");
            return type_error(e);
        }
        check_expr(S, e->items.items[i]);
    }
    for (int i = 0; i < e->keywords.len; i++)
        check_expr(S, e->keywords.items[i]->value);
    if (b && e->keywords.len == 0) {
        int n = e->items.len;
        PyxType *t0 = n ? e->items.items[0]->type : NULL;
        if (strcmp(b, "abs") == 0 && n == 1 && pyx_type_is_numeric(t0)) {
            e->op = 1;   /* computed in C */
            return set(e, t0->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t0, t0));
        }
        if ((strcmp(b, "min") == 0 || strcmp(b, "max") == 0) && n >= 2) {
            PyxType *t = NULL;
            bool all = true;
            for (int i = 0; i < n; i++) {
                PyxType *it = e->items.items[i]->type;
                if (!pyx_type_is_numeric(it)) {
                    all = false;
                    break;
                }
                t = t ? pyx_type_promote(t, it) : (it->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(it, it));
            }
            if (all) {
                e->op = 1;
                return set(e, t);
            }
        }
        if (strcmp(b, "len") == 0 && n == 1 && t0->kind == PYX_TY_OBJECT) {
            e->op = 1;
            return set(e, &pyx_type_ssize_t);
        }
        if (strcmp(b, "float") == 0 && n == 1 && pyx_type_is_numeric(t0)) {
            e->op = 1;
            return set(e, &pyx_type_double);
        }
    }
    for (int i = 0; i < e->items.len; i++) {
        PyxType *at = e->items.items[i]->type;
        if (pyx_type_is_c(at) && !pyx_type_is_numeric(at) && at->kind != PYX_TY_ERROR)
            pyx_diag_error(S->d, e->items.items[i]->loc, "cannot pass a '%s' to a Python function", at->name);
    }
    check_expr(S, callee);
    if (pyx_type_is_c(callee->type) && callee->type->kind != PYX_TY_ERROR) {
        pyx_diag_error(S->d, callee->loc, "'%s' is not callable", callee->type->name);
        return type_error(e);
    }
    return set(e, &pyx_type_object);
}

/* ---- statements -------------------------------------------------------------------- */

static void check_target(Sema *S, PyxNode *t, PyxNode *value)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        check_name(S, t);
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_FUNC || sym->kind == PYX_SYM_EXTERN || sym->kind == PYX_SYM_BUILTIN) {
            if (sym->kind == PYX_SYM_FUNC && sym->func && !sym->func->is_c && S->func == NULL)
                break;   /* rebinding a def at module level is Python */
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
        /* 'a, b = x': element-wise when x is a display of the same length */
        bool parallel = value && (value->kind == PYX_NODE_TUPLE || value->kind == PYX_NODE_LIST)
                        && value->items.len == t->items.len;
        for (int i = 0; i < t->items.len; i++) {
            PyxNode *el = t->items.items[i];
            if (el->kind == PYX_NODE_STARRED) {
                unsupported(S, el, "starred assignment targets");
                continue;
            }
            PyxNode *ev = parallel ? value->items.items[i] : NULL;
            check_target(S, el, ev && ev->kind != PYX_NODE_STARRED ? ev : NULL);
        }
        t->type = &pyx_type_object;
        break;
    }
    default:
        pyx_diag_error(S->d, t->loc, "cannot assign to %s", pyx_node_kind_name(t->kind));
    }
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

/* del target: a name, an element, an attribute, or a tuple of them. */
static void check_delete(Sema *S, PyxNode *t)
{
    switch (t->kind) {
    case PYX_NODE_NAME: {
        check_name(S, t);
        PyxSymbol *sym = t->sym;
        if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL) {
            if (sym->type->kind != PYX_TY_OBJECT && sym->type->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, t->loc, "cannot delete the C variable '%s'", t->name);
        } else if (sym->kind != PYX_SYM_PYGLOBAL && sym->kind != PYX_SYM_BUILTIN
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

static void check_stmt(Sema *S, PyxNode *s)
{
    switch (s->kind) {
    case PYX_NODE_EXPR_STMT:
        check_expr(S, s->value);
        break;
    case PYX_NODE_ASSIGN:
        if (s->value == NULL) {   /* 'x: T' declares nothing at run time */
            if (s->items.len == 1 && s->items.items[0]->kind == PYX_NODE_NAME)
                break;
            unsupported(S, s, "annotations without a value on this target");
            break;
        }
        check_expr(S, s->value);
        for (int i = 0; i < s->items.len; i++)
            check_target(S, s->items.items[i], s->value);
        break;
    case PYX_NODE_AUG_ASSIGN: {
        check_target(S, s->target, NULL);
        check_expr(S, s->value);
        PyxType *t = s->target->type, *v = s->value->type;
        if (t && v && t->kind != PYX_TY_ERROR && v->kind != PYX_TY_ERROR) {
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && !(t->kind == PYX_TY_PTR && v->kind == PYX_TY_INT
                                                                  && (s->op == PYX_OP_ADD || s->op == PYX_OP_SUB)))
                pyx_diag_error(S->d, s->loc, "invalid operand types for %s=: '%s' and '%s'", pyx_op_str(s->op), t->name, v->name);
            if (pyx_type_is_c(v) && !pyx_type_is_numeric(v))
                pyx_diag_error(S->d, s->value->loc, "invalid operand type for %s=: '%s'", pyx_op_str(s->op), v->name);
            if (t->kind == PYX_TY_INT && v->kind == PYX_TY_OBJECT && s->op == PYX_OP_DIV)
                pyx_diag_error(S->d, s->loc, "'/=' would make '%s' a float; declare it double", s->target->name);
        }
        break;
    }
    case PYX_NODE_PASS:
        break;
    case PYX_NODE_BREAK: case PYX_NODE_CONTINUE:
        if (S->loop_depth == 0)
            pyx_diag_error(S->d, s->loc, s->kind == PYX_NODE_BREAK ? "'break' outside loop" : "'continue' not properly in loop");
        else if (S->guard > S->loop_guard)
            unsupported(S, s, "break/continue out of a try/finally block or an except handler");
        break;
    case PYX_NODE_RETURN:
        if (S->func == NULL) {
            pyx_diag_error(S->d, s->loc, "'return' outside function");
            break;
        }
        if (s->value) {
            check_expr(S, s->value);
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
        int saved_guard = S->loop_guard;
        if (s->kind == PYX_NODE_WHILE) {
            S->loop_depth++;
            S->loop_guard = S->guard;
        }
        check_stmts(S, &s->body);
        if (s->kind == PYX_NODE_WHILE)
            S->loop_depth--;
        S->loop_guard = saved_guard;
        check_stmts(S, &s->orelse);
        break;
    case PYX_NODE_FOR: {
        if (s->flags & PYX_F(ASYNC)) {
            unsupported(S, s, "async for");
            break;
        }
        check_expr(S, s->value);
        check_target(S, s->target, NULL);
        PyxType *tt = s->target->type;
        if (is_range_call(S, s->value) && tt && tt->kind == PYX_TY_INT && s->target->kind == PYX_NODE_NAME) {
            for (int i = 0; i < s->value->items.len; i++) {
                PyxNode *arg = s->value->items.items[i];
                if (arg->type && arg->type->kind != PYX_TY_INT && arg->type->kind != PYX_TY_OBJECT
                    && arg->type->kind != PYX_TY_BINT && arg->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, arg->loc, "range() argument must be an integer, not '%s'", arg->type->name);
            }
            s->op = 1;   /* a C loop */
        } else if (tt && pyx_type_is_c(tt) && tt->kind != PYX_TY_ERROR && !pyx_type_is_numeric(tt)) {
            pyx_diag_error(S->d, s->target->loc, "cannot iterate into a '%s' loop variable", tt->name);
        }
        int saved_guard = S->loop_guard;
        S->loop_depth++;
        S->loop_guard = S->guard;
        check_stmts(S, &s->body);
        S->loop_depth--;
        S->loop_guard = saved_guard;
        check_stmts(S, &s->orelse);
        if (!S->infer_pass)
            warn_range_sum_overflow(S, s);
        break;
    }
    case PYX_NODE_ASSERT:
        check_expr(S, s->test);
        if (s->value)
            check_expr(S, s->value);
        break;
    case PYX_NODE_RAISE:
        if (s->value == NULL)
            break;   /* re-raise the exception being handled */
        check_expr(S, s->value);
        if (s->cause)
            check_expr(S, s->cause);
        if (pyx_type_is_c(s->value->type) && s->value->type->kind != PYX_TY_ERROR)
            pyx_diag_error(S->d, s->value->loc, "exceptions must derive from BaseException, not '%s'", s->value->type->name);
        break;
    case PYX_NODE_TRY:
        if (s->flags & PYX_F(STAR)) {
            unsupported(S, s, "except* (exception groups)");
            break;
        }
        if (s->finalbody.len)
            S->guard++;
        check_stmts(S, &s->body);
        for (int i = 0; i < s->handlers.len; i++) {
            PyxNode *h = s->handlers.items[i];
            if (h->value == NULL && i < s->handlers.len - 1)
                pyx_diag_error(S->d, h->loc, "default 'except:' must be last");
            if (h->value) {
                check_expr(S, h->value);
                if (pyx_type_is_c(h->value->type) && h->value->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, h->value->loc, "'except' needs exception classes, not a '%s'", h->value->type->name);
            }
            if (h->name) {
                if (h->target == NULL) {
                    h->target = pyx_node_new(S->a, PYX_NODE_NAME, h->loc);
                    h->target->name = h->name;
                    h->target->len = h->len;
                }
                check_target(S, h->target, NULL);
                if (h->target->type && pyx_type_is_c(h->target->type) && h->target->type->kind != PYX_TY_ERROR)
                    pyx_diag_error(S->d, h->loc, "cannot bind an exception to the C variable '%s'", h->name);
            }
            S->guard++;
            check_stmts(S, &h->body);
            S->guard--;
        }
        check_stmts(S, &s->orelse);
        if (s->finalbody.len)
            S->guard--;
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
            else
                unsupported(S, s, "'from ... import *'");
            break;
        }
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *al = s->items.items[i];
            PyxNode *n = pyx_node_new(S->a, PYX_NODE_NAME, al->loc);
            if (al->asname)
                n->name = al->asname;
            else if (s->kind == PYX_NODE_IMPORT && strchr(al->name, '.'))
                n->name = pyx_arena_strndup(S->a, al->name, (size_t)(strchr(al->name, '.') - al->name));
            else
                n->name = al->name;
            check_target(S, n, NULL);
            al->sym = n->sym;
            if (n->type && pyx_type_is_c(n->type))
                pyx_diag_error(S->d, al->loc, "cannot import into the C variable '%s'", n->name);
        }
        break;
    case PYX_NODE_FUNCTION_DEF:
        if (S->func) {
            unsupported(S, s, "nested functions and closures");
            break;
        }
        /* defaults are evaluated where the def statement runs: module scope */
        for (int i = 0; i < s->params.len; i++) {
            PyxNode *p = s->params.items[i];
            if (!p->value)
                continue;
            check_expr(S, p->value);
            if (p->sym)
                check_assignable(S, p->value, p->sym->type, pyx_arena_printf(S->a, "parameter '%s'", p->name));
        }
        break;
    case PYX_NODE_CDEF_VARS:
        if (s->op == 0) {
            /* no declaration pass saw it: a cdef inside a module-level block */
            pyx_diag_error(S->d, s->loc, "cdef statement not allowed here");
            break;
        }
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *v = s->items.items[i];
            if (v->value && v->sym) {
                check_expr(S, v->value);
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
        unsupported(S, s, (s->flags & PYX_F(CDEF)) ? "cdef classes (extension types)" : "classes");
        break;
    case PYX_NODE_WITH:
        if (s->flags & PYX_F(ASYNC)) {
            unsupported(S, s, "async with");
            break;
        }
        for (int i = 0; i < s->items.len; i++) {
            PyxNode *it = s->items.items[i];
            PyxType *t = check_expr(S, it->value);
            if (pyx_type_is_c(t) && t->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, it->value->loc, "a '%s' is not a context manager", t->name);
            if (it->target)
                check_target(S, it->target, NULL);
        }
        S->guard++;   /* break/continue would have to call __exit__: not yet */
        check_stmts(S, &s->body);
        S->guard--;
        break;
    case PYX_NODE_MATCH:
        unsupported(S, s, "match statements");
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < s->items.len; i++)
            check_delete(S, s->items.items[i]);
        break;
    case PYX_NODE_NONLOCAL:
        unsupported(S, s, "nonlocal (no closures yet)");
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

static void check_stmts(Sema *S, PyxNodeList *body)
{
    for (int i = 0; i < body->len; i++)
        check_stmt(S, body->items[i]);
}

static void check_function(Sema *S, PyxFunc *f)
{
    Scope *fs = pyx_arena_new(S->a, Scope);
    fs->parent = S->module;
    fs->func = f;
    S->scope = fs;
    S->func = f;
    for (int i = 0; i < f->nparams; i++) {
        PyxSymbol *p = f->params[i];
        if (scope_find(fs, p->name))
            continue;
        PUSH(S->a, fs->syms, fs->len, fs->cap, p);
        PUSH(S->a, f->locals, f->nlocals, f->cap_locals, p);
    }
    collect_declarations(S, &f->def->body, true);
    walk_bindings(S, &f->def->body, bind_local, true);
    infer_locals(S, f);
    for (int i = 0; i < f->nlocals; i++)
        if (f->locals[i]->type == NULL)
            f->locals[i]->type = &pyx_type_object;
    check_stmts(S, &f->def->body);
    S->scope = S->module;
    S->func = NULL;
}

/* '# cython: cdivision=True, ...' comment lines at the top of the file. */
static void read_header_directives(Sema *S, const PyxSource *src)
{
    const char *p = src->text;
    while (*p == '#' || *p == '\n' || *p == ' ') {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
        if (strncmp(line, "# cython:", 9) == 0 || strncmp(line, "#cython:", 8) == 0) {
            char *v = strstr(line, "cdivision");
            if (v) {
                v += 9;
                while (*v == ' ' || *v == '=')
                    v++;
                S->m->cdivision = strncmp(v, "True", 4) == 0;
            }
        }
        if (!eol)
            break;
        p = eol + 1;
    }
}

PyxModuleInfo *pyx_sema(PyxArena *a, PyxNode *module, const char *modname, PyxDiag *d)
{
    Sema S = {0};
    S.a = a;
    S.d = d;
    S.m = pyx_arena_new(a, PyxModuleInfo);
    S.m->name = modname;
    S.m->ast = module;
    S.builtins = pyx_arena_new(a, Scope);
    S.module = pyx_arena_new(a, Scope);
    S.module->parent = S.builtins;
    S.scope = S.module;
    read_header_directives(&S, module->loc.src);
    for (int i = 0; builtin_names[i]; i++)
        scope_add(&S, S.builtins, PYX_SYM_BUILTIN, builtin_names[i], &pyx_type_object, module->loc);
    if (module->body.len && module->body.items[0]->kind == PYX_NODE_EXPR_STMT
        && module->body.items[0]->value->kind == PYX_NODE_STR && !(module->body.items[0]->value->flags & PYX_F(BYTES))) {
        S.m->doc = module->body.items[0]->value->name;
        S.m->doc_len = (int)module->body.items[0]->value->len;
    }
    declare_module(&S, &module->body);
    /* bodies are checked even after declaration errors: the error type
       keeps one mistake from cascading, and the user sees them all */
    for (int i = 0; i < S.m->nfuncs; i++)
        check_function(&S, S.m->funcs[i]);
    /* the module body runs with the module scope */
    S.scope = S.module;
    check_stmts(&S, &module->body);
    return S.m;
}
