/* lower_int.h - what the lower*.c files and layout.c share (private to them).
 *
 * The lowering is one phase split by concern:
 *   lower.c          entry point, CST access helpers, statement dispatch, blocks
 *   lower_expr.c     expressions, assignment targets, annotations
 *   lower_stmt.c     Python statements, parameters, imports, definitions
 *   lower_string.c   string, bytes and f-string literals (decoding, joining)
 *   lower_cython.c   Cython declarations, C types and declarators
 *   lower_pattern.c  match statements and their patterns
 *   layout.c         what the grammar tolerates and Python does not: indentation,
 *                    statements running over line breaks, empty blocks
 * Every function takes the Lower context; node and field names of the
 * grammar (grammar/README.md) appear only in these files and parse.c.
 */
#ifndef PYX_LOWER_INT_H
#define PYX_LOWER_INT_H

#include <string.h>
#include <tree_sitter/api.h>

#include "ast.h"
#include "diag.h"

typedef struct Lower {
    PyxArena *a;
    PyxDiag *d;
    const PyxSource *src;
    TSNode root;
    int in_extern;   /* lowering the body of an extern block */
    int depth;       /* recursion depth of the lowering (lower_enter) */
    int blocks;      /* statically nested blocks in this function (layout.c) */
    int blocks_reported;
} Lower;

/* Every recursive lowering function goes one level deeper through
   lower_enter, which refuses (with an error, as CPython's RecursionError)
   beyond LOWER_MAX_DEPTH: the CST is as deep as the input is nested, and
   the C stack is not. */
enum { LOWER_MAX_DEPTH = 3000 };

/* For the helpers of a recursive dispatcher (lower_expr_node): inlined, their
   locals would all sit in the dispatcher's frame, once per level. */
#if defined(__GNUC__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

/* A child of a CST node with the field it fills (NULL for none). */
typedef struct Kid {
    TSNode node;
    const char *field;
} Kid;

/* ---- CST access (lower.c; the smallest ones inline) ---- */

static inline PyxLoc loc_of(Lower *L, TSNode n)
{
    TSPoint p = ts_node_start_point(n);
    PyxLoc l = {L->src, p.row + 1, p.column + 1, ts_node_start_byte(n), ts_node_end_byte(n)};
    return l;
}

static inline PyxNode *node(Lower *L, PyxNodeKind k, TSNode n)
{
    return pyx_node_new(L->a, k, loc_of(L, n));
}

static inline const char *type_of(TSNode n)
{
    return ts_node_type(n);
}

static inline int is(TSNode n, const char *type)
{
    return strcmp(ts_node_type(n), type) == 0;
}

static inline TSNode field(TSNode n, const char *name)
{
    return ts_node_child_by_field_name(n, name, (uint32_t)strlen(name));
}

int lower_enter(Lower *L, TSNode n);
static inline void lower_leave(Lower *L)
{
    L->depth--;
}

char *cst_text(Lower *L, TSNode n);
int cst_kids(Lower *L, TSNode n, Kid **out);
int cst_named_kids(Lower *L, TSNode n, Kid **out);
TSNode cst_first_named(Lower *L, TSNode n);
int cst_has_token(Lower *L, TSNode n, const char *tok);
void lower_unsupported(Lower *L, TSNode n, const char *what);
PyxNode *lower_bad_node(Lower *L, TSNode n);
void lower_set_name(Lower *L, PyxNode *r, TSNode n);
PyxNode *lower_keyword(Lower *L, TSNode a);
PyxNode *lower_name(Lower *L, TSNode n);
char *cst_dotted(Lower *L, TSNode n);
int lower_binop_of(const char *s);

/* ---- lower.c ---- */
void lower_stmt(Lower *L, TSNode n, PyxNodeList *out);
void lower_block(Lower *L, TSNode n, PyxNodeList *out);

/* ---- lower_expr.c ---- */
PyxNode *lower_expr(Lower *L, TSNode n);
PyxNode *lower_target(Lower *L, TSNode n);
PyxNode *lower_seq(Lower *L, TSNode n, PyxNodeKind kind, PyxNode *(*fn)(Lower *, TSNode));
void lower_arguments(Lower *L, TSNode args, PyxNode *c);
PyxNode *lower_type(Lower *L, TSNode n);

/* ---- lower_string.c ---- */
PyxNode *lower_string(Lower *L, TSNode n);

/* ---- lower_stmt.c ---- */
void lower_params(Lower *L, TSNode n, PyxNodeList *out);
void lower_type_params(Lower *L, TSNode n, PyxNodeList *out);
PyxNode *lower_expression_statement(Lower *L, TSNode n);
PyxNode *lower_delete(Lower *L, TSNode n);
PyxNode *lower_raise(Lower *L, TSNode n);
PyxNode *lower_assert(Lower *L, TSNode n);
PyxNode *lower_type_alias(Lower *L, TSNode n);
PyxNode *lower_import(Lower *L, TSNode n, PyxNodeKind kind);
PyxNode *lower_import_from(Lower *L, TSNode n, PyxNodeKind kind);
PyxNode *lower_if(Lower *L, TSNode n);
PyxNode *lower_for(Lower *L, TSNode n);
PyxNode *lower_while(Lower *L, TSNode n);
PyxNode *lower_try(Lower *L, TSNode n);
PyxNode *lower_with_item(Lower *L, TSNode n);
PyxNode *lower_with(Lower *L, TSNode n);
PyxNode *lower_function(Lower *L, TSNode n);
PyxNode *lower_class(Lower *L, TSNode n);
void lower_decorated(Lower *L, TSNode n, PyxNodeList *out);
PyxNode *lower_property(Lower *L, TSNode n);
PyxNode *lower_compile_if(Lower *L, TSNode n);
PyxNode *lower_for_from(Lower *L, TSNode n);
PyxNode *lower_for_from_range(Lower *L, TSNode n, PyxNode **target);

/* ---- lower_pattern.c ---- */
PyxNode *lower_match(Lower *L, TSNode n);

/* ---- lower_cython.c ---- */
PyxNode *lower_ctype(Lower *L, TSNode n);
PyxNode *lower_c_param(Lower *L, TSNode n);
PyxNode *lower_abstract_type(Lower *L, TSNode type, TSNode declarator);
void lower_cython_stmt(Lower *L, TSNode n, PyxNodeList *out);

/* ---- layout.c ---- */
void layout_statement_lines(Lower *L, TSNode s);
void layout_clause_column(Lower *L, TSNode clause, TSNode header);
void layout_block_indent(Lower *L, TSNode s, uint32_t *col);
void layout_empty_block(Lower *L, TSNode block);
void layout_block_push(Lower *L, TSNode at);
void layout_block_pop(Lower *L);

#endif
