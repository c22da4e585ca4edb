/* lower_pattern.c - match statements and their patterns -> MATCH / PAT_*.
 *
 * The grammar gives patterns partly as expression nodes (numbers, strings,
 * dotted names) and partly as pattern nodes; here they all become PAT_*
 * nodes, with literal values and dotted names wrapped in PAT_VALUE.  The
 * grammar is looser than Python's: what it lets through and CPython's parser
 * refuses (a star pattern outside a sequence pattern, a keyword pattern
 * outside a class pattern, '**rest' that is not last, mapping keys that are
 * not values, malformed complex literals) is reported here.  (An f-string
 * is refused by CPython's compiler, not its parser: sema reports it.)
 */
#include <string.h>

#include "lower_int.h"

static PyxNode *lower_pattern(Lower *L, TSNode n);

/* The location from a's start to b's end. */
static PyxLoc span(PyxLoc a, PyxLoc b)
{
    a.end = b.end > a.end ? b.end : a.end;
    return a;
}

static PyxNode *pattern_value(Lower *L, PyxLoc loc, PyxNode *v)
{
    PyxNode *r = pyx_node_new(L->a, PYX_NODE_PAT_VALUE, loc);
    r->value = v;
    return r;
}

/* '-' number: the UNARYOP spans both. */
static PyxNode *negated(Lower *L, TSNode minus, PyxNode *v)
{
    PyxNode *u = node(L, PYX_NODE_UNARYOP, minus);
    u->op = PYX_OP_UMINUS;
    u->value = v;
    u->loc = span(u->loc, v->loc);
    return u;
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
    return pattern_value(L, loc_of(L, n), v);
}

/* One _simple_pattern from a list of CST children: the grammar inlines it,
   so '_' and '-' number come as anonymous tokens among the named nodes.
   Moves *i past it; NULL for punctuation. */
static PyxNode *simple_pattern(Lower *L, Kid *k, int len, int *i)
{
    TSNode c = k[(*i)++].node;
    if (ts_node_is_named(c))
        return lower_pattern(L, c);
    if (is(c, "_"))
        return node(L, PYX_NODE_PAT_CAPTURE, c);
    if (is(c, "-") && *i < len) {
        PyxNode *u = negated(L, c, lower_expr(L, k[(*i)++].node));
        return pattern_value(L, u->loc, u);
    }
    return NULL;
}

/* complex_pattern: ['-'] real ('+' | '-') imaginary */
static PyxNode *complex_literal(Lower *L, TSNode n)
{
    Kid *k;
    int len = cst_kids(L, n, &k);
    PyxNode *v = NULL;
    TSNode minus = {0};
    int op = PYX_OP_NONE;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (!ts_node_is_named(c)) {
            if (v == NULL && is(c, "-"))
                minus = c;
            else if (v != NULL)
                op = is(c, "-") ? PYX_OP_SUB : PYX_OP_ADD;
            continue;
        }
        PyxNode *num = lower_expr(L, c);
        if (v == NULL) {
            if (num->kind == PYX_NODE_IMAG)
                pyx_diag_error(L->d, num->loc, "real number required in complex literal");
            v = ts_node_is_null(minus) ? num : negated(L, minus, num);
        } else {
            if (num->kind != PYX_NODE_IMAG)
                pyx_diag_error(L->d, num->loc, "imaginary number required in complex literal");
            PyxNode *b = pyx_node_new(L->a, PYX_NODE_BINOP, span(v->loc, num->loc));
            b->op = op;
            b->left = v;
            b->right = num;
            v = b;
        }
    }
    return v ? pattern_value(L, v->loc, v) : lower_bad_node(L, n);
}

/* case_pattern: as_pattern | keyword_pattern | _simple_pattern (inlined) */
static PyxNode *case_pattern(Lower *L, TSNode n)
{
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len;) {
        PyxNode *p = simple_pattern(L, k, len, &i);
        if (p)
            return p;
    }
    return lower_bad_node(L, n);
}

/* '*rest' / '**rest' name into r ('*_' leaves it NULL: a wildcard). */
static void set_splat_name(Lower *L, PyxNode *r, TSNode splat)
{
    TSNode id = cst_first_named(L, splat);
    if (!ts_node_is_null(id)) {
        lower_set_name(L, r, id);
    }
}

/* dict_pattern: '{' (key ':' pattern | '**' name) , ... '}' */
static PyxNode *mapping_pattern(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_PAT_MAPPING, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    PyxNode *key = NULL;
    bool rest = false;
    for (int i = 0; i < len;) {
        TSNode c = k[i].node;
        const char *f = k[i].field;
        if (f && strcmp(f, "key") == 0) {
            if (rest)
                pyx_diag_error(L->d, loc_of(L, c), "invalid syntax: '**%s' must be the last item of a mapping pattern",
                               r->name ? r->name : "_");
            key = simple_pattern(L, k, len, &i);
            if (key && key->kind != PYX_NODE_PAT_VALUE)
                pyx_diag_error(L->d, key->loc, "mapping pattern keys may only match literals and attribute lookups");
            continue;
        }
        i++;
        if (f && strcmp(f, "value") == 0) {
            PyxNode *item = node(L, PYX_NODE_DICT_ITEM, c);
            item->left = key;
            item->value = lower_pattern(L, c);
            pyx_list_push(L->a, &r->items, item);
        } else if (is(c, "splat_pattern")) {
            if (!cst_has_token(L, c, "**"))
                pyx_diag_error(L->d, loc_of(L, c), "invalid syntax: a '*' pattern in a mapping pattern (use '**rest')");
            else if (rest)
                pyx_diag_error(L->d, loc_of(L, c), "invalid syntax: '**%s' must be the last item of a mapping pattern",
                               r->name ? r->name : "_");
            else if (ts_node_is_null(cst_first_named(L, c)))
                pyx_diag_error(L->d, loc_of(L, c), "invalid syntax: '**_' is not allowed (leave it out)");
            rest = true;
            set_splat_name(L, r, c);
        }
    }
    return r;
}

/* class_pattern: dotted_name '(' positional patterns, then keyword patterns ')' */
static PyxNode *class_pattern(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_PAT_CLASS, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    PyxNode *cls = pattern_dotted(L, k[0].node);
    r->value = cls->kind == PYX_NODE_PAT_CAPTURE ? lower_name(L, k[0].node) : cls->value;
    for (int i = 1; i < len; i++) {
        TSNode c = k[i].node;
        TSNode inner = is(c, "case_pattern") ? cst_first_named(L, c) : c;
        if (!ts_node_is_null(inner) && is(inner, "keyword_pattern")) {
            pyx_list_push(L->a, &r->keywords, lower_pattern(L, inner));
            continue;
        }
        PyxNode *p = lower_pattern(L, c);
        if (r->keywords.len)
            pyx_diag_error(L->d, p->loc, "positional patterns follow keyword patterns");
        pyx_list_push(L->a, &r->items, p);
    }
    return r;
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
    Kid *k;
    if (strcmp(t, "case_pattern") == 0)
        return case_pattern(L, n);
    if (strcmp(t, "complex_pattern") == 0)
        return complex_literal(L, n);
    if (strcmp(t, "as_pattern") == 0) {
        int len = cst_named_kids(L, n, &k);
        r = node(L, PYX_NODE_PAT_AS, n);
        r->value = lower_pattern(L, k[0].node);
        lower_set_name(L, r, k[len - 1].node);
        if (strcmp(r->name, "_") == 0)
            pyx_diag_error(L->d, loc_of(L, k[len - 1].node), "cannot use '_' as a target");
        return r;
    }
    if (strcmp(t, "union_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_OR, n);
        int len = cst_kids(L, n, &k);
        for (int i = 0; i < len;) {
            PyxNode *p = simple_pattern(L, k, len, &i);
            if (p)
                pyx_list_push(L->a, &r->items, p);
        }
        return r;
    }
    if (strcmp(t, "list_pattern") == 0 || strcmp(t, "tuple_pattern") == 0) {
        int len = cst_named_kids(L, n, &k);
        if (len == 1 && strcmp(t, "tuple_pattern") == 0 && !cst_has_token(L, n, ","))
            return lower_pattern(L, k[0].node);   /* '(p)' groups */
        r = node(L, PYX_NODE_PAT_SEQUENCE, n);
        for (int i = 0; i < len; i++)
            pyx_list_push(L->a, &r->items, lower_pattern(L, k[i].node));
        return r;
    }
    if (strcmp(t, "splat_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_STAR, n);
        set_splat_name(L, r, n);
        if (cst_has_token(L, n, "**"))
            pyx_diag_error(L->d, r->loc, "invalid syntax: a '**' pattern outside a mapping pattern");
        return r;
    }
    if (strcmp(t, "dict_pattern") == 0)
        return mapping_pattern(L, n);
    if (strcmp(t, "class_pattern") == 0)
        return class_pattern(L, n);
    if (strcmp(t, "keyword_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_KEYWORD, n);
        int len = cst_kids(L, n, &k);
        lower_set_name(L, r, k[0].node);
        for (int i = 1; i < len && !r->value;)   /* the value pattern: after '=' */
            r->value = simple_pattern(L, k, len, &i);
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
    return pattern_value(L, loc_of(L, n), lower_expr(L, n));
}

/* What the grammar accepts anywhere and Python only in one place: a star
   pattern is an item of a sequence pattern, a keyword pattern an argument
   of a class pattern. */
static void check_placement(Lower *L, PyxNode *p, bool seq_item)
{
    if (p == NULL)
        return;
    switch (p->kind) {
    case PYX_NODE_PAT_STAR:
        if (!seq_item)
            pyx_diag_error(L->d, p->loc, "invalid syntax: a star pattern ('*%s') can only be an item of a sequence pattern",
                           p->name ? p->name : "_");
        break;
    case PYX_NODE_PAT_KEYWORD:
        pyx_diag_error(L->d, p->loc, "invalid syntax: a keyword pattern ('%s=') outside a class pattern", p->name);
        break;
    case PYX_NODE_PAT_SEQUENCE:
        for (int i = 0; i < p->items.len; i++)
            check_placement(L, p->items.items[i], true);
        break;
    case PYX_NODE_PAT_CLASS:
        for (int i = 0; i < p->items.len; i++)
            check_placement(L, p->items.items[i], false);
        for (int i = 0; i < p->keywords.len; i++)
            check_placement(L, p->keywords.items[i]->value, false);
        break;
    case PYX_NODE_PAT_MAPPING:
        for (int i = 0; i < p->items.len; i++)
            check_placement(L, p->items.items[i]->value, false);
        break;
    case PYX_NODE_PAT_AS:
        check_placement(L, p->value, false);
        break;
    case PYX_NODE_PAT_OR:
        for (int i = 0; i < p->items.len; i++)
            check_placement(L, p->items.items[i], false);
        break;
    default:
        break;
    }
}

/* match_statement: 'match' subject ':' case_clause+
   case_clause: 'case' pattern (',' pattern)* [','] [if_clause] ':' block */
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
    if (subjects == 1 && cst_has_token(L, n, ",")) {   /* 'match x,:' */
        PyxNode *t = pyx_node_new(L->a, PYX_NODE_TUPLE, subject->loc);
        pyx_list_push(L->a, &t->items, subject);
        subject = t;
    } else if (subjects == 1 && subject->kind == PYX_NODE_STARRED) {
        pyx_diag_error(L->d, subject->loc, "cannot use starred expression here");
    }
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
                    continue;
                }
                if (seq == NULL) {   /* 'case a, b:' is an open sequence pattern */
                    seq = pyx_node_new(L->a, PYX_NODE_PAT_SEQUENCE, mc->target->loc);
                    pyx_list_push(L->a, &seq->items, mc->target);
                    mc->target = seq;
                }
                pyx_list_push(L->a, &seq->items, pat);
                seq->loc = span(seq->loc, pat->loc);
            }
        }
        if (seq == NULL && mc->target && cst_has_token(L, c, ",")) {   /* 'case a,:' */
            seq = pyx_node_new(L->a, PYX_NODE_PAT_SEQUENCE, mc->target->loc);
            pyx_list_push(L->a, &seq->items, mc->target);
            mc->target = seq;
        }
        check_placement(L, mc->target, false);
        pyx_list_push(L->a, &r->items, mc);
    }
    return r;
}
