/* check_call.c - typing calls: C calls of this module's cdef/cpdef
 * functions and of extern functions (keywords and defaults bound at compile
 * time into PyxNode.args), builtins computed in C for C arguments, and
 * Python calls.  The kind of call is recorded in PyxNode.call_kind.
 */
#include "sema_int.h"

static const char *builtin_of(Sema *S, PyxNode *callee)
{
    if (callee->kind != PYX_NODE_NAME)
        return NULL;
    /* after 'import *' only the builtins that read the calling frame stay
       known: compiled code has no frame of its own for them to read */
    if (S->star_import && strcmp(callee->name, "globals") != 0 && strcmp(callee->name, "locals") != 0
        && strcmp(callee->name, "vars") != 0 && strcmp(callee->name, "dir") != 0
        && strcmp(callee->name, "exec") != 0 && strcmp(callee->name, "eval") != 0)
        return NULL;
    PyxSymbol *sym = lookup(S, callee->name);
    if (sym && sym->kind != PYX_SYM_BUILTIN)
        return NULL;
    return callee->name;
}

/* The C function type a callee symbol stands for, when it is an extern
   function, a function pointer or a local holding one. */
static PyxType *c_function_of(PyxSymbol *sym)
{
    if (!sym || !sym->type)
        return NULL;
    if (sym->kind == PYX_SYM_EXTERN && sym->type->kind == PYX_TY_FUNC)
        return sym->type;
    if ((sym->kind == PYX_SYM_EXTERN || sym->kind == PYX_SYM_LOCAL) && sym->type->kind == PYX_TY_PTR
        && sym->type->base->kind == PYX_TY_FUNC)
        return sym->type->base;
    return NULL;
}

/* f(a, b=1) of a cdef function: one argument per parameter, keywords
   placed by name, NULL where the default applies.  False after an error. */
static bool bind_c_arguments(Sema *S, PyxNode *e, PyxFunc *f)
{
    PyxNode *callee = e->value;
    int n = f->nparams;
    e->args = (PyxNodeList){0};
    if (e->items.len > n)
        return true;   /* the count is reported by the caller */
    for (int i = 0; i < n; i++)
        pyx_list_push(S->a, &e->args, i < e->items.len ? e->items.items[i] : NULL);
    for (int k = 0; k < e->keywords.len; k++) {
        PyxNode *kw = e->keywords.items[k];
        int at = -1;
        for (int i = 0; i < n; i++)
            if (strcmp(f->params[i]->name, kw->name) == 0)
                at = i;
        if (at < 0) {
            pyx_diag_error(S->d, kw->loc, "%s() got an unexpected keyword argument '%s'", callee->name, kw->name);
            return false;
        }
        if (e->args.items[at]) {
            pyx_diag_error(S->d, kw->loc, "%s() got multiple values for argument '%s'", callee->name, kw->name);
            return false;
        }
        e->args.items[at] = kw->value;
    }
    for (int i = 0; i < n; i++)
        if (e->args.items[i] == NULL && f->def->params.items[i]->value == NULL) {
            pyx_diag_error(S->d, e->loc, "%s() missing required argument '%s'", callee->name, f->params[i]->name);
            return false;
        }
    return true;
}

static PyxType *check_c_call(Sema *S, PyxNode *e, PyxSymbol *sym, PyxFunc *f, PyxType *ft)
{
    PyxNode *callee = e->value;
    callee->sym = sym;
    callee->type = f ? &pyx_type_object : sym->type;
    e->call_kind = f ? PYX_CALL_C_FUNC : PYX_CALL_C_EXTERN;
    e->sflags |= PYX_SF(TYPED);
    int nparams = f ? f->nparams : ft->nparams;
    bool varargs = ft && ft->varargs;
    if (e->keywords.len && !f) {
        pyx_diag_error(S->d, e->keywords.items[0]->loc, "C function '%s' does not take keyword arguments", callee->name);
        return type_error(e);
    }
    if (f) {
        if (!bind_c_arguments(S, e, f))
            return type_error(e);
    } else {
        e->args = e->items;
    }
    int nargs = f ? e->items.len + e->keywords.len : e->args.len;
    if ((f ? nargs > nparams : nargs < nparams) || (nargs > nparams && !varargs)) {
        pyx_diag_error(S->d, e->loc, "call with wrong number of arguments (expected %d, got %d)", nparams, nargs);
        return type_error(e);
    }
    for (int i = 0; i < e->args.len; i++) {
        PyxNode *arg = e->args.items[i];
        if (arg == NULL)
            continue;   /* the parameter's default */
        PyxType *at = check_expr(S, arg);
        if (i >= nparams) {   /* C varargs: floats go as double, objects not at all */
            if (at->kind == PYX_TY_OBJECT)
                pyx_diag_error(S->d, arg->loc, "cannot pass a Python object as a C variadic argument");
            else if (at->kind == PYX_TY_FLOAT)
                convert_to(arg, &pyx_type_double);
            continue;
        }
        PyxType *pt = f ? f->params[i]->type : ft->params[i];
        convert_to(arg, pt);
        if (bytes_literal_to_char_ptr(arg, pt))
            continue;
        if (arg->kind == PYX_NODE_NONE && pyx_type_is_c(pt)) {
            pyx_diag_error(S->d, arg->loc, "cannot pass None as argument %d of '%s', a '%s'", i + 1, callee->name, pt->name);
            continue;
        }
        if (at->kind != PYX_TY_ERROR && pyx_type_assignable(pt, at))
            pyx_diag_error(S->d, arg->loc, "argument %d of '%s' has type '%s', expected '%s'", i + 1, callee->name,
                           at->name, pt->name);
    }
    return set_type(e, f ? f->ret : ft->base);
}

/* Builtins pyxc computes in C for C arguments: len() of an object, abs(),
   min()/max() and float() of C numbers.  NULL when b is not one of them
   here (then it is a Python call). */
static PyxType *check_c_builtin(PyxNode *e, const char *b)
{
    int n = e->items.len;
    PyxType *t0 = n ? e->items.items[0]->type : NULL;
    PyxBuiltinFn fn = PYX_BUILTIN_NONE;
    PyxType *t = NULL;
    if (strcmp(b, "abs") == 0 && n == 1 && pyx_type_is_numeric(t0)) {
        PyxNode *a = e->items.items[0];
        if ((a->sflags & PYX_SF(CONST)) && a->ival == INT64_MIN)
            return NULL;   /* abs(-2**63) is a Python int */
        fn = PYX_BUILTIN_ABS;
        t = t0->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t0, t0);
    } else if ((strcmp(b, "min") == 0 || strcmp(b, "max") == 0) && n >= 2) {
        for (int i = 0; i < n; i++) {
            PyxType *it = e->items.items[i]->type;
            if (!pyx_type_is_numeric(it) || (t && (it->kind == PYX_TY_FLOAT) != (t->kind == PYX_TY_FLOAT)))
                return NULL;   /* min(1, 2.5) returns an int or a float: Python decides */
            t = t ? pyx_type_promote(t, it) : (it->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(it, it));
        }
        fn = b[1] == 'i' ? PYX_BUILTIN_MIN : PYX_BUILTIN_MAX;
    } else if (strcmp(b, "len") == 0 && n == 1 && t0->kind == PYX_TY_OBJECT) {
        fn = PYX_BUILTIN_LEN;
        t = &pyx_type_ssize_t;
    } else if (strcmp(b, "float") == 0 && n == 1 && pyx_type_is_numeric(t0)) {
        fn = PYX_BUILTIN_FLOAT;
        t = &pyx_type_double;
    } else {
        return NULL;
    }
    e->call_kind = PYX_CALL_BUILTIN;
    e->builtin = (uint8_t)fn;
    for (int i = 0; i < n; i++)
        convert_to(e->items.items[i], fn == PYX_BUILTIN_LEN ? &pyx_type_object : t);
    return set_type(e, t);
}

/* A C value cannot be called; a literal can, as in Python, where '5()'
   compiles with a SyntaxWarning and raises TypeError when it runs. */
static bool check_callee(Sema *S, PyxNode *callee)
{
    if (!pyx_type_is_c(callee->type) || callee->type->kind == PYX_TY_ERROR)
        return true;
    PyxNodeKind k = callee->kind;
    if (k == PYX_NODE_INT || k == PYX_NODE_FLOAT || k == PYX_NODE_TRUE || k == PYX_NODE_FALSE) {
        pyx_diag_warning(S->d, callee->loc, "'%s' object is not callable; perhaps you missed a comma?",
                         k == PYX_NODE_INT ? "int" : k == PYX_NODE_FLOAT ? "float" : "bool");
        return true;
    }
    pyx_diag_error(S->d, callee->loc, "'%s' is not callable", callee->type->name);
    return false;
}

PyxType *check_call(Sema *S, PyxNode *e)
{
    PyxNode *callee = e->value;
    e->call_kind = PYX_CALL_PYTHON;
    e->builtin = PYX_BUILTIN_NONE;
    e->args = (PyxNodeList){0};
    PyxNode *unpacked = NULL;   /* the first '*x' or '**m' */
    for (int i = 0; i < e->items.len && !unpacked; i++)
        if (e->items.items[i]->kind == PYX_NODE_STARRED)
            unpacked = e->items.items[i];
    for (int i = 0; i < e->keywords.len && !unpacked; i++)
        if (e->keywords.items[i]->name == NULL)
            unpacked = e->keywords.items[i];
    if (!unpacked && check_super_call(S, e))   /* check_class.c */
        return e->type;
    /* calls of C functions: this module's cdef/cpdef functions and externs */
    if (callee->kind == PYX_NODE_NAME) {
        PyxSymbol *sym = lookup(S, callee->name);
        PyxFunc *f = sym && sym->kind == PYX_SYM_FUNC && sym->func && sym->func->is_c ? sym->func : NULL;
        PyxType *ft = f ? NULL : c_function_of(sym);
        if ((f || ft) && unpacked) {
            pyx_diag_error(S->d, unpacked->loc, "cannot unpack arguments ('*' or '**') into a call of the C function '%s'",
                           callee->name);
            return type_error(e);
        }
        if (f)
            return check_c_call(S, e, sym, f, NULL);
        if (ft)
            return check_c_call(S, e, sym, NULL, ft);
    }
    if (unpacked) {   /* a tuple and a dict built at run time, then PyObject_Call */
        e->call_kind = PYX_CALL_UNPACK;
        bool ok = true;
        check_expr(S, callee);
        for (int i = 0; i < e->items.len; i++) {
            PyxNode *it = e->items.items[i];
            ok &= it->kind == PYX_NODE_STARRED ? check_unpacked(S, it, "cannot unpack a '%s'")
                                              : check_expr(S, it) && check_boxable(S, it, "cannot pass a '%s' to a Python function");
        }
        for (int i = 0; i < e->keywords.len; i++) {
            check_expr(S, e->keywords.items[i]->value);
            ok &= check_boxable(S, e->keywords.items[i]->value, "cannot pass a '%s' to a Python function");
        }
        if (!check_callee(S, callee))
            return type_error(e);
        convert_to(callee, &pyx_type_object);
        return ok ? set_type(e, &pyx_type_object) : type_error(e);
    }
    const char *b = builtin_of(S, callee);
    if (b && check_frame_call(S, e, b))   /* locals(), vars(), dir(), exec(s), eval(s): check_locals.c */
        return e->type;
    for (int i = 0; i < e->items.len; i++)
        check_expr(S, e->items.items[i]);
    for (int i = 0; i < e->keywords.len; i++)
        check_expr(S, e->keywords.items[i]->value);
    if (b && e->keywords.len == 0) {
        if (strcmp(b, "globals") == 0 && e->items.len == 0) {
            e->call_kind = PYX_CALL_GLOBALS;   /* the module's namespace, not the caller's */
            return set_type(e, pyx_type_builtin(PYX_BI_DICT));
        }
        PyxType *t = check_c_builtin(e, b);
        if (t)
            return t;
    }
    bool ok = true;
    for (int i = 0; i < e->items.len; i++)
        ok &= check_boxable(S, e->items.items[i], "cannot pass a '%s' to a Python function");
    for (int i = 0; i < e->keywords.len; i++)
        ok &= check_boxable(S, e->keywords.items[i]->value, "cannot pass a '%s' to a Python function");
    check_expr(S, callee);
    if (!check_callee(S, callee))
        return type_error(e);
    convert_to(callee, &pyx_type_object);
    if (callee->kind == PYX_NODE_ATTRIBUTE)
        e->call_kind = PYX_CALL_METHOD;
    return ok ? set_type(e, &pyx_type_object) : type_error(e);
}
