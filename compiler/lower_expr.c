/* lower_expr.c - expressions, assignment targets and annotations -> AST.
 *
 * lower_expr dispatches on the CST node type; each family of rules has its
 * own function below, headed by the rule it handles.
 */
#include <ctype.h>
#include <string.h>

#include "lower_int.h"

/* A sequence of expressions separated by commas (expression_list, pattern_list,
   bare tuples) -> TUPLE, each element lowered with fn. */
PyxNode *lower_seq(Lower *L, TSNode n, PyxNodeKind kind, PyxNode *(*fn)(Lower *, TSNode))
{
    PyxNode *t = node(L, kind, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        pyx_list_push(L->a, &t->items, fn(L, k[i].node));
    return t;
}

/* parenthesized_expression: '(' expr ')' - the parens only group. */
static NOINLINE PyxNode *lower_paren(Lower *L, TSNode n)
{
    TSNode inner = cst_first_named(L, n);
    if (ts_node_is_null(inner))
        return node(L, PYX_NODE_TUPLE, n);
    PyxNode *e = lower_expr(L, inner);
    e->flags |= PYX_F(PARENS);
    return e;
}

/* argument_list: '(' (expr | *e | **e | name=e)* ')' into call-like node c */
void lower_arguments(Lower *L, TSNode args, PyxNode *c)
{
    Kid *k;
    int len = cst_named_kids(L, args, &k);
    bool keyword = false, kwsplat = false;   /* seen so far: Python's order rules */
    for (int i = 0; i < len; i++) {
        TSNode a = k[i].node;
        if (is(a, "keyword_argument")) {
            keyword = true;
            PyxNode *kw = lower_keyword(L, a);
            for (int j = 0; j < c->keywords.len; j++)
                if (c->keywords.items[j]->name && strcmp(c->keywords.items[j]->name, kw->name) == 0) {
                    pyx_diag_error(L->d, kw->loc, "keyword argument repeated: %s", kw->name);
                    break;
                }
            pyx_list_push(L->a, &c->keywords, kw);
        } else if (is(a, "dictionary_splat")) {
            kwsplat = true;
            PyxNode *kw = node(L, PYX_NODE_KEYWORD, a);
            kw->value = lower_expr(L, cst_first_named(L, a));
            pyx_list_push(L->a, &c->keywords, kw);
        } else {
            if (is(a, "list_splat") && kwsplat)
                pyx_diag_error(L->d, loc_of(L, a), "iterable argument unpacking follows keyword argument unpacking");
            else if (!is(a, "list_splat") && (keyword || kwsplat))
                pyx_diag_error(L->d, loc_of(L, a), "positional argument follows keyword argument%s",
                               kwsplat ? " unpacking" : "");
            pyx_list_push(L->a, &c->items, lower_expr(L, a));
        }
    }
}

/* for_in_clause / if_clause sequence of a comprehension into r->handlers. */
static NOINLINE void lower_comp_clauses(Lower *L, Kid *k, int len, PyxNode *r)
{
    PyxNode *last = NULL;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "for_in_clause")) {
            PyxNode *g = node(L, PYX_NODE_COMPREHENSION, c);
            if (cst_has_token(L, c, "async"))
                g->flags |= PYX_F(ASYNC);
            g->target = lower_target(L, field(c, "left"));
            Kid *ck;
            int cn = cst_kids(L, c, &ck);
            PyxNode *tuple = NULL;
            for (int j = 0; j < cn; j++) {
                if (!ck[j].field || strcmp(ck[j].field, "right") != 0 || !ts_node_is_named(ck[j].node))
                    continue;
                PyxNode *e = lower_expr(L, ck[j].node);
                if (g->value == NULL) {
                    g->value = e;
                } else {
                    if (tuple == NULL) {
                        tuple = node(L, PYX_NODE_TUPLE, ck[j].node);
                        pyx_list_push(L->a, &tuple->items, g->value);
                        g->value = tuple;
                    }
                    pyx_list_push(L->a, &tuple->items, e);
                }
            }
            pyx_list_push(L->a, &r->handlers, g);
            last = g;
        } else if (is(c, "for_from_clause")) {
            PyxNode *g = node(L, PYX_NODE_COMPREHENSION, c);
            g->value = lower_for_from_range(L, c, &g->target);
            pyx_list_push(L->a, &r->handlers, g);
            last = g;
        } else if (is(c, "if_clause") && last) {
            pyx_list_push(L->a, &last->items, lower_expr(L, cst_first_named(L, c)));
        }
    }
}

/* list/set/generator/dict comprehensions: body followed by clauses */
static NOINLINE PyxNode *lower_comprehension(Lower *L, TSNode n, PyxNodeKind kind)
{
    PyxNode *r = node(L, kind, n);
    TSNode body = field(n, "body");
    if (kind == PYX_NODE_DICT_COMP) {
        r->left = lower_expr(L, field(body, "key"));
        r->value = lower_expr(L, field(body, "value"));
    } else {
        r->value = lower_expr(L, body);
    }
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    lower_comp_clauses(L, k, len, r);
    return r;
}

/* comparison_operator: a op b op c ... */
static NOINLINE PyxNode *lower_compare(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_COMPARE, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    int op = PYX_OP_NONE;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (k[i].field && strcmp(k[i].field, "operators") == 0) {
            char *t = cst_text(L, c);
            /* 'not  in' / 'is\tnot' may hold any blank run */
            char norm[16];
            size_t w = 0;
            int blank = 0;
            for (char *p = t; *p && w + 1 < sizeof norm; p++) {
                if (*p == ' ' || *p == '\t' || *p == '\\' || *p == '\n' || *p == '\r') {
                    blank = 1;
                } else {
                    if (blank && w)
                        norm[w++] = ' ';
                    blank = 0;
                    norm[w++] = *p;
                }
            }
            norm[w] = '\0';
            op = lower_binop_of(norm);
            if (op == PYX_OP_NONE)
                pyx_diag_error(L->d, loc_of(L, c), "invalid comparison operator '%s'", t);
        } else if (ts_node_is_named(c)) {
            PyxNode *e = lower_expr(L, c);
            if (r->left == NULL) {
                r->left = e;
            } else {
                PyxNode *cmp = node(L, PYX_NODE_COMPARATOR, c);
                cmp->op = op;
                cmp->value = e;
                pyx_list_push(L->a, &r->items, cmp);
            }
        }
    }
    return r;
}

/* subscript: value '[' (expr | slice) (',' ...)* ']' */
static NOINLINE PyxNode *lower_slice(Lower *L, TSNode n)
{
    PyxNode *s = node(L, PYX_NODE_SLICE, n);
    Kid *k;
    int len = cst_kids(L, n, &k), colons = 0;
    for (int i = 0; i < len; i++) {
        if (!ts_node_is_named(k[i].node)) {
            if (is(k[i].node, ":"))
                colons++;
            continue;
        }
        PyxNode *e = lower_expr(L, k[i].node);
        if (colons == 0)
            s->lower = e;
        else if (colons == 1)
            s->upper = e;
        else
            s->step = e;
    }
    return s;
}

static NOINLINE PyxNode *lower_subscript(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_SUBSCRIPT, n);
    r->value = lower_expr(L, field(n, "value"));
    Kid *k;
    int len = cst_kids(L, n, &k), commas = 0;
    PyxNode *idx = node(L, PYX_NODE_TUPLE, n);
    for (int i = 0; i < len; i++) {
        if (k[i].field && strcmp(k[i].field, "subscript") == 0)
            pyx_list_push(L->a, &idx->items, lower_expr(L, k[i].node));
        else if (!ts_node_is_named(k[i].node) && is(k[i].node, ","))
            commas++;
    }
    /* 'a[*b]' is a[(*b,)] (PEP 646) */
    bool one = idx->items.len == 1 && commas == 0 && idx->items.items[0]->kind != PYX_NODE_STARRED;
    r->right = one ? idx->items.items[0] : idx;
    return r;
}

static NOINLINE PyxNode *lower_display(Lower *L, TSNode n, PyxNodeKind kind)
{
    return lower_seq(L, n, kind, lower_expr);
}

static NOINLINE PyxNode *lower_dict(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_DICT, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "pair")) {
            PyxNode *p = node(L, PYX_NODE_DICT_ITEM, c);
            p->left = lower_expr(L, field(c, "key"));
            p->value = lower_expr(L, field(c, "value"));
            pyx_list_push(L->a, &r->items, p);
        } else {
            PyxNode *s = node(L, PYX_NODE_DOUBLE_STARRED, c);
            s->value = lower_expr(L, cst_first_named(L, c));
            pyx_list_push(L->a, &r->items, s);
        }
    }
    return r;
}

static int is_python_file(Lower *L)
{
    size_t n = strlen(L->src->path);
    return n >= 3 && strcmp(L->src->path + n - 3, ".py") == 0;
}

/* In a .py file 'sizeof(x)' is a call of whatever the name 'sizeof' is
   bound to (ctypes.sizeof, sys.getsizeof), not Cython's operator. */
static NOINLINE PyxNode *lower_python_sizeof(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CALL, n);
    PyxNode *callee = node(L, PYX_NODE_NAME, n);
    callee->name = "sizeof";
    callee->len = 6;
    r->value = callee;
    TSNode ty = field(n, "type");
    if (ts_node_is_null(ty)) {
        pyx_list_push(L->a, &r->items, lower_expr(L, field(n, "value")));
        return r;
    }
    /* 'sizeof(c_int)' parsed as a C type: in Python it is the name */
    char *text = cst_text(L, ty);
    bool name = ts_node_is_null(field(n, "declarator")) && *text && !isdigit((unsigned char)*text);
    for (const char *p = text; name && *p; p++)
        name = isalnum((unsigned char)*p) || *p == '_' || (unsigned char)*p >= 0x80;
    if (!name) {
        pyx_diag_error(L->d, loc_of(L, ty), "invalid syntax: a C type in a Python file");
        return r;
    }
    PyxNode *arg = node(L, PYX_NODE_NAME, ty);
    arg->name = text;
    arg->len = (uint32_t)strlen(text);
    pyx_list_push(L->a, &r->items, arg);
    return r;
}

/* integer / float.  A C suffix ('1U', '1LL', Cython files only) is taken off
   the text and kept as flags UNSIGNED and op = number of 'L's. */
static NOINLINE PyxNode *lower_number(Lower *L, TSNode n, PyxNodeKind kind)
{
    char *t = cst_text(L, n);
    size_t len = strlen(t);
    if (len && (t[len - 1] == 'j' || t[len - 1] == 'J'))
        kind = PYX_NODE_IMAG;
    PyxNode *r = node(L, kind, n);
    if (kind == PYX_NODE_INT) {
        size_t end = len;
        while (end > 1 && strchr("uUlL", t[end - 1])) {
            if (t[end - 1] == 'u' || t[end - 1] == 'U')
                r->flags |= PYX_F(UNSIGNED);
            else
                r->op++;
            end--;
        }
        if (end < len && is_python_file(L)) {
            if (r->op == 1 && !(r->flags & PYX_F(UNSIGNED)))
                pyx_diag_error(L->d, loc_of(L, n), "Python 2 long literal '%s': drop the 'L' suffix", t);
            else
                pyx_diag_error(L->d, loc_of(L, n), "C integer literal '%s' in a Python file: drop the suffix", t);
        }
        t[end] = '\0';
        len = end;
    }
    r->name = t;
    r->len = (uint32_t)len;
    return r;
}

/* new_expression: 'new' c_type '(' args ')' (C++) */
static NOINLINE PyxNode *lower_new(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_NEW, n);
    r->ctype = lower_ctype(L, field(n, "type"));
    lower_arguments(L, field(n, "arguments"), r);
    return r;
}

/* boolean_operator: left ('and'|'or') right, flattened like Python's AST.
   'a and b and c' nests to the left in the CST; the spine is walked with a
   loop, so a chain of any length lowers without recursing down it. */
static NOINLINE PyxNode *lower_boolop(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_BOOLOP, n);
    r->op = lower_binop_of(type_of(field(n, "operator")));
    int levels = 0;
    TSNode left = n;
    while (is(left, "boolean_operator") && lower_binop_of(type_of(field(left, "operator"))) == r->op) {
        levels++;
        left = field(left, "left");
    }
    TSNode *spine = pyx_arena_alloc(L->a, sizeof(TSNode) * (size_t)levels);
    TSNode cur = n;
    for (int i = 0; i < levels; i++) {
        spine[i] = cur;
        cur = field(cur, "left");
    }
    /* the leftmost operand, then the right operands from the innermost level out */
    pyx_list_push(L->a, &r->items, lower_expr(L, left));
    for (int i = levels - 1; i >= 0; i--)
        pyx_list_push(L->a, &r->items, lower_expr(L, field(spine[i], "right")));
    return r;
}

/* lambda: 'lambda' [lambda_parameters] ':' expression */
static NOINLINE PyxNode *lower_lambda(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_LAMBDA, n);
    TSNode params = field(n, "parameters");
    if (!ts_node_is_null(params))
        lower_params(L, params, &r->params);
    r->value = lower_expr(L, field(n, "body"));
    return r;
}

/* type: the annotation wrapper; PEP 695 forms map onto expressions. */
static PyxNode *lower_type_node(Lower *L, TSNode n);

PyxNode *lower_type(Lower *L, TSNode n)
{
    if (!lower_enter(L, n))
        return node(L, PYX_NODE_NONE, n);
    PyxNode *r = lower_type_node(L, n);
    lower_leave(L);
    return r;
}

static PyxNode *lower_type_node(Lower *L, TSNode n)
{
    if (is(n, "type")) {
        TSNode inner = cst_first_named(L, n);
        return ts_node_is_null(inner) ? lower_bad_node(L, n) : lower_type(L, inner);
    }
    if (is(n, "union_type")) {
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        PyxNode *r = len ? lower_type(L, k[0].node) : lower_bad_node(L, n);
        for (int i = 1; i < len; i++) {
            PyxNode *b = node(L, PYX_NODE_BINOP, n);
            b->op = PYX_OP_BITOR;
            b->left = r;
            b->right = lower_type(L, k[i].node);
            r = b;
        }
        return r;
    }
    if (is(n, "generic_type")) {
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        PyxNode *r = node(L, PYX_NODE_SUBSCRIPT, n);
        r->value = lower_type(L, k[0].node);
        PyxNode *args = node(L, PYX_NODE_TUPLE, n);
        for (int i = 1; i < len; i++) {
            Kid *tk;
            int tl = cst_named_kids(L, k[i].node, &tk);   /* type_parameter: '[' type, ... ']' */
            for (int j = 0; j < tl; j++)
                pyx_list_push(L->a, &args->items, lower_type(L, tk[j].node));
        }
        r->right = args->items.len == 1 ? args->items.items[0] : args;
        return r;
    }
    if (is(n, "member_type")) {
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        PyxNode *r = node(L, PYX_NODE_ATTRIBUTE, n);
        r->value = lower_type(L, k[0].node);
        r->name = len > 1 ? cst_text(L, k[len - 1].node) : "";
        r->len = (uint32_t)strlen(r->name);
        return r;
    }
    if (is(n, "splat_type")) {
        PyxNode *r = node(L, PYX_NODE_STARRED, n);
        r->value = lower_name(L, cst_first_named(L, n));
        return r;
    }
    return lower_expr(L, n);
}

static NOINLINE PyxNode *lower_yield(Lower *L, TSNode n)
{
    PyxNode *r = node(L, cst_has_token(L, n, "from") ? PYX_NODE_YIELD_FROM : PYX_NODE_YIELD, n);
    TSNode v = cst_first_named(L, n);
    if (!ts_node_is_null(v))
        r->value = is(v, "expression_list") ? lower_seq(L, v, PYX_NODE_TUPLE, lower_expr) : lower_expr(L, v);
    return r;
}

static NOINLINE PyxNode *lower_cast(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CAST, n);
    r->ctype = lower_abstract_type(L, field(n, "type"), field(n, "declarator"));
    r->value = lower_expr(L, field(n, "value"));
    if (!ts_node_is_null(field(n, "check")) || cst_has_token(L, n, "?"))
        r->flags |= PYX_F(CHECKED);
    return r;
}

static PyxNode *lower_expr_node(Lower *L, TSNode n);

PyxNode *lower_expr(Lower *L, TSNode n)
{
    if (ts_node_is_null(n))
        PYX_UNREACHABLE();
    if (!lower_enter(L, n))
        return node(L, PYX_NODE_NONE, n);
    PyxNode *r = lower_expr_node(L, n);
    lower_leave(L);
    return r;
}

static PyxNode *lower_expr_node(Lower *L, TSNode n)
{
    const char *t = type_of(n);
    PyxNode *r;
    switch (t[0]) {
    case 'a':
        if (strcmp(t, "attribute") == 0) {
            r = node(L, PYX_NODE_ATTRIBUTE, n);
            r->value = lower_expr(L, field(n, "object"));
            lower_set_name(L, r, field(n, "attribute"));
            return r;
        }
        if (strcmp(t, "await") == 0) {
            r = node(L, PYX_NODE_AWAIT, n);
            r->value = lower_expr(L, cst_first_named(L, n));
            return r;
        }
        if (strcmp(t, "address_of_expression") == 0) {
            r = node(L, PYX_NODE_ADDRESS_OF, n);
            r->value = lower_expr(L, cst_first_named(L, n));
            return r;
        }
        if (strcmp(t, "as_pattern") == 0) {
            pyx_diag_error(L->d, loc_of(L, n), "invalid syntax: 'as' is not allowed here");
            return lower_expr(L, cst_first_named(L, n));
        }
        break;
    case 'b':
        if (strcmp(t, "binary_operator") == 0) {
            r = node(L, PYX_NODE_BINOP, n);
            r->left = lower_expr(L, field(n, "left"));
            r->op = lower_binop_of(type_of(field(n, "operator")));
            r->right = lower_expr(L, field(n, "right"));
            return r;
        }
        if (strcmp(t, "boolean_operator") == 0)
            return lower_boolop(L, n);
        break;
    case 'c':
        if (strcmp(t, "call") == 0) {
            r = node(L, PYX_NODE_CALL, n);
            r->value = lower_expr(L, field(n, "function"));
            TSNode args = field(n, "arguments");
            if (is(args, "generator_expression"))
                pyx_list_push(L->a, &r->items, lower_expr(L, args));
            else
                lower_arguments(L, args, r);
            return r;
        }
        if (strcmp(t, "comparison_operator") == 0)
            return lower_compare(L, n);
        if (strcmp(t, "concatenated_string") == 0)
            return lower_string(L, n);
        if (strcmp(t, "conditional_expression") == 0) {
            Kid *k;
            cst_named_kids(L, n, &k);
            r = node(L, PYX_NODE_IF_EXP, n);
            r->left = lower_expr(L, k[0].node);
            r->test = lower_expr(L, k[1].node);
            r->right = lower_expr(L, k[2].node);
            return r;
        }
        if (strcmp(t, "cast_expression") == 0)
            return lower_cast(L, n);
        break;
    case 'd':
        if (strcmp(t, "dictionary") == 0)
            return lower_dict(L, n);
        if (strcmp(t, "dictionary_comprehension") == 0)
            return lower_comprehension(L, n, PYX_NODE_DICT_COMP);
        if (strcmp(t, "dictionary_splat") == 0) {
            r = node(L, PYX_NODE_DOUBLE_STARRED, n);
            r->value = lower_expr(L, cst_first_named(L, n));
            return r;
        }
        break;
    case 'e':
        if (strcmp(t, "ellipsis") == 0)
            return node(L, PYX_NODE_ELLIPSIS, n);
        if (strcmp(t, "expression_list") == 0)
            return lower_seq(L, n, PYX_NODE_TUPLE, lower_expr);
        break;
    case 'f':
        if (strcmp(t, "float") == 0)
            return lower_number(L, n, PYX_NODE_FLOAT);
        if (strcmp(t, "false") == 0)
            return node(L, PYX_NODE_FALSE, n);
        break;
    case 'g':
        if (strcmp(t, "generator_expression") == 0)
            return lower_comprehension(L, n, PYX_NODE_GENERATOR);
        break;
    case 'i':
        if (strcmp(t, "identifier") == 0)
            return lower_name(L, n);
        if (strcmp(t, "integer") == 0)
            return lower_number(L, n, PYX_NODE_INT);
        break;
    case 'k':
        if (strcmp(t, "keyword_identifier") == 0)
            return lower_name(L, n);
        break;
    case 'l':
        if (strcmp(t, "list") == 0)
            return lower_display(L, n, PYX_NODE_LIST);
        if (strcmp(t, "list_comprehension") == 0)
            return lower_comprehension(L, n, PYX_NODE_LIST_COMP);
        if (strcmp(t, "list_splat") == 0 || strcmp(t, "list_splat_pattern") == 0) {
            r = node(L, PYX_NODE_STARRED, n);
            r->value = lower_expr(L, cst_first_named(L, n));
            return r;
        }
        if (strcmp(t, "lambda") == 0)
            return lower_lambda(L, n);
        if (strcmp(t, "list_pattern") == 0)
            return lower_seq(L, n, PYX_NODE_LIST, lower_target);
        break;
    case 'n':
        if (strcmp(t, "none") == 0)
            return node(L, PYX_NODE_NONE, n);
        if (strcmp(t, "new_expression") == 0)
            return lower_new(L, n);
        if (strcmp(t, "not_operator") == 0) {
            r = node(L, PYX_NODE_NOT, n);
            r->value = lower_expr(L, field(n, "argument"));
            return r;
        }
        if (strcmp(t, "named_expression") == 0) {
            r = node(L, PYX_NODE_NAMED_EXPR, n);
            r->target = lower_name(L, field(n, "name"));
            r->value = lower_expr(L, field(n, "value"));
            return r;
        }
        break;
    case 'p':
        if (strcmp(t, "parenthesized_expression") == 0)
            return lower_paren(L, n);
        if (strcmp(t, "parenthesized_list_splat") == 0)
            return lower_expr(L, cst_first_named(L, n));
        if (strcmp(t, "pattern_list") == 0)
            return lower_seq(L, n, PYX_NODE_TUPLE, lower_target);
        break;
    case 's':
        if (strcmp(t, "string") == 0)
            return lower_string(L, n);
        if (strcmp(t, "subscript") == 0)
            return lower_subscript(L, n);
        if (strcmp(t, "set") == 0)
            return lower_display(L, n, PYX_NODE_SET);
        if (strcmp(t, "set_comprehension") == 0)
            return lower_comprehension(L, n, PYX_NODE_SET_COMP);
        if (strcmp(t, "slice") == 0)
            return lower_slice(L, n);
        if (strcmp(t, "sizeof_expression") == 0) {
            if (is_python_file(L))
                return lower_python_sizeof(L, n);
            r = node(L, PYX_NODE_SIZEOF, n);
            TSNode ty = field(n, "type");
            if (!ts_node_is_null(ty))
                r->ctype = lower_abstract_type(L, ty, field(n, "declarator"));
            else
                r->value = lower_expr(L, field(n, "value"));
            return r;
        }
        break;
    case 't':
        if (strcmp(t, "true") == 0)
            return node(L, PYX_NODE_TRUE, n);
        if (strcmp(t, "tuple_pattern") == 0 && ts_node_named_child_count(n) == 1 && ts_node_child_count(n) == 3)
            return lower_paren(L, n);   /* '(x) = v', '(x): T = v': no comma, a parenthesized name */
        if (strcmp(t, "tuple") == 0 || strcmp(t, "tuple_pattern") == 0)
            return lower_seq(L, n, PYX_NODE_TUPLE, t[5] ? lower_target : lower_expr);
        if (strcmp(t, "type") == 0)
            return lower_type(L, n);
        break;
    case 'u':
        if (strcmp(t, "unary_operator") == 0) {
            r = node(L, PYX_NODE_UNARYOP, n);
            const char *op = type_of(field(n, "operator"));
            r->op = op[0] == '-' ? PYX_OP_UMINUS : op[0] == '+' ? PYX_OP_UPLUS : PYX_OP_INVERT;
            r->value = lower_expr(L, field(n, "argument"));
            return r;
        }
        break;
    case 'y':
        if (strcmp(t, "yield") == 0)
            return lower_yield(L, n);
        break;
    default:
        break;
    }
    return lower_bad_node(L, n);
}

/* Assignment targets: names, attributes, subscripts, starred and nested
   tuples/lists (the grammar's 'pattern' family). */
PyxNode *lower_target(Lower *L, TSNode n)
{
    return lower_expr(L, n);
}

