/* lower_pattern.c - match statements and their patterns -> MATCH / PAT_*.
 *
 * The grammar gives patterns partly as expression nodes (numbers, strings,
 * dotted names) and partly as pattern nodes; here they all become PAT_*
 * nodes, with literal values and dotted names wrapped in PAT_VALUE.
 */
#include <string.h>

#include "lower_int.h"

static PyxNode *lower_pattern(Lower *L, TSNode n);

static PyxNode *pattern_value(Lower *L, TSNode n, PyxNode *v)
{
    PyxNode *r = node(L, PYX_NODE_PAT_VALUE, n);
    r->value = v;
    return r;
}

/* dotted_name in a pattern: a bare name captures, a dotted one is a value */
static PyxNode *pattern_dotted(Lower *L, TSNode n)
{
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    if (len == 1) {
        PyxNode *r = node(L, PYX_NODE_PAT_CAPTURE, n);
        lower_set_name(L, r, k[0].node);
        return r;
    }
    PyxNode *v = lower_name(L, k[0].node);
    for (int i = 1; i < len; i++) {
        PyxNode *a = node(L, PYX_NODE_ATTRIBUTE, k[i].node);
        a->value = v;
        lower_set_name(L, a, k[i].node);
        v = a;
    }
    return pattern_value(L, n, v);
}

/* A pattern whose CST node lists its parts as children (case_pattern,
   complex_pattern): '_' , '-' number, number +/- number, or one sub-pattern. */
static PyxNode *pattern_from_children(Lower *L, TSNode n)
{
    Kid *k;
    int len = cst_kids(L, n, &k);
    if (len == 1 && !ts_node_is_named(k[0].node))    /* '_' */
        return node(L, PYX_NODE_PAT_CAPTURE, n);
    if (len == 1)
        return lower_pattern(L, k[0].node);
    /* numeric literal forms: ['-'] num [('+'|'-') num] */
    PyxNode *v = NULL;
    int neg = 0, op = PYX_OP_NONE;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (!ts_node_is_named(c)) {
            if (v == NULL)
                neg = is(c, "-");
            else
                op = is(c, "-") ? PYX_OP_SUB : PYX_OP_ADD;
            continue;
        }
        PyxNode *num = lower_expr(L, c);
        if (is(c, "complex_pattern")) {
            num = lower_pattern(L, c)->value;
        }
        if (v == NULL) {
            v = num;
            if (neg) {
                PyxNode *u = node(L, PYX_NODE_UNARYOP, n);
                u->op = PYX_OP_UMINUS;
                u->value = v;
                v = u;
            }
        } else {
            PyxNode *b = node(L, PYX_NODE_BINOP, n);
            b->op = op;
            b->left = v;
            b->right = num;
            v = b;
        }
    }
    return v ? pattern_value(L, n, v) : lower_bad_node(L, n);
}

/* '*rest' / '**rest' name into r ('*_' leaves it NULL: a wildcard). */
static void set_splat_name(Lower *L, PyxNode *r, TSNode splat)
{
    TSNode id = cst_first_named(L, splat);
    if (!ts_node_is_null(id)) {
        lower_set_name(L, r, id);
    }
}

static PyxNode *lower_pattern_node(Lower *L, TSNode n);

static PyxNode *lower_pattern(Lower *L, TSNode n)
{
    if (!lower_enter(L, n))
        return node(L, PYX_NODE_PAT_CAPTURE, n);
    PyxNode *r = lower_pattern_node(L, n);
    lower_leave(L);
    return r;
}

static PyxNode *lower_pattern_node(Lower *L, TSNode n)
{
    const char *t = type_of(n);
    PyxNode *r;
    if (strcmp(t, "case_pattern") == 0 || strcmp(t, "complex_pattern") == 0)
        return pattern_from_children(L, n);
    if (strcmp(t, "as_pattern") == 0) {
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        r = node(L, PYX_NODE_PAT_AS, n);
        r->value = lower_pattern(L, k[0].node);
        lower_set_name(L, r, k[len - 1].node);
        return r;
    }
    if (strcmp(t, "union_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_OR, n);
        Kid *k;
        int len = cst_kids(L, n, &k);
        /* operands are named nodes or the anonymous '_' */
        for (int i = 0; i < len; i++) {
            if (ts_node_is_named(k[i].node))
                pyx_list_push(L->a, &r->items, lower_pattern(L, k[i].node));
            else if (is(k[i].node, "_"))
                pyx_list_push(L->a, &r->items, node(L, PYX_NODE_PAT_CAPTURE, k[i].node));
            else if (is(k[i].node, "-") && i + 1 < len) {
                PyxNode *u = node(L, PYX_NODE_UNARYOP, k[i].node);
                u->op = PYX_OP_UMINUS;
                u->value = lower_expr(L, k[++i].node);
                pyx_list_push(L->a, &r->items, pattern_value(L, k[i].node, u));
            }
        }
        return r;
    }
    if (strcmp(t, "list_pattern") == 0 || strcmp(t, "tuple_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_SEQUENCE, n);
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        for (int i = 0; i < len; i++)
            pyx_list_push(L->a, &r->items, lower_pattern(L, k[i].node));
        return r;
    }
    if (strcmp(t, "splat_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_STAR, n);
        set_splat_name(L, r, n);
        return r;
    }
    if (strcmp(t, "dict_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_MAPPING, n);
        Kid *k;
        int len = cst_kids(L, n, &k);
        PyxNode *key = NULL;
        int neg = 0;
        for (int i = 0; i < len; i++) {
            TSNode c = k[i].node;
            const char *f = k[i].field;
            if (f && strcmp(f, "key") == 0) {
                if (!ts_node_is_named(c)) {        /* '-' of a negative key */
                    neg = is(c, "-");
                    continue;
                }
                key = lower_pattern(L, c);
                if (neg && key->kind == PYX_NODE_PAT_VALUE) {
                    PyxNode *u = node(L, PYX_NODE_UNARYOP, c);
                    u->op = PYX_OP_UMINUS;
                    u->value = key->value;
                    key->value = u;
                }
                neg = 0;
            } else if (f && strcmp(f, "value") == 0) {
                PyxNode *item = node(L, PYX_NODE_DICT_ITEM, c);
                item->left = key;
                item->value = lower_pattern(L, c);
                pyx_list_push(L->a, &r->items, item);
            } else if (is(c, "splat_pattern")) {
                set_splat_name(L, r, c);
            }
        }
        return r;
    }
    if (strcmp(t, "class_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_CLASS, n);
        Kid *k;
        int len = cst_named_kids(L, n, &k);
        PyxNode *cls = pattern_dotted(L, k[0].node);
        r->value = cls->kind == PYX_NODE_PAT_CAPTURE ? lower_name(L, k[0].node) : cls->value;
        for (int i = 1; i < len; i++) {
            TSNode c = k[i].node;
            TSNode inner = is(c, "case_pattern") ? cst_first_named(L, c) : c;
            if (!ts_node_is_null(inner) && is(inner, "keyword_pattern"))
                pyx_list_push(L->a, &r->keywords, lower_pattern(L, inner));
            else
                pyx_list_push(L->a, &r->items, lower_pattern(L, c));
        }
        return r;
    }
    if (strcmp(t, "keyword_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_KEYWORD, n);
        Kid *k;
        int len = cst_kids(L, n, &k);
        lower_set_name(L, r, k[0].node);
        /* the value pattern: everything after '=' */
        for (int i = 1; i < len; i++) {
            if (!ts_node_is_named(k[i].node)) {
                if (is(k[i].node, "_"))
                    r->value = node(L, PYX_NODE_PAT_CAPTURE, k[i].node);
                else if (is(k[i].node, "-") && i + 1 < len) {
                    PyxNode *u = node(L, PYX_NODE_UNARYOP, k[i].node);
                    u->op = PYX_OP_UMINUS;
                    u->value = lower_expr(L, k[++i].node);
                    r->value = pattern_value(L, k[i].node, u);
                }
                continue;
            }
            r->value = lower_pattern(L, k[i].node);
        }
        return r;
    }
    if (strcmp(t, "dotted_name") == 0)
        return pattern_dotted(L, n);
    if (strcmp(t, "identifier") == 0) {
        r = node(L, PYX_NODE_PAT_CAPTURE, n);
        lower_set_name(L, r, n);
        return r;
    }
    /* literals: strings, numbers, True/False/None */
    return pattern_value(L, n, lower_expr(L, n));
}

/* match_statement: 'match' subject ':' case_clause+
   case_clause: 'case' pattern (',' pattern)* [if_clause] ':' block */
PyxNode *lower_match(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_MATCH, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    PyxNode *subject = NULL;
    int subjects = 0;
    for (int i = 0; i < len; i++) {
        if (!k[i].field || strcmp(k[i].field, "subject") != 0)
            continue;
        PyxNode *e = lower_expr(L, k[i].node);
        if (subjects++ == 0) {
            subject = e;
        } else {
            if (subjects == 2) {
                PyxNode *t = node(L, PYX_NODE_TUPLE, n);
                pyx_list_push(L->a, &t->items, subject);
                subject = t;
            }
            pyx_list_push(L->a, &subject->items, e);
        }
    }
    if (subjects == 1 && cst_has_token(L, n, ","))
        lower_unsupported(L, n, "a one-element tuple subject 'match x,:'");
    r->value = subject;
    TSNode body = field(n, "body");
    Kid *ck;
    int cl = cst_kids(L, body, &ck);
    for (int i = 0; i < cl; i++) {
        TSNode c = ck[i].node;
        if (!is(c, "case_clause"))
            continue;
        PyxNode *mc = node(L, PYX_NODE_MATCH_CASE, c);
        Kid *pk;
        int pl = cst_named_kids(L, c, &pk);
        PyxNode *seq = NULL;
        for (int j = 0; j < pl; j++) {
            TSNode p = pk[j].node;
            if (pk[j].field && strcmp(pk[j].field, "guard") == 0) {
                mc->test = lower_expr(L, cst_first_named(L, p));
            } else if (pk[j].field && strcmp(pk[j].field, "consequence") == 0) {
                lower_block(L, p, &mc->body);
            } else if (is(p, "case_pattern")) {
                PyxNode *pat = lower_pattern(L, p);
                if (mc->target == NULL) {
                    mc->target = pat;
                } else {
                    if (seq == NULL) {
                        seq = node(L, PYX_NODE_PAT_SEQUENCE, c);
                        pyx_list_push(L->a, &seq->items, mc->target);
                        mc->target = seq;
                    }
                    pyx_list_push(L->a, &seq->items, pat);
                }
            }
        }
        pyx_list_push(L->a, &r->items, mc);
    }
    return r;
}

