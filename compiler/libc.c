/* libc.c - the libc names pyxc knows for 'from libc.X cimport ...': what
 * Cython's bundled .pxd files declare, with their C types.
 */
#include "sema_int.h"

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

/* from libc.X cimport name [as alias] */
void declare_libc(Sema *S, PyxNode *stmt, PyxNode *alias)
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
