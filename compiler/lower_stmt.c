/* lower_stmt.c - Python statements, parameters and definitions -> AST.
 *
 * Simple statements become one node each; compound ones lower their blocks
 * with lower_block (lower.c), which also runs the layout checks.
 */
#include <stdio.h>
#include <string.h>

#include "lower_int.h"

/* ---- parameters ----------------------------------------------------------- */

/* parameters / lambda_parameters: the Python signature forms plus Cython's
   typed 'int n' parameters (c_parameter).  '/' marks what precedes it as
   positional-only, '*' or '*args' what follows as keyword-only. */
void lower_params(Lower *L, TSNode n, PyxNodeList *out)
{
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    int kwonly = 0;
    for (int i = 0; i < len; i++) {
        TSNode p = k[i].node;
        const char *t = type_of(p);
        PyxNode *r = NULL;
        if (strcmp(t, "positional_separator") == 0) {
            for (int j = 0; j < out->len; j++)
                if (out->items[j]->op == PYX_PARAM_NORMAL)
                    out->items[j]->op = PYX_PARAM_POSONLY;
            continue;
        }
        if (strcmp(t, "keyword_separator") == 0) {
            kwonly = 1;
            continue;
        }
        if (strcmp(t, "identifier") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->name = cst_text(L, p);
        } else if (strcmp(t, "default_parameter") == 0 || strcmp(t, "typed_default_parameter") == 0) {
            TSNode name = field(p, "name");
            if (is(name, "tuple_pattern")) {
                lower_unsupported(L, p, "tuple parameters (Python 2)");
                continue;
            }
            r = node(L, PYX_NODE_PARAM, p);
            r->name = cst_text(L, name);
            TSNode v = field(p, "value");
            if (ts_node_is_named(v))
                r->value = lower_expr(L, v);
            else
                r->flags |= PYX_F(STAR);   /* '.pxd' style 'x=*': has a default */
            TSNode ty = field(p, "type");
            if (!ts_node_is_null(ty))
                r->annotation = lower_type(L, ty);
        } else if (strcmp(t, "typed_parameter") == 0) {
            TSNode inner = cst_first_named(L, p);
            r = node(L, PYX_NODE_PARAM, p);
            r->annotation = lower_type(L, field(p, "type"));
            if (is(inner, "list_splat_pattern")) {
                r->op = PYX_PARAM_VARARGS;
                inner = cst_first_named(L, inner);
            } else if (is(inner, "dictionary_splat_pattern")) {
                r->op = PYX_PARAM_VARKW;
                inner = cst_first_named(L, inner);
            }
            r->name = cst_text(L, inner);
        } else if (strcmp(t, "list_splat_pattern") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_VARARGS;
            r->name = cst_text(L, cst_first_named(L, p));
        } else if (strcmp(t, "dictionary_splat_pattern") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_VARKW;
            r->name = cst_text(L, cst_first_named(L, p));
        } else if (strcmp(t, "tuple_pattern") == 0) {
            lower_unsupported(L, p, "tuple parameters (Python 2)");
            continue;
        } else if (strcmp(t, "c_parameter") == 0) {
            r = lower_c_param(L, p);
        } else if (strcmp(t, "c_varargs") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_CVARARGS;
        } else {
            lower_bad_node(L, p);
            continue;
        }
        r->len = (uint32_t)strlen(r->name ? r->name : "");
        if (r->op == PYX_PARAM_VARARGS)
            kwonly = 1;
        else if (kwonly && r->op == PYX_PARAM_NORMAL)
            r->op = PYX_PARAM_KWONLY;
        pyx_list_push(L->a, out, r);
    }
}

/* type_parameter: '[' T, *Ts, **P, T: bound ']' (PEP 695) */
void lower_type_params(Lower *L, TSNode n, PyxNodeList *out)
{
    if (ts_node_is_null(n))
        return;
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        TSNode ty = k[i].node;
        TSNode inner = is(ty, "type") ? cst_first_named(L, ty) : ty;
        PyxNode *r = node(L, PYX_NODE_TYPE_PARAM, ty);
        if (is(inner, "constrained_type")) {
            Kid *ck;
            int cl = cst_named_kids(L, inner, &ck);
            r->name = cst_text(L, ck[0].node);
            if (cl > 1)
                r->value = lower_type(L, ck[1].node);
        } else if (is(inner, "splat_type")) {
            r->op = cst_has_token(L, inner, "**") ? 2 : 1;
            r->name = cst_text(L, cst_first_named(L, inner));
        } else {
            r->name = cst_text(L, inner);
        }
        r->len = (uint32_t)strlen(r->name);
        pyx_list_push(L->a, out, r);
    }
}

/* ---- statements ----------------------------------------------------------- */

/* assignment: target '=' value | target ':' type ['=' value]; chains nest
   to the right in the CST ('a = b = 1') and are flattened here. */
static PyxNode *lower_assignment(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_ASSIGN, n);
    for (;;) {
        pyx_list_push(L->a, &r->items, lower_target(L, field(n, "left")));
        TSNode ty = field(n, "type");
        if (!ts_node_is_null(ty))
            r->annotation = lower_type(L, ty);
        TSNode right = field(n, "right");
        if (ts_node_is_null(right))
            return r;
        if (is(right, "assignment") && ts_node_is_null(field(right, "type"))) {
            n = right;
            continue;
        }
        if (is(right, "augmented_assignment") || is(right, "assignment")) {
            pyx_diag_error(L->d, loc_of(L, right), "invalid syntax: assignment inside an assignment");
            return r;
        }
        r->value = is(right, "expression_list") || is(right, "pattern_list")
                       ? lower_seq(L, right, PYX_NODE_TUPLE, lower_expr)
                       : lower_expr(L, right);
        return r;
    }
}

static PyxNode *lower_aug_assignment(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_AUG_ASSIGN, n);
    r->target = lower_target(L, field(n, "left"));
    PyxNodeKind tk = r->target->kind;
    if (tk != PYX_NODE_NAME && tk != PYX_NODE_ATTRIBUTE && tk != PYX_NODE_SUBSCRIPT)
        pyx_diag_error(L->d, r->target->loc, "'%s' is an illegal expression for augmented assignment",
                       tk == PYX_NODE_TUPLE ? "tuple" : tk == PYX_NODE_LIST ? "list" : "expression");
    char op[8];
    snprintf(op, sizeof op, "%s", type_of(field(n, "operator")));
    op[strlen(op) - 1] = '\0';   /* '+=' -> '+' */
    r->op = lower_binop_of(op);
    TSNode right = field(n, "right");
    if (is(right, "assignment") || is(right, "augmented_assignment"))
        pyx_diag_error(L->d, loc_of(L, right), "invalid syntax: assignment inside an augmented assignment");
    else
        r->value = is(right, "expression_list") ? lower_seq(L, right, PYX_NODE_TUPLE, lower_expr)
                                                : lower_expr(L, right);
    return r;
}

/* expression_statement: expr | expr, expr (a tuple) | assignment | yield */
PyxNode *lower_expression_statement(Lower *L, TSNode n)
{
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    if (len == 1 && is(k[0].node, "assignment"))
        return lower_assignment(L, k[0].node);
    if (len == 1 && is(k[0].node, "augmented_assignment"))
        return lower_aug_assignment(L, k[0].node);
    PyxNode *r = node(L, PYX_NODE_EXPR_STMT, n);
    if (len == 1) {
        r->value = lower_expr(L, k[0].node);
    } else {
        PyxNode *t = node(L, PYX_NODE_TUPLE, n);
        for (int i = 0; i < len; i++)
            pyx_list_push(L->a, &t->items, lower_expr(L, k[i].node));
        r->value = t;
    }
    return r;
}

/* delete_statement: 'del' target (',' target)* */
PyxNode *lower_delete(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_DELETE, n);
    TSNode v = cst_first_named(L, n);
    if (is(v, "expression_list"))
        r->items = lower_seq(L, v, PYX_NODE_TUPLE, lower_target)->items;
    else
        pyx_list_push(L->a, &r->items, lower_target(L, v));
    return r;
}

/* raise_statement: 'raise' [expr ['from' cause]] */
PyxNode *lower_raise(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_RAISE, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!ts_node_is_named(k[i].node))
            continue;
        if (k[i].field && strcmp(k[i].field, "cause") == 0)
            r->cause = lower_expr(L, k[i].node);
        else if (is(k[i].node, "expression_list"))
            pyx_diag_error(L->d, loc_of(L, k[i].node), "Python 2 'raise E, value' syntax: write 'raise E(value)'");
        else
            r->value = lower_expr(L, k[i].node);
    }
    return r;
}

/* assert_statement: 'assert' test [',' message] */
PyxNode *lower_assert(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_ASSERT, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    r->test = lower_expr(L, k[0].node);
    if (len > 1)
        r->value = lower_expr(L, k[1].node);
    return r;
}

/* tree-sitter-python reads 'type(obj).attr = v' as 'type' followed by the
   alias '(obj).attr': put the call of the name 'type' back at the bottom of
   the target's spine of attributes, subscripts and calls. */
static PyxNode *lower_type_call_assignment(Lower *L, TSNode n, PyxNode *target)
{
    PyxLoc start = loc_of(L, n);
    PyxNode **slot = &target;
    while (!((*slot)->flags & PYX_F(PARENS)) && (*slot)->kind != PYX_NODE_TUPLE && (*slot)->value
           && ((*slot)->kind == PYX_NODE_ATTRIBUTE || (*slot)->kind == PYX_NODE_SUBSCRIPT
               || (*slot)->kind == PYX_NODE_CALL)) {
        (*slot)->loc.line = start.line;   /* the expression starts at 'type' */
        (*slot)->loc.col = start.col;
        (*slot)->loc.start = start.start;
        slot = &(*slot)->value;
    }
    if (!((*slot)->flags & PYX_F(PARENS)) && (*slot)->kind != PYX_NODE_TUPLE) {   /* '(...)' */
        pyx_diag_error(L->d, target->loc, "invalid syntax: a type alias needs a name");
        return node(L, PYX_NODE_PASS, n);
    }
    PyxNode *call = node(L, PYX_NODE_CALL, n);
    call->value = node(L, PYX_NODE_NAME, n);
    call->value->name = "type";
    call->value->len = 4;
    PyxNode *args = *slot;
    args->flags &= ~PYX_F(PARENS);
    if (args->kind == PYX_NODE_TUPLE)
        call->items = args->items;
    else
        pyx_list_push(L->a, &call->items, args);
    *slot = call;
    PyxNode *r = node(L, PYX_NODE_ASSIGN, n);
    pyx_list_push(L->a, &r->items, target);
    r->value = lower_type(L, field(n, "right"));
    return r;
}

/* type_alias_statement: 'type' name [type_params] '=' type (PEP 695) */
PyxNode *lower_type_alias(Lower *L, TSNode n)
{
    TSNode left = field(n, "left");
    TSNode inner = cst_first_named(L, left);
    if (!ts_node_is_null(inner) && !is(inner, "generic_type") && !is(inner, "identifier"))
        return lower_type_call_assignment(L, n, lower_target(L, inner));
    PyxNode *r = node(L, PYX_NODE_TYPE_ALIAS, n);
    if (!ts_node_is_null(inner) && is(inner, "generic_type")) {
        Kid *k;
        int len = cst_named_kids(L, inner, &k);
        r->target = lower_name(L, k[0].node);
        for (int i = 1; i < len; i++)
            lower_type_params(L, k[i].node, &r->type_params);
    } else {
        r->target = lower_type(L, left);
    }
    r->value = lower_type(L, field(n, "right"));
    return r;
}

static PyxNode *alias_of(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_ALIAS, n);
    if (is(n, "aliased_import")) {
        r->name = cst_dotted(L, field(n, "name"));
        r->asname = cst_text(L, field(n, "alias"));
    } else {
        r->name = cst_dotted(L, n);
    }
    r->len = (uint32_t)strlen(r->name);
    return r;
}

/* import_statement: 'import' dotted_name ['as' name], ... */
PyxNode *lower_import(Lower *L, TSNode n, PyxNodeKind kind)
{
    PyxNode *r = node(L, kind, n);
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (k[i].field && strcmp(k[i].field, "name") == 0)
            pyx_list_push(L->a, &r->items, alias_of(L, k[i].node));
    return r;
}

/* import_from_statement: 'from' (dotted_name | relative_import) 'import' names | '*' */
PyxNode *lower_import_from(Lower *L, TSNode n, PyxNodeKind kind)
{
    PyxNode *r = node(L, kind, n);
    TSNode mod = field(n, "module_name");
    if (is(n, "future_import_statement")) {
        r->name = "__future__";
    } else if (is(mod, "relative_import")) {
        Kid *k;
        int len = cst_named_kids(L, mod, &k);
        for (int i = 0; i < len; i++) {
            if (is(k[i].node, "import_prefix"))
                r->level = (int)(ts_node_end_byte(k[i].node) - ts_node_start_byte(k[i].node));
            else
                r->name = cst_dotted(L, k[i].node);
        }
    } else {
        r->name = cst_dotted(L, mod);
    }
    if (r->name)
        r->len = (uint32_t)strlen(r->name);
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (k[i].field && strcmp(k[i].field, "name") == 0)
            pyx_list_push(L->a, &r->items, alias_of(L, k[i].node));
        else if (is(k[i].node, "wildcard_import") || (!ts_node_is_named(k[i].node) && is(k[i].node, "*")))
            r->flags |= PYX_F(STAR);
    }
    return r;
}

/* The shape if_statement and Cython's compile-time IF share:
   'if' cond ':' block (elif_clause)* [else_clause], elifs nested in orelse. */
static PyxNode *lower_if_chain(Lower *L, TSNode n, PyxNodeKind kind, const char *elif)
{
    PyxNode *r = node(L, kind, n);
    r->test = lower_expr(L, field(n, "condition"));
    lower_block(L, field(n, "consequence"), &r->body);
    PyxNode *tail = r;
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!k[i].field || strcmp(k[i].field, "alternative") != 0)
            continue;
        TSNode c = k[i].node;
        layout_clause_column(L, c, n);
        if (is(c, elif)) {
            PyxNode *e = node(L, kind, c);
            e->test = lower_expr(L, field(c, "condition"));
            lower_block(L, field(c, "consequence"), &e->body);
            pyx_list_push(L->a, &tail->orelse, e);
            tail = e;
        } else {
            lower_block(L, field(c, "body"), &tail->orelse);
        }
    }
    return r;
}

/* if_statement: 'if' cond ':' block (elif_clause)* [else_clause] */
PyxNode *lower_if(Lower *L, TSNode n)
{
    return lower_if_chain(L, n, PYX_NODE_IF, "elif_clause");
}

static void lower_else(Lower *L, TSNode n, PyxNodeList *out)
{
    TSNode alt = field(n, "alternative");
    if (!ts_node_is_null(alt)) {
        layout_clause_column(L, alt, n);
        lower_block(L, field(alt, "body"), out);
    }
}

/* for_statement: ['async'] 'for' target 'in' iter ':' block ['else' ':' block]
   The else block runs only if the loop was not left by 'break'. */
PyxNode *lower_for(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FOR, n);
    if (cst_has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    r->target = lower_target(L, field(n, "left"));
    TSNode right = field(n, "right");
    r->value = is(right, "expression_list") ? lower_seq(L, right, PYX_NODE_TUPLE, lower_expr)
                                            : lower_expr(L, right);
    layout_block_push(L, n);
    lower_block(L, field(n, "body"), &r->body);
    layout_block_pop(L);
    lower_else(L, n, &r->orelse);
    return r;
}

PyxNode *lower_while(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_WHILE, n);
    r->test = lower_expr(L, field(n, "condition"));
    layout_block_push(L, n);
    lower_block(L, field(n, "body"), &r->body);
    layout_block_pop(L);
    lower_else(L, n, &r->orelse);
    return r;
}

/* try_statement: 'try' ':' block (except_clause+ | except_group_clause+)
   [else_clause] [finally_clause] */
PyxNode *lower_try(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_TRY, n);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    int handlers = 0, finally = 0;
    for (int i = 0; i < len; i++) {
        handlers += is(k[i].node, "except_clause") || is(k[i].node, "except_group_clause");
        finally |= is(k[i].node, "finally_clause");
    }
    /* CPython's blocks: 'finally' wraps everything but the finally body,
       the body is one more with handlers, a handler two more */
    if (finally)
        layout_block_push(L, n);
    if (handlers)
        layout_block_push(L, n);
    lower_block(L, field(n, "body"), &r->body);
    if (handlers)
        layout_block_pop(L);
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "except_clause") || is(c, "except_group_clause") || is(c, "else_clause") || is(c, "finally_clause"))
            layout_clause_column(L, c, n);
        if (is(c, "except_clause") || is(c, "except_group_clause")) {
            PyxNode *h = node(L, PYX_NODE_EXCEPT, c);
            Kid *ck;
            int cl = cst_named_kids(L, c, &ck), exprs = 0;
            if (is(c, "except_group_clause"))
                r->flags |= PYX_F(STAR);
            if (cst_has_token(L, c, ","))
                pyx_diag_error(L->d, loc_of(L, c), "Python 2 'except E, name:' syntax: write 'except E as name:'");
            for (int j = 0; j < cl; j++) {
                TSNode e = ck[j].node;
                if (is(e, "block")) {
                    layout_block_push(L, c);
                    layout_block_push(L, c);
                    lower_block(L, e, &h->body);
                    layout_block_pop(L);
                    layout_block_pop(L);
                } else if (exprs++ == 0 && is(e, "as_pattern")) {
                    /* 'except E as name' */
                    h->value = lower_expr(L, cst_first_named(L, e));
                    TSNode alias = cst_first_named(L, field(e, "alias"));
                    if (ts_node_is_null(alias) || !is(alias, "identifier")) {
                        pyx_diag_error(L->d, loc_of(L, e), "invalid syntax: expected a name after 'as'");
                    } else {
                        lower_set_name(L, h, alias);
                    }
                } else if (exprs == 1) {
                    h->value = lower_expr(L, e);
                } else {
                    if (!is(e, "identifier"))
                        pyx_diag_error(L->d, loc_of(L, e), "invalid syntax: expected a name after 'as'");
                    lower_set_name(L, h, e);
                }
            }
            pyx_list_push(L->a, &r->handlers, h);
        } else if (is(c, "else_clause")) {
            lower_block(L, field(c, "body"), &r->orelse);
        } else if (is(c, "finally_clause")) {
            layout_block_pop(L);   /* the finally body runs in a block of its own */
            layout_block_push(L, n);
            lower_block(L, cst_first_named(L, c), &r->finalbody);
        }
    }
    if (finally)
        layout_block_pop(L);
    return r;
}

/* with_item: expr ['as' target] ('as' arrives as an as_pattern) */
PyxNode *lower_with_item(Lower *L, TSNode n)
{
    TSNode v = field(n, "value");
    PyxNode *item = node(L, PYX_NODE_WITH_ITEM, n);
    if (is(v, "as_pattern")) {
        item->value = lower_expr(L, cst_first_named(L, v));
        TSNode tgt = field(v, "alias");
        item->target = lower_target(L, cst_first_named(L, tgt));
    } else {
        item->value = lower_expr(L, v);
    }
    return item;
}

/* with_statement: ['async'] 'with' with_item (',' with_item)* ':' block
   'with a as b' arrives as an as_pattern inside the item. */
PyxNode *lower_with(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_WITH, n);
    if (cst_has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!is(k[i].node, "with_clause"))
            continue;
        Kid *ik;
        int il = cst_named_kids(L, k[i].node, &ik);
        for (int j = 0; j < il; j++)
            pyx_list_push(L->a, &r->items, lower_with_item(L, ik[j].node));
    }
    for (int i = 0; i < r->items.len; i++)
        layout_block_push(L, n);
    lower_block(L, field(n, "body"), &r->body);
    for (int i = 0; i < r->items.len; i++)
        layout_block_pop(L);
    return r;
}

/* function_definition: ['async'] 'def' name [type_params] parameters ['->' type] ':' block */
PyxNode *lower_function(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FUNCTION_DEF, n);
    if (cst_has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    lower_set_name(L, r, field(n, "name"));
    lower_type_params(L, field(n, "type_parameters"), &r->type_params);
    lower_params(L, field(n, "parameters"), &r->params);
    TSNode ret = field(n, "return_type");
    if (!ts_node_is_null(ret))
        r->annotation = lower_type(L, ret);
    int blocks = L->blocks;   /* a function body counts its blocks afresh */
    L->blocks = 0;
    lower_block(L, field(n, "body"), &r->body);
    L->blocks = blocks;
    return r;
}

/* class_definition: 'class' name [type_params] ['(' bases ')'] ':' block */
PyxNode *lower_class(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CLASS_DEF, n);
    lower_set_name(L, r, field(n, "name"));
    lower_type_params(L, field(n, "type_parameters"), &r->type_params);
    TSNode sup = field(n, "superclasses");
    if (!ts_node_is_null(sup))
        lower_arguments(L, sup, r);
    int blocks = L->blocks;   /* so does a class body */
    L->blocks = 0;
    lower_block(L, field(n, "body"), &r->body);
    L->blocks = blocks;
    return r;
}

/* decorated_definition: decorator+ (function | class | cdef function | cdef class) */
void lower_decorated(Lower *L, TSNode n, PyxNodeList *out)
{
    PyxNodeList defs = {0};
    lower_stmt(L, field(n, "definition"), &defs);
    if (defs.len != 1)
        return;
    PyxNode *def = defs.items[0];
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (is(k[i].node, "decorator"))
            pyx_list_push(L->a, &def->decorators, lower_expr(L, cst_first_named(L, k[i].node)));
    def->loc = loc_of(L, n);
    pyx_list_push(L->a, out, def);
}

/* property_definition: 'property' name ':' block (legacy Cython: the block
   defines __get__, __set__ and __del__) */
PyxNode *lower_property(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_PROPERTY, n);
    lower_set_name(L, r, field(n, "name"));
    lower_block(L, field(n, "body"), &r->body);
    return r;
}

/* compile_time_if_statement: 'IF' cond ':' block ('ELIF' cond ':' block)* ['ELSE' ':' block]
   Cython picks one branch at compile time; the AST keeps them all. */
PyxNode *lower_compile_if(Lower *L, TSNode n)
{
    return lower_if_chain(L, n, PYX_NODE_COMPILE_IF, "compile_time_elif_clause");
}

static PyxNode *int_literal(Lower *L, TSNode at, const char *digits)
{
    PyxNode *one = node(L, PYX_NODE_INT, at);
    one->name = digits;
    one->len = (uint32_t)strlen(digits);
    return one;
}

/* e + 1 or e - 1 (op ADD or SUB) */
static PyxNode *plus_one(Lower *L, TSNode at, PyxNode *e, int op)
{
    PyxNode *b = node(L, PYX_NODE_BINOP, at);
    b->left = e;
    b->op = op;
    b->right = int_literal(L, at, "1");
    return b;
}

static PyxNode *negated(Lower *L, TSNode at, PyxNode *e)
{
    PyxNode *u = node(L, PYX_NODE_UNARYOP, at);
    u->op = PYX_OP_UMINUS;
    u->value = e;
    return u;
}

/* The bounds of a for-from loop or comprehension clause ([name 'from'] first
   rel name rel last ['by' step]) as the range() call they mean; *target gets
   the loop variable:
     for i from a <= i < b by s   ->  for i in range(a, b, s)
     for i from a < i <= b        ->  for i in range(a + 1, b + 1)
     for i from a >= i > b by s   ->  for i in range(a, b, -s)
     for i from a > i >= b        ->  for i in range(a - 1, b - 1, -1) */
PyxNode *lower_for_from_range(Lower *L, TSNode n, PyxNode **target_out)
{
    TSNode name = field(n, "name"), target = field(n, "target");
    TSNode first = field(n, "first"), last = field(n, "last"), step = field(n, "step");
    TSNode rel[2];
    int nrel = 0;
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (k[i].field && strcmp(k[i].field, "relation") == 0 && nrel < 2)
            rel[nrel++] = k[i].node;
    if (nrel < 2 || ts_node_is_null(name) || ts_node_is_null(first) || ts_node_is_null(last)) {
        *target_out = lower_bad_node(L, n);   /* a broken header: parse.c has reported it */
        return lower_bad_node(L, n);
    }
    char *var = cst_text(L, name);
    if (!ts_node_is_null(target) && strcmp(cst_text(L, target), var) != 0)
        pyx_diag_error(L->d, loc_of(L, name), "variable name in for-from range does not match target '%s'",
                       cst_text(L, target));
    const char *r1 = type_of(rel[0]), *r2 = type_of(rel[1]);
    int up = r1[0] == '<';
    if ((r2[0] == '<') != up)
        pyx_diag_error(L->d, loc_of(L, rel[1]), "relation directions in for-from do not match");
    *target_out = lower_name(L, ts_node_is_null(target) ? name : target);

    PyxNode *start = lower_expr(L, first), *stop = lower_expr(L, last);
    if (r1[1] != '=')   /* 'a < i' starts after a, 'a > i' below it */
        start = plus_one(L, first, start, up ? PYX_OP_ADD : PYX_OP_SUB);
    if (r2[1] == '=')   /* 'i <= b' includes b */
        stop = plus_one(L, last, stop, up ? PYX_OP_ADD : PYX_OP_SUB);
    PyxNode *call = node(L, PYX_NODE_CALL, n);
    PyxNode *range = node(L, PYX_NODE_NAME, n);
    range->name = "range";
    range->len = 5;
    call->value = range;
    pyx_list_push(L->a, &call->items, start);
    pyx_list_push(L->a, &call->items, stop);
    if (!ts_node_is_null(step)) {
        PyxNode *s = lower_expr(L, step);
        pyx_list_push(L->a, &call->items, up ? s : negated(L, step, s));
    } else if (!up) {
        pyx_list_push(L->a, &call->items, negated(L, n, int_literal(L, n, "1")));
    }
    return call;
}

/* for_from_statement: 'for' [name 'from'] first rel name rel last ['by' step] ':' block
   ['else' ':' block], lowered to the range loop it means, so later phases
   know only one loop. */
PyxNode *lower_for_from(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FOR, n);
    r->value = lower_for_from_range(L, n, &r->target);
    layout_block_push(L, n);
    lower_block(L, field(n, "body"), &r->body);
    layout_block_pop(L);
    TSNode alt = field(n, "alternative");
    if (!ts_node_is_null(alt)) {
        layout_clause_column(L, alt, n);
        lower_block(L, field(alt, "body"), &r->orelse);
    }
    return r;
}
