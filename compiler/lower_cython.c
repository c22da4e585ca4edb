/* lower_cython.c - Cython declarations, C types and declarators -> AST.
 *
 * C types as written become CTYPE_* nodes; a declarator is applied to the
 * type it is declared with the way C reads it ('int *p[3]' is an array of
 * pointers), so every C_VAR and PARAM carries its complete type.
 */
#include <string.h>

#include "lower_int.h"

/* C scalar names after which '[...]' means an array, not buffer arguments. */
static int is_c_scalar_name(const char *s)
{
    static const char *const names[] = {
        "char", "short", "int", "long", "float", "double", "bint", "Py_ssize_t", "size_t",
        "Py_hash_t", "Py_UCS4", "Py_UNICODE", "ssize_t", "void", NULL,
    };
    for (int i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0)
            return 1;
    return 0;
}

static PyxNode *wrap_ptr(Lower *L, TSNode at, PyxNode *inner, int count)
{
    for (int i = 0; i < count; i++) {
        PyxNode *p = node(L, PYX_NODE_CTYPE_PTR, at);
        p->ctype = inner;
        inner = p;
    }
    return inner;
}

/* c_type_brackets after a base type: memoryview dims ('double[:, ::1]'),
   array sizes ('int[10]') or buffer/template arguments ('ndarray[double, ndim=2]'). */
static PyxNode *lower_ctype_brackets(Lower *L, TSNode br, PyxNode *base)
{
    Kid *k;
    int len = cst_named_kids(L, br, &k);
    int views = 0;
    for (int i = 0; i < len; i++)
        if (is(k[i].node, "memoryview_dim"))
            views++;
    if (views) {
        PyxNode *mv = node(L, PYX_NODE_CTYPE_MEMVIEW, br);
        mv->ctype = base;
        for (int i = 0; i < len; i++) {
            TSNode d = k[i].node;
            if (!is(d, "memoryview_dim")) {
                pyx_diag_error(L->d, loc_of(L, d), "memoryview dimensions must be slices like ':' or '::1'");
                continue;
            }
            PyxNode *dim = node(L, PYX_NODE_MEMVIEW_DIM, d);
            TSNode s = field(d, "start"), e = field(d, "stop"), st = field(d, "step");
            if (!ts_node_is_null(s)) dim->lower = lower_expr(L, s);
            if (!ts_node_is_null(e)) dim->upper = lower_expr(L, e);
            if (!ts_node_is_null(st)) dim->step = lower_expr(L, st);
            pyx_list_push(L->a, &mv->items, dim);
        }
        return mv;
    }
    int array = base->kind == PYX_NODE_CTYPE_NAME
                && (is_c_scalar_name(base->name) || (base->flags & (PYX_F(SIGNED) | PYX_F(UNSIGNED) | PYX_F(SHORT))) || base->op);
    if (len == 1 && is(k[0].node, "integer"))
        array = 1;
    if (array) {
        /* int[2][3]: the first size is the outermost dimension */
        PyxNode *t = base;
        for (int i = len - 1; i >= 0; i--) {
            PyxNode *arr = node(L, PYX_NODE_CTYPE_ARRAY, br);
            arr->ctype = t;
            arr->value = lower_expr(L, k[i].node);
            t = arr;
        }
        return t;
    }
    for (int i = 0; i < len; i++) {
        TSNode a = k[i].node;
        if (is(a, "keyword_argument"))
            pyx_list_push(L->a, &base->keywords, lower_keyword(L, a));
        else if (is(a, "c_type")) {   /* a template argument that is no expression: 'vector[int*]' */
            TSNode decl = {0};
            if (i + 1 < len && (is(k[i + 1].node, "array_declarator")
                                || is(k[i + 1].node, "abstract_function_declarator")))
                decl = k[++i].node;   /* 'Wrap[double (*)(double)]' */
            pyx_list_push(L->a, &base->items, lower_abstract_type(L, a, decl));
        }
        else
            pyx_list_push(L->a, &base->items, lower_expr(L, a));
    }
    return base;
}

/* c_tuple_type: '(' c_type (',' c_type)* [','] ')'; without a comma the
   parentheses only group: '(int *)' */
static PyxNode *lower_ctuple(Lower *L, TSNode n)
{
    PyxNode *t = node(L, PYX_NODE_CTYPE_TUPLE, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (is(k[i].node, "c_type"))
            pyx_list_push(L->a, &t->items, lower_ctype(L, k[i].node));
    if (t->items.len == 1 && !cst_has_token(L, n, ","))
        return t->items.items[0];
    return t;
}

/* c_type: qualifiers, signed/unsigned, short/long..., name ['complex'],
   [brackets ['.' member]], then '*', '&' and 'const' as written. */
static PyxNode *lower_ctype_node(Lower *L, TSNode n);

PyxNode *lower_ctype(Lower *L, TSNode n)
{
    if (ts_node_is_null(n))
        PYX_UNREACHABLE();
    if (!lower_enter(L, n))
        return node(L, PYX_NODE_CTYPE_NAME, n);
    PyxNode *r = lower_ctype_node(L, n);
    lower_leave(L);
    return r;
}

static PyxNode *lower_ctype_node(Lower *L, TSNode n)
{
    PyxNode *t = node(L, PYX_NODE_CTYPE_NAME, n);
    PyxNode *r = NULL;   /* the type built so far, once the base is complete */
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        const char *f = k[i].field;
        TSNode c = k[i].node;
        if (f == NULL)
            continue;
        if (strcmp(f, "qualifier") == 0) {
            t->flags |= is(c, "const") ? PYX_F(CONST) : PYX_F(VOLATILE);
        } else if (strcmp(f, "sign") == 0) {
            t->flags |= is(c, "signed") ? PYX_F(SIGNED) : PYX_F(UNSIGNED);
        } else if (strcmp(f, "size") == 0) {
            if (is(c, "short"))
                t->flags |= PYX_F(SHORT);
            else
                t->op++;
        } else if (strcmp(f, "name") == 0) {
            if (is(c, "c_tuple_type"))
                r = lower_ctuple(L, c);
            else
                t->name = cst_dotted(L, c);
        } else if (strcmp(f, "complex") == 0) {
            t->flags |= PYX_F(COMPLEX);
        } else if (strcmp(f, "suffix") == 0) {
            if (t->name == NULL)
                t->name = "int";
            if (r == NULL && i + 1 < len && k[i + 1].field && strcmp(k[i + 1].field, "suffix") == 0) {
                /* 'int[2][3]': an array of 2 arrays of 3 ints */
                int j = i;
                while (j + 1 < len && k[j + 1].field && strcmp(k[j + 1].field, "suffix") == 0)
                    j++;
                r = t;
                for (int m = j; m >= i; m--)
                    r = lower_ctype_brackets(L, k[m].node, r);
                i = j;
                continue;
            }
            r = lower_ctype_brackets(L, c, r ? r : t);
        } else if (strcmp(f, "member") == 0) {
            PyxNode *m = node(L, PYX_NODE_CTYPE_NAME, c);
            lower_set_name(L, m, c);
            m->ctype = r ? r : t;
            r = m;
        } else if (strcmp(f, "pointer") == 0) {
            r = wrap_ptr(L, n, r ? r : t, is(c, "**") ? 2 : 1);
        } else if (strcmp(f, "reference") == 0) {
            PyxNode *ref = node(L, PYX_NODE_CTYPE_REF, n);
            ref->ctype = r ? r : t;
            ref->op = is(c, "&&") ? 2 : 1;
            r = ref;
        } else if (strcmp(f, "pointer_qualifier") == 0) {
            if (r && r->kind == PYX_NODE_CTYPE_PTR)
                r->flags |= PYX_F(CONST);
            else
                pyx_diag_error(L->d, loc_of(L, c), "'const' after a type must follow a '*'");
        }
    }
    if (t->name == NULL)
        t->name = "int";   /* 'unsigned', 'long long', 'short' */
    t->len = (uint32_t)strlen(t->name);
    if ((t->flags & PYX_F(SHORT)) && t->op)
        pyx_diag_error(L->d, loc_of(L, n), "a C type cannot be both short and long");
    if (t->op > 2)
        pyx_diag_error(L->d, loc_of(L, n), "'long long long' is too long for a C type");
    return r ? r : t;
}

/* In a declaration without a body ('cdef int f(int, double)', a function
   pointer type) a bare parameter name is a type, as in C. */
static void names_to_types(Lower *L, PyxNodeList *params)
{
    for (int i = 0; i < params->len; i++) {
        PyxNode *p = params->items[i];
        if (p->ctype == NULL && p->annotation == NULL && p->value == NULL && p->op == PYX_PARAM_NORMAL
            && !(p->flags & PYX_F(STAR)) && p->name) {
            PyxNode *t = pyx_node_new(L->a, PYX_NODE_CTYPE_NAME, p->loc);
            t->name = p->name;
            t->len = p->len;
            p->ctype = t;
            p->name = NULL;
            p->len = 0;
        }
    }
}

static PyxNode *lower_exception_clause(Lower *L, TSNode n, PyxNode *fn);

/* Applies a C declarator to the type it is declared with, as C reads it:
   in 'T *D' D has type pointer-to-T, in 'T D[N]' array-of-T, in
   'T (*D)(args)' D is a pointer to a function returning T. */
/* The calling convention keyword as a flag. */
static uint64_t callconv_flag(Lower *L, TSNode cc)
{
    if (ts_node_is_null(cc))
        return 0;
    const char *t = cst_text(L, cc);
    return strcmp(t, "__stdcall") == 0 ? PYX_F(STDCALL) : strcmp(t, "__cdecl") == 0 ? PYX_F(CDECL)
                                                                                 : PYX_F(FASTCALL);
}

/* A CTYPE_FUNC for declarator d (its parameters and qualifiers) returning 'ret'. */
static PyxNode *function_type(Lower *L, TSNode d, PyxNode *ret)
{
    PyxNode *fn = node(L, PYX_NODE_CTYPE_FUNC, d);
    fn->ctype = ret;
    if (!lower_enter(L, d))
        return fn;
    lower_params(L, field(d, "parameters"), &fn->params);
    lower_leave(L);
    names_to_types(L, &fn->params);
    Kid *k;
    int len = cst_kids(L, d, &k);
    for (int i = 0; i < len; i++) {
        if (k[i].field == NULL)
            continue;
        if (strcmp(k[i].field, "exception") == 0)
            fn->except_clause = lower_exception_clause(L, k[i].node, fn);
        else if (strcmp(k[i].field, "nogil") == 0)
            fn->flags |= PYX_F(NOGIL);
        else if (strcmp(k[i].field, "gil") == 0)
            fn->flags |= PYX_F(WITH_GIL);
        else if (strcmp(k[i].field, "calling_convention") == 0)
            fn->flags |= callconv_flag(L, k[i].node);
    }
    return fn;
}

/* Applies a C declarator to the type it is declared with, as C reads it:
   in 'T *D' D has type pointer-to-T, in 'T D[N]' array-of-T, in
   'T (*D)(args)' D is a pointer to a function returning T.  'var' gets the
   name (and a C name string); abstract declarators ('char *[]',
   'void (*)(int)') have none. */
static PyxNode *apply_declarator(Lower *L, TSNode d, PyxNode *type, PyxNode *var)
{
    PyxNode *last_fn = NULL;   /* for a calling convention inside '(...)' */
    for (;;) {
        const char *t = type_of(d);
        if (strcmp(t, "identifier") == 0) {
            lower_set_name(L, var, d);
            var->loc = loc_of(L, d);
            return type;
        }
        if (strcmp(t, "cname_declarator") == 0) {
            var->asname = lower_string(L, field(d, "cname"))->name;
        } else if (strcmp(t, "pointer_declarator") == 0) {
            type = wrap_ptr(L, d, type, is(field(d, "pointer"), "**") ? 2 : 1);
            Kid *k;
            int len = cst_kids(L, d, &k);
            for (int i = 0; i < len; i++)
                if (k[i].field && strcmp(k[i].field, "qualifier") == 0 && is(k[i].node, "const"))
                    type->flags |= PYX_F(CONST);
        } else if (strcmp(t, "reference_declarator") == 0) {
            PyxNode *ref = node(L, PYX_NODE_CTYPE_REF, d);
            ref->ctype = type;
            ref->op = is(field(d, "reference"), "&&") ? 2 : 1;
            type = ref;
        } else if (strcmp(t, "array_declarator") == 0 || strcmp(t, "abstract_array_declarator") == 0) {
            PyxNode *arr = node(L, PYX_NODE_CTYPE_ARRAY, d);
            arr->ctype = type;
            TSNode size = field(d, "size");
            if (!ts_node_is_null(size))
                arr->value = lower_expr(L, size);
            type = arr;
        } else if (strcmp(t, "function_declarator") == 0) {
            type = last_fn = function_type(L, d, type);
        } else if (strcmp(t, "abstract_function_declarator") == 0) {
            PyxNode *fn = function_type(L, d, type);
            return wrap_ptr(L, d, fn, is(field(d, "pointer"), "**") ? 2 : 1);
        } else if (strcmp(t, "parenthesized_declarator") == 0) {
            if (last_fn)
                last_fn->flags |= callconv_flag(L, field(d, "calling_convention"));
        } else {
            lower_bad_node(L, d);
            return type;
        }
        d = field(d, "declarator");
        if (ts_node_is_null(d))
            return type;
    }
}

/* One declarator of a declaration (with its '= value') -> C_VAR */
static PyxNode *lower_c_var(Lower *L, TSNode d, PyxNode *base)
{
    PyxNode *v = node(L, PYX_NODE_C_VAR, d);
    if (is(d, "init_declarator")) {
        v->value = lower_expr(L, field(d, "value"));
        d = field(d, "declarator");
    }
    v->ctype = apply_declarator(L, d, base, v);
    return v;
}

/* Visibility words of a declaration as flags (PUBLIC READONLY); 'extern'
   sets *is_extern instead. */
static uint64_t visibility_flags(Lower *L, TSNode n, int *is_extern)
{
    uint64_t f = 0;
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        const char *fl = k[i].field;
        if (fl == NULL)
            continue;
        if (strcmp(fl, "visibility") == 0 || strcmp(fl, "modifier") == 0) {
            TSNode v = k[i].node;
            if (is(v, "public"))
                f |= PYX_F(PUBLIC);
            else if (is(v, "readonly"))
                f |= PYX_F(READONLY);
            else if (is(v, "extern") && is_extern)
                *is_extern = 1;
        } else if (strcmp(fl, "api") == 0) {
            f |= PYX_F(API);
        }
    }
    return f;
}

/* 'cdef extern int x' outside an extern block declares x as
   'cdef extern from *' does: the declaration is wrapped in such a block. */
static PyxNode *extern_wrap(Lower *L, TSNode n, PyxNode *decl, int is_extern)
{
    if (!is_extern || L->in_extern)
        return decl;
    PyxNode *b = node(L, PYX_NODE_EXTERN_BLOCK, n);
    b->name = "*";
    b->len = 1;
    pyx_list_push(L->a, &b->body, decl);
    return b;
}

/* c_declaration / c_variable_declaration:
   ['cdef'] [visibility] ['api'] [type] declarator ['=' value], ...
   Without a type ('cdef x') the variables are Python objects. */
static PyxNode *lower_c_declaration(Lower *L, TSNode n, int *is_extern)
{
    PyxNode *r = node(L, PYX_NODE_CDEF_VARS, n);
    r->flags |= visibility_flags(L, n, is_extern);
    TSNode type = field(n, "type");
    PyxNode *base = ts_node_is_null(type) ? NULL : lower_ctype(L, type);
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!k[i].field || strcmp(k[i].field, "declarator") != 0)
            continue;
        PyxNode *b = base;
        if (b == NULL) {
            b = node(L, PYX_NODE_CTYPE_NAME, k[i].node);
            b->name = "object";
            b->len = 6;
        }
        pyx_list_push(L->a, &r->items, lower_c_var(L, k[i].node, b));
    }
    return r;
}

/* A type with an abstract declarator: 'sizeof(int *[4])', 'sizeof(void (*)(int))' */
PyxNode *lower_abstract_type(Lower *L, TSNode type, TSNode declarator)
{
    PyxNode *base = lower_ctype(L, type);
    if (ts_node_is_null(declarator))
        return base;
    PyxNode scratch = {0};
    return apply_declarator(L, declarator, base, &scratch);
}

/* c_parameter: type [declarator] ['not None' | 'or None'] ['=' default] */
PyxNode *lower_c_param(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_PARAM, n);
    TSNode type = field(n, "type");
    TSNode d = field(n, "declarator");
    if (ts_node_is_null(type)) {   /* 'o not None': a Python object */
        lower_set_name(L, r, d);
    } else {
        PyxNode *base = lower_ctype(L, type);
        r->ctype = ts_node_is_null(d) ? base : apply_declarator(L, d, base, r);
    }
    TSNode ann = field(n, "annotation");
    if (!ts_node_is_null(ann))
        r->annotation = lower_type(L, ann);
    if (!ts_node_is_null(field(n, "not_none")))
        r->flags |= PYX_F(NOT_NONE);
    if (!ts_node_is_null(field(n, "or_none")))
        r->flags |= PYX_F(OR_NONE);
    TSNode def = field(n, "default");
    if (!ts_node_is_null(def)) {
        if (ts_node_is_named(def))
            r->value = lower_expr(L, def);
        else
            r->flags |= PYX_F(STAR);   /* '= *' in declarations: has a default */
    }
    r->loc = loc_of(L, n);
    return r;
}

/* exception_clause: 'noexcept' | 'except' ['?'] (value | '*') | 'except' '+' [handler] */
static PyxNode *lower_exception_clause(Lower *L, TSNode n, PyxNode *fn)
{
    if (cst_has_token(L, n, "noexcept")) {
        fn->flags |= PYX_F(NOEXCEPT);
        return NULL;
    }
    PyxNode *r = node(L, PYX_NODE_EXCEPT_CLAUSE, n);
    if (cst_has_token(L, n, "?"))
        r->flags |= PYX_F(EXC_CHECK);
    if (cst_has_token(L, n, "*"))
        r->flags |= PYX_F(EXC_STAR);
    if (cst_has_token(L, n, "+"))
        r->flags |= PYX_F(EXC_PLUS);
    TSNode v = field(n, "value");
    if (!ts_node_is_null(v))
        r->value = lower_expr(L, v);
    return r;
}

/* template_parameters: '[' name ['=' '*'] (',' ...)* ']' -> TYPE_PARAMs
   (flags STAR: the parameter has a default) */
static void lower_template_params(Lower *L, TSNode n, PyxNodeList *out)
{
    if (ts_node_is_null(n))
        return;
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        PyxNode *p = node(L, PYX_NODE_TYPE_PARAM, k[i].node);
        lower_set_name(L, p, field(k[i].node, "name"));
        if (!ts_node_is_null(field(k[i].node, "default")))
            p->flags |= PYX_F(STAR);
        pyx_list_push(L->a, out, p);
    }
}

/* operator_name: 'operator' op -> "operator==", "operator[]", "operator bool" */
static void set_operator_name(Lower *L, PyxNode *r, TSNode n)
{
    char *t = cst_text(L, n), *w = t;
    int word = 0;
    for (char *p = t + 8; *p; p++)   /* after 'operator' */
        if (*p != ' ' && *p != '\t' && *p != '\\' && *p != '\n' && *p != '\r') {
            word = (*p >= 'a' && *p <= 'z');
            break;
        }
    w = t + 8;
    char *out = w;
    if (word)
        *out++ = ' ';
    for (char *p = w; *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\\' && *p != '\n' && *p != '\r')
            *out++ = *p;
    *out = '\0';
    r->name = t;
    r->len = (uint32_t)strlen(t);
}

/* c_function_definition / c_function_declaration:
   ['cdef'|'cpdef'] modifiers* [return type] [calling convention] name ["cname"]
   ['[' template params ']'] '(' params ')' qualifiers* [':' block] */
static PyxNode *lower_c_function(Lower *L, TSNode n, int *is_extern)
{
    PyxNode *r = node(L, PYX_NODE_FUNCTION_DEF, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    r->flags |= PYX_F(CDEF);
    for (int i = 0; i < len; i++) {
        const char *f = k[i].field;
        TSNode c = k[i].node;
        if (f == NULL)
            continue;
        if (strcmp(f, "kind") == 0 && is(c, "cpdef"))
            r->flags = (r->flags & ~PYX_F(CDEF)) | PYX_F(CPDEF);
        else if (strcmp(f, "modifier") == 0) {
            const char *m = type_of(c);
            if (m[0] == 'e')
                *is_extern = 1;
            r->flags |= m[0] == 'i' ? PYX_F(INLINE) : m[0] == 'p' ? PYX_F(PUBLIC)
                      : m[0] == 'a' ? PYX_F(API) : 0;
        } else if (strcmp(f, "return_type") == 0)
            r->ctype = lower_ctype(L, c);
        else if (strcmp(f, "calling_convention") == 0)
            r->flags |= callconv_flag(L, c);
        else if (strcmp(f, "name") == 0) {
            if (is(c, "operator_name"))
                set_operator_name(L, r, c);
            else
                lower_set_name(L, r, c);
        } else if (strcmp(f, "cname") == 0)
            r->asname = lower_string(L, c)->name;
        else if (strcmp(f, "template_parameters") == 0)
            lower_template_params(L, c, &r->type_params);
        else if (strcmp(f, "parameters") == 0)
            lower_params(L, c, &r->params);
        else if (strcmp(f, "exception") == 0) {
            if (r->except_clause || (r->flags & PYX_F(NOEXCEPT)))
                pyx_diag_error(L->d, loc_of(L, c), "more than one exception clause on '%s'", r->name ? r->name : "function");
            r->except_clause = lower_exception_clause(L, c, r);
        } else if (strcmp(f, "nogil") == 0)
            r->flags |= PYX_F(NOGIL);
        else if (strcmp(f, "gil") == 0)
            r->flags |= PYX_F(WITH_GIL);
        else if (strcmp(f, "const") == 0)
            r->flags |= PYX_F(CONST);
        else if (strcmp(f, "body") == 0) {
            int blocks = L->blocks;   /* a function body counts its blocks afresh */
            L->blocks = 0;
            lower_block(L, c, &r->body);
            L->blocks = blocks;
        }
    }
    if (ts_node_is_null(field(n, "body"))) {
        r->flags |= PYX_F(DECL_ONLY);
        names_to_types(L, &r->params);
    }
    return r;
}

/* c_class_definition: ['cdef'] [visibility] ['api'] 'class' (name | mod.Name ['as' alias])
   ['(' bases ')'] ['[' options ']'] (':' block | newline) */
static PyxNode *lower_c_class(Lower *L, TSNode n, int *is_extern)
{
    PyxNode *r = node(L, PYX_NODE_CLASS_DEF, n);
    r->flags |= PYX_F(CDEF) | visibility_flags(L, n, is_extern);
    TSNode name = field(n, "name");
    if (is(name, "dotted_name")) {
        /* 'mod.sub.Name': the module path, then the class */
        Kid *k;
        int len = cst_named_kids(L, name, &k);
        lower_set_name(L, r, k[len - 1].node);
        PyxNode *mod = node(L, PYX_NODE_NAME, name);
        size_t cap = 1;
        for (int i = 0; i < len - 1; i++)
            cap += ts_node_end_byte(k[i].node) - ts_node_start_byte(k[i].node) + 1;
        char *path = pyx_arena_alloc(L->a, cap), *w = path;
        for (int i = 0; i < len - 1; i++) {
            uint32_t s = ts_node_start_byte(k[i].node), e = ts_node_end_byte(k[i].node);
            if (i)
                *w++ = '.';
            memcpy(w, L->src->text + s, e - s);
            w += e - s;
        }
        *w = '\0';
        mod->name = path;
        mod->len = (uint32_t)(w - path);
        r->target = mod;
    } else {
        lower_set_name(L, r, name);
    }
    TSNode alias = field(n, "alias");
    if (!ts_node_is_null(alias))
        r->asname = cst_text(L, alias);
    TSNode sup = field(n, "superclasses");
    if (!ts_node_is_null(sup))
        lower_arguments(L, sup, r);
    TSNode opts = field(n, "options");
    if (!ts_node_is_null(opts)) {
        Kid *k;
        int len = cst_named_kids(L, opts, &k);
        for (int i = 0; i < len; i++) {
            PyxNode *kw = node(L, PYX_NODE_KEYWORD, k[i].node);
            TSNode key = field(k[i].node, "key");
            kw->name = is(key, "object") ? "object" : is(key, "type") ? "type" : "check_size";
            kw->len = (uint32_t)strlen(kw->name);
            kw->value = lower_name(L, field(k[i].node, "value"));
            pyx_list_push(L->a, &r->keywords, kw);
        }
    }
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) {
        r->flags |= PYX_F(DECL_ONLY);
    } else {
        int blocks = L->blocks;
        L->blocks = 0;
        lower_block(L, body, &r->body);
        L->blocks = blocks;
    }
    return r;
}

/* cppclass_definition: ['cdef'] 'cppclass' name ["cname"] ['[' templates ']']
   ['(' bases ')'] ['nogil'] (':' declarations | newline) */
static PyxNode *lower_cppclass(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CPPCLASS_DEF, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        const char *f = k[i].field;
        TSNode c = k[i].node;
        if (f == NULL)
            continue;
        if (strcmp(f, "name") == 0)
            lower_set_name(L, r, c);
        else if (strcmp(f, "cname") == 0)
            r->asname = lower_string(L, c)->name;
        else if (strcmp(f, "template_parameters") == 0)
            lower_template_params(L, c, &r->type_params);
        else if (strcmp(f, "base") == 0)
            pyx_list_push(L->a, &r->items, lower_ctype(L, c));
        else if (strcmp(f, "nogil") == 0)
            r->flags |= PYX_F(NOGIL);
        else if (strcmp(f, "body") == 0)
            lower_block(L, c, &r->body);
    }
    if (ts_node_is_null(field(n, "body")))
        r->flags |= PYX_F(DECL_ONLY);
    return r;
}

/* c_struct_definition: ['cdef'] [visibility] ['packed'] ('struct'|'union') name ["cname"]
   [':' block of declarations] */
static PyxNode *lower_c_struct(Lower *L, TSNode n, int *is_extern)
{
    PyxNode *r = node(L, PYX_NODE_STRUCT_DEF, n);
    lower_set_name(L, r, field(n, "name"));
    r->flags |= visibility_flags(L, n, is_extern);
    if (is(field(n, "kind"), "union"))
        r->flags |= PYX_F(UNION);
    if (cst_has_token(L, n, "packed"))
        r->flags |= PYX_F(PACKED);
    TSNode cname = field(n, "cname");
    if (!ts_node_is_null(cname))
        r->asname = lower_string(L, cname)->name;
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) {
        r->flags |= PYX_F(DECL_ONLY);
        return r;
    }
    Kid *k;
    int len = cst_named_kids(L, body, &k);
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "c_declaration")) {
            PyxNode *d = lower_c_declaration(L, c, NULL);
            for (int j = 0; j < d->items.len; j++)
                pyx_list_push(L->a, &r->items, d->items.items[j]);
        } else if (is(c, "c_function_declaration") || is(c, "compile_time_if_statement")) {
            lower_stmt(L, c, &r->items);
        }
    }
    return r;
}

/* c_enum_definition: ['cdef'|'cpdef'] [visibility] 'enum' ['class'|'struct'] [name] ["cname"]
   ['(' type ')'] ':' enumerators */
static PyxNode *lower_c_enum(Lower *L, TSNode n, int *is_extern)
{
    PyxNode *r = node(L, PYX_NODE_ENUM_DEF, n);
    r->flags |= visibility_flags(L, n, is_extern);
    TSNode kind = field(n, "kind");
    if (!ts_node_is_null(kind) && is(kind, "cpdef"))
        r->flags |= PYX_F(CPDEF);
    if (!ts_node_is_null(field(n, "scoped")))
        r->flags |= PYX_F(SCOPED);
    TSNode name = field(n, "name");
    if (!ts_node_is_null(name)) {
        lower_set_name(L, r, name);
    }
    TSNode cname = field(n, "cname");
    if (!ts_node_is_null(cname))
        r->asname = lower_string(L, cname)->name;
    TSNode under = field(n, "underlying_type");
    if (!ts_node_is_null(under))
        r->ctype = lower_ctype(L, under);
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) {
        r->flags |= PYX_F(DECL_ONLY);
        return r;
    }
    Kid *k;
    int len = cst_named_kids(L, body, &k);
    for (int i = 0; i < len; i++) {
        TSNode e = k[i].node;
        if (!is(e, "c_enumerator"))
            continue;
        PyxNode *en = node(L, PYX_NODE_ENUMERATOR, e);
        lower_set_name(L, en, field(e, "name"));
        TSNode ec = field(e, "cname");
        if (!ts_node_is_null(ec))
            en->asname = lower_string(L, ec)->name;
        TSNode v = field(e, "value");
        if (!ts_node_is_null(v))
            en->value = lower_expr(L, v);
        pyx_list_push(L->a, &r->items, en);
    }
    return r;
}

/* ctypedef_statement: 'ctypedef' [visibility] ['api'] (type declarator | struct | enum | class | fused) */
static PyxNode *lower_ctypedef(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CTYPEDEF, n);
    int is_extern = 0;
    r->flags |= visibility_flags(L, n, &is_extern);
    TSNode def = field(n, "definition");
    if (!ts_node_is_null(def)) {
        if (is(def, "fused_type_definition")) {
            PyxNode *f = node(L, PYX_NODE_FUSED_DEF, def);
            lower_set_name(L, f, field(def, "name"));
            Kid *k;
            int len = cst_named_kids(L, field(def, "body"), &k);
            for (int i = 0; i < len; i++)
                if (is(k[i].node, "c_type"))
                    pyx_list_push(L->a, &f->items, lower_ctype(L, k[i].node));
            return f;
        }
        r->value = is(def, "c_struct_definition") ? lower_c_struct(L, def, NULL)
                 : is(def, "c_class_definition") ? lower_c_class(L, def, NULL)
                                                 : lower_c_enum(L, def, NULL);
        r->name = r->value->name;
        r->len = r->value->len;
        return r;
    }
    PyxNode *base = lower_ctype(L, field(n, "type"));
    r->ctype = apply_declarator(L, field(n, "declarator"), base, r);
    r->loc = loc_of(L, n);
    return r;
}

/* Statement forms of the C declaration family shared by module level,
   'cdef:' blocks, struct bodies, extern blocks and C++ classes. */
void lower_cython_stmt(Lower *L, TSNode n, PyxNodeList *out)
{
    const char *t = type_of(n);
    PyxNode *r;
    int is_extern = 0;
    if (strcmp(t, "c_variable_declaration") == 0 || strcmp(t, "c_declaration") == 0)
        r = lower_c_declaration(L, n, &is_extern);
    else if (strcmp(t, "c_function_definition") == 0 || strcmp(t, "c_function_declaration") == 0)
        r = lower_c_function(L, n, &is_extern);
    else if (strcmp(t, "c_class_definition") == 0)
        r = lower_c_class(L, n, &is_extern);
    else if (strcmp(t, "cppclass_definition") == 0)
        r = lower_cppclass(L, n);
    else if (strcmp(t, "c_struct_definition") == 0)
        r = lower_c_struct(L, n, &is_extern);
    else if (strcmp(t, "c_enum_definition") == 0)
        r = lower_c_enum(L, n, &is_extern);
    else if (strcmp(t, "ctypedef_statement") == 0)
        r = lower_ctypedef(L, n);
    else if (strcmp(t, "c_declaration_block") == 0) {
        TSNode vis = field(n, "visibility");
        if (!ts_node_is_null(vis) && is(vis, "extern")) {
            /* 'cdef extern:' is 'cdef extern from *:' */
            r = node(L, PYX_NODE_EXTERN_BLOCK, n);
            r->name = "*";
            r->len = 1;
            int saved = L->in_extern;
            L->in_extern = 1;
            lower_block(L, field(n, "body"), &r->body);
            L->in_extern = saved;
        } else {
            r = node(L, PYX_NODE_CDEF_BLOCK, n);
            r->flags |= visibility_flags(L, n, NULL);
            if (!ts_node_is_null(field(n, "nogil")))
                r->flags |= PYX_F(NOGIL);
            lower_block(L, field(n, "body"), &r->body);
        }
    } else if (strcmp(t, "extern_block") == 0) {
        r = node(L, PYX_NODE_EXTERN_BLOCK, n);
        TSNode h = field(n, "header");
        if (is(h, "string")) {
            PyxNode *s = lower_string(L, h);
            r->name = s->name;
            r->len = s->len;
        } else {
            r->name = "*";
            r->len = 1;
        }
        TSNode ns = field(n, "namespace");
        if (!ts_node_is_null(ns))
            r->asname = is(ns, "string") ? lower_string(L, ns)->name : cst_text(L, ns);
        if (!ts_node_is_null(field(n, "nogil")))
            r->flags |= PYX_F(NOGIL);
        int saved = L->in_extern;
        L->in_extern = 1;
        lower_block(L, field(n, "body"), &r->body);
        L->in_extern = saved;
    } else if (strcmp(t, "gil_statement") == 0) {
        /* 'with nogil(cond), other():' -> GIL_BLOCK(test=cond, body=[WITH other(): body]) */
        r = node(L, PYX_NODE_GIL_BLOCK, n);
        r->flags |= is(field(n, "kind"), "nogil") ? PYX_F(NOGIL) : PYX_F(WITH_GIL);
        TSNode cond = field(n, "condition");
        if (!ts_node_is_null(cond))
            r->test = lower_expr(L, cond);
        Kid *k;
        int len = cst_kids(L, n, &k);
        PyxNode *with = NULL;
        for (int i = 0; i < len; i++) {
            if (!k[i].field || strcmp(k[i].field, "item") != 0)
                continue;
            if (with == NULL) {
                with = node(L, PYX_NODE_WITH, k[i].node);
                pyx_list_push(L->a, &r->body, with);
            }
            pyx_list_push(L->a, &with->items, lower_with_item(L, k[i].node));
        }
        lower_block(L, field(n, "body"), with ? &with->body : &r->body);
    } else if (strcmp(t, "cimport_statement") == 0)
        r = lower_import(L, n, PYX_NODE_CIMPORT);
    else if (strcmp(t, "cimport_from_statement") == 0)
        r = lower_import_from(L, n, PYX_NODE_CIMPORT_FROM);
    else if (strcmp(t, "include_statement") == 0) {
        r = node(L, PYX_NODE_INCLUDE, n);
        PyxNode *s = lower_string(L, field(n, "path"));
        r->name = s->name;
        r->len = s->len;
    } else if (strcmp(t, "compile_time_definition") == 0) {
        r = node(L, PYX_NODE_DEF_CONST, n);
        lower_set_name(L, r, field(n, "name"));
        r->value = lower_expr(L, field(n, "value"));
    } else if (strcmp(t, "ERROR") == 0 || ts_node_is_missing(n)) {
        return;   /* reported by parse.c */
    } else {
        lower_bad_node(L, n);
        return;
    }
    pyx_list_push(L->a, out, extern_wrap(L, n, r, is_extern));
}
