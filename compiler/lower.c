/* lower.c - tree-sitter CST -> pyxc AST (see lower.h): the entry point,
 * the CST access helpers, statement dispatch and blocks.
 *
 * One function per grammar rule (or family of rules), each headed by the rule
 * it handles, spread over the lower_*.c files by concern (lower_int.h lists
 * them).  The CST is walked once; strings are decoded and adjacent literals
 * joined, so later phases see values, not source spellings.  Node and field
 * names are the grammar's (grammar/README.md lists the Cython ones); nothing
 * outside these files and parse.c depends on them.
 */
#include "lower.h"

#include <string.h>

#include "lower_int.h"

/* ---- CST access ---------------------------------------------------------- */

int lower_enter(Lower *L, TSNode n)
{
    if (L->depth >= LOWER_MAX_DEPTH) {
        pyx_diag_error(L->d, loc_of(L, n), "expression is too deeply nested (more than %d levels)",
                       LOWER_MAX_DEPTH);
        return 0;
    }
    L->depth++;
    return 1;
}

char *cst_text(Lower *L, TSNode n)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return pyx_arena_strndup(L->a, L->src->text + s, e - s);
}

/* All children (named and anonymous, extras left out) with their fields. */
int cst_kids(Lower *L, TSNode n, Kid **out)
{
    uint32_t count = ts_node_child_count(n);
    Kid *k = pyx_arena_alloc(L->a, sizeof(Kid) * (count ? count : 1));
    int len = 0;
    TSTreeCursor c = ts_tree_cursor_new(n);
    if (ts_tree_cursor_goto_first_child(&c)) {
        do {
            TSNode ch = ts_tree_cursor_current_node(&c);
            if (ts_node_is_extra(ch))
                continue;
            k[len].node = ch;
            k[len].field = ts_tree_cursor_current_field_name(&c);
            len++;
        } while (ts_tree_cursor_goto_next_sibling(&c));
    }
    ts_tree_cursor_delete(&c);
    *out = k;
    return len;
}

/* Named, non-extra children only. */
int cst_named_kids(Lower *L, TSNode n, Kid **out)
{
    Kid *k;
    int len = cst_kids(L, n, &k), m = 0;
    for (int i = 0; i < len; i++)
        if (ts_node_is_named(k[i].node))
            k[m++] = k[i];
    *out = k;
    return m;
}

TSNode cst_first_named(Lower *L, TSNode n)
{
    Kid *k;
    if (cst_named_kids(L, n, &k) > 0)
        return k[0].node;
    TSNode none = {0};
    return none;
}

/* Is there an anonymous child token spelled 'tok'? */
int cst_has_token(Lower *L, TSNode n, const char *tok)
{
    Kid *k;
    int len = cst_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (!ts_node_is_named(k[i].node) && is(k[i].node, tok))
            return 1;
    return 0;
}

void lower_unsupported(Lower *L, TSNode n, const char *what)
{
    pyx_diag_unsupported(L->d, loc_of(L, n), what);
}

PyxNode *lower_bad_node(Lower *L, TSNode n)
{
    /* parse.c has already reported ERROR/MISSING nodes; anything else is a
       grammar rule this file does not know yet. */
    if (!ts_node_is_missing(n) && strcmp(type_of(n), "ERROR") != 0)
        pyx_diag_error(L->d, loc_of(L, n), "not supported yet: '%s' syntax", type_of(n));
    return node(L, PYX_NODE_NONE, n);
}

/* r->name/len from the source text of n. */
void lower_set_name(Lower *L, PyxNode *r, TSNode n)
{
    r->name = cst_text(L, n);
    r->len = (uint32_t)strlen(r->name);
}

/* keyword_argument: name '=' value */
PyxNode *lower_keyword(Lower *L, TSNode a)
{
    PyxNode *kw = node(L, PYX_NODE_KEYWORD, a);
    lower_set_name(L, kw, field(a, "name"));
    kw->value = lower_expr(L, field(a, "value"));
    return kw;
}

PyxNode *lower_name(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_NAME, n);
    lower_set_name(L, r, n);
    return r;
}

/* dotted_name -> "a.b.c" (whitespace removed) */
char *cst_dotted(Lower *L, TSNode n)
{
    char *t = cst_text(L, n), *w = t;
    for (char *r = t; *r; r++)
        if (*r != ' ' && *r != '\t' && *r != '\\' && *r != '\n' && *r != '\r')
            *w++ = *r;
    *w = '\0';
    return t;
}

/* ---- operators ------------------------------------------------------------ */

int lower_binop_of(const char *s)
{
    static const struct { const char *s; int op; } ops[] = {
        {"+", PYX_OP_ADD}, {"-", PYX_OP_SUB}, {"*", PYX_OP_MUL}, {"@", PYX_OP_MATMUL},
        {"/", PYX_OP_DIV}, {"//", PYX_OP_FLOORDIV}, {"%", PYX_OP_MOD}, {"**", PYX_OP_POW},
        {"<<", PYX_OP_LSHIFT}, {">>", PYX_OP_RSHIFT}, {"|", PYX_OP_BITOR}, {"^", PYX_OP_BITXOR},
        {"&", PYX_OP_BITAND}, {"==", PYX_OP_EQ}, {"!=", PYX_OP_NE}, {"<", PYX_OP_LT},
        {"<=", PYX_OP_LE}, {">", PYX_OP_GT}, {">=", PYX_OP_GE}, {"is", PYX_OP_IS},
        {"is not", PYX_OP_IS_NOT}, {"in", PYX_OP_IN}, {"not in", PYX_OP_NOT_IN},
        {"and", PYX_OP_AND}, {"or", PYX_OP_OR},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(ops[i].s, s) == 0)
            return ops[i].op;
    return PYX_OP_NONE;
}

/* ---- statements and blocks -------------------------------------------------- */

static PyxNode *simple(Lower *L, PyxNodeKind k, TSNode n)
{
    return node(L, k, n);
}

static PyxNode *with_value(Lower *L, PyxNodeKind k, TSNode n)
{
    PyxNode *r = node(L, k, n);
    TSNode v = cst_first_named(L, n);
    if (!ts_node_is_null(v))
        r->value = is(v, "expression_list") ? lower_seq(L, v, PYX_NODE_TUPLE, lower_expr) : lower_expr(L, v);
    return r;
}

/* One statement of a block into out (a decorated definition adds one node,
   comments none).  Python's statements are here; the Cython family goes to
   lower_cython_stmt. */
void lower_stmt(Lower *L, TSNode n, PyxNodeList *out)
{
    const char *t = type_of(n);
    PyxNode *r = NULL;
    if (ts_node_is_extra(n) || strcmp(t, "comment") == 0)
        return;
    if (strcmp(t, "expression_statement") == 0)
        r = lower_expression_statement(L, n);
    else if (strcmp(t, "pass_statement") == 0)
        r = simple(L, PYX_NODE_PASS, n);
    else if (strcmp(t, "break_statement") == 0)
        r = simple(L, PYX_NODE_BREAK, n);
    else if (strcmp(t, "continue_statement") == 0)
        r = simple(L, PYX_NODE_CONTINUE, n);
    else if (strcmp(t, "return_statement") == 0)
        r = with_value(L, PYX_NODE_RETURN, n);
    else if (strcmp(t, "delete_statement") == 0)
        r = lower_delete(L, n);
    else if (strcmp(t, "raise_statement") == 0)
        r = lower_raise(L, n);
    else if (strcmp(t, "global_statement") == 0 || strcmp(t, "nonlocal_statement") == 0)
        r = lower_seq(L, n, t[0] == 'g' ? PYX_NODE_GLOBAL : PYX_NODE_NONLOCAL, lower_expr);
    else if (strcmp(t, "assert_statement") == 0)
        r = lower_assert(L, n);
    else if (strcmp(t, "import_statement") == 0)
        r = lower_import(L, n, PYX_NODE_IMPORT);
    else if (strcmp(t, "import_from_statement") == 0 || strcmp(t, "future_import_statement") == 0)
        r = lower_import_from(L, n, PYX_NODE_IMPORT_FROM);
    else if (strcmp(t, "if_statement") == 0)
        r = lower_if(L, n);
    else if (strcmp(t, "for_statement") == 0)
        r = lower_for(L, n);
    else if (strcmp(t, "while_statement") == 0)
        r = lower_while(L, n);
    else if (strcmp(t, "try_statement") == 0)
        r = lower_try(L, n);
    else if (strcmp(t, "with_statement") == 0)
        r = lower_with(L, n);
    else if (strcmp(t, "function_definition") == 0)
        r = lower_function(L, n);
    else if (strcmp(t, "class_definition") == 0)
        r = lower_class(L, n);
    else if (strcmp(t, "decorated_definition") == 0) {
        lower_decorated(L, n, out);
        return;
    } else if (strcmp(t, "match_statement") == 0)
        r = lower_match(L, n);
    else if (strcmp(t, "type_alias_statement") == 0)
        r = lower_type_alias(L, n);
    else if (strcmp(t, "for_from_statement") == 0)
        r = lower_for_from(L, n);
    else if (strcmp(t, "compile_time_if_statement") == 0)
        r = lower_compile_if(L, n);
    else if (strcmp(t, "property_definition") == 0)
        r = lower_property(L, n);
    else if (strcmp(t, "print_statement") == 0) {
        r = node(L, PYX_NODE_PRINT_STMT, n);
        pyx_diag_error(L->d, loc_of(L, n), "Python 2 print statement: write print(...)");
    } else if (strcmp(t, "exec_statement") == 0) {
        r = node(L, PYX_NODE_EXEC_STMT, n);
        pyx_diag_error(L->d, loc_of(L, n), "Python 2 exec statement: write exec(...)");
    } else {
        lower_cython_stmt(L, n, out);
        return;
    }
    pyx_list_push(L->a, out, r);
}

/* block: statements at one indentation level (or the simple statements
   after ':' on the same line).  The grammar tolerates an empty block and a
   stray indent for error recovery; Python does not, so layout.c checks both
   (and each statement's line breaks) with CPython's messages. */
void lower_block(Lower *L, TSNode n, PyxNodeList *out)
{
    if (ts_node_is_null(n) || !lower_enter(L, n))
        return;
    Kid *k;
    int len = cst_named_kids(L, n, &k);
    int stmts = 0;
    uint32_t col = is(n, "module") ? 0 : UINT32_MAX;
    for (int i = 0; i < len; i++) {
        TSNode s = k[i].node;
        if (is(s, "comment") || is(s, "ERROR"))
            continue;
        stmts++;
        layout_block_indent(L, s, &col);
        layout_statement_lines(L, s);
        lower_stmt(L, s, out);
    }
    if (stmts == 0 && !is(n, "module"))
        layout_empty_block(L, n);
    lower_leave(L);
}

/* ---- entry ------------------------------------------------------------------ */

PyxNode *pyx_lower(PyxArena *a, const PyxSource *src, TSTree *tree, PyxDiag *d)
{
    TSNode root = ts_tree_root_node(tree);
    Lower L = {a, d, src, root, 0, 0, 0, 0};
    PyxNode *m = node(&L, PYX_NODE_MODULE, root);
    m->name = src->path;
    m->len = (uint32_t)strlen(src->path);
    lower_block(&L, root, &m->body);
    return m;
}
