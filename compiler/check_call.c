/* check_call.c - typing calls: C calls of this module's cdef/cpdef
 * functions and of extern functions (keywords and defaults bound at compile
 * time), builtins computed in C for C arguments, and Python calls.
 */
#include "sema_int.h"

static const char *builtin_of(Sema *S, PyxNode *callee)
{
    if (callee->kind != PYX_NODE_NAME)
        return NULL;
    PyxSymbol *sym = lookup(S, callee->name);
    if (sym && sym->kind != PYX_SYM_BUILTIN)
        return NULL;
    return callee->name;
}

PyxType *check_call(Sema *S, PyxNode *e)
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
            return set_type(e, f ? f->ret : ft->base);
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
            return set_type(e, t0->kind == PYX_TY_BINT ? &pyx_type_int : pyx_type_promote(t0, t0));
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
                return set_type(e, t);
            }
        }
        if (strcmp(b, "len") == 0 && n == 1 && t0->kind == PYX_TY_OBJECT) {
            e->op = 1;
            return set_type(e, &pyx_type_ssize_t);
        }
        if (strcmp(b, "float") == 0 && n == 1 && pyx_type_is_numeric(t0)) {
            e->op = 1;
            return set_type(e, &pyx_type_double);
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
    return set_type(e, &pyx_type_object);
}
