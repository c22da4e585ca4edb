/* layout.c - the layout rules the grammar tolerates and Python does not.
 *
 * tree-sitter's external scanner skips newlines it does not expect and the
 * grammar accepts empty blocks and stray indents for error recovery, so a
 * tree can parse where CPython would stop.  These checks run while blocks are
 * lowered: statements at one indentation level, clause keywords lined up with
 * their header, one logical line per simple statement, no empty block; each
 * reports CPython's message.
 */
#include <string.h>

#include "lower_int.h"

/* The words CPython uses for the statement that opens a block. */
static const char *block_owner(TSNode parent)
{
    static const struct { const char *type, *words; } owners[] = {
        {"for_statement", "'for' statement"}, {"while_statement", "'while' statement"},
        {"if_statement", "'if' statement"}, {"elif_clause", "'elif' statement"},
        {"else_clause", "'else' statement"}, {"try_statement", "'try' statement"},
        {"except_clause", "'except' statement"}, {"except_group_clause", "'except*' statement"},
        {"finally_clause", "'finally' statement"}, {"with_statement", "'with' statement"},
        {"function_definition", "function definition"}, {"class_definition", "class definition"},
        {"c_function_definition", "function definition"}, {"c_class_definition", "class definition"},
        {"case_clause", "'case' statement"}, {"gil_statement", "'with' statement"},
        {"for_from_statement", "'for' statement"}, {"compile_time_if_statement", "'IF' statement"},
        {"compile_time_elif_clause", "'ELIF' statement"}, {"compile_time_else_clause", "'ELSE' statement"},
        {"property_definition", "property definition"},
    };
    const char *t = ts_node_type(parent);
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (strcmp(owners[i].type, t) == 0)
            return owners[i].words;
    return NULL;
}

/* The parent of n, searched from 'from' down (a loop: the tree can be
   deep).  ts_node_parent of the tree-sitter 0.20 runtime can miss the
   parent of a zero-width node, so this descends into the first child that
   contains n and has children of its own. */
static int find_parent(TSNode from, TSNode n, TSNode *out)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    for (;;) {
        uint32_t count = ts_node_child_count(from);
        TSNode next = {0};
        int found = 0;
        for (uint32_t i = 0; i < count; i++) {
            TSNode c = ts_node_child(from, i);
            if (ts_node_eq(c, n)) {
                *out = from;
                return 1;
            }
            if (!found && ts_node_child_count(c) > 0 && ts_node_start_byte(c) <= s && e <= ts_node_end_byte(c)) {
                next = c;
                found = 1;
            }
        }
        if (!found)
            return 0;
        from = next;
    }
}

/* Is byte offset 'pos' the first non-blank character of its line? */
static int starts_line(Lower *L, uint32_t pos)
{
    while (pos > 0 && (L->src->text[pos - 1] == ' ' || L->src->text[pos - 1] == '\t' || L->src->text[pos - 1] == '\f'))
        pos--;
    return pos == 0 || L->src->text[pos - 1] == '\n' || L->src->text[pos - 1] == '\r';
}

/* A simple statement is one logical line: a line break inside it must be
   inside brackets or a string, or follow a backslash.  (The grammar lets the
   external scanner skip newlines it does not expect, so 'x = 1 +\n2' would
   otherwise parse.)  Reports the first bad break and returns. */
static void check_logical_line(Lower *L, uint32_t start, uint32_t end)
{
    const char *t = L->src->text;
    int depth = 0;
    char quote = 0;
    int triple = 0;
    for (uint32_t i = start; i < end; i++) {
        char c = t[i];
        if (quote) {
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                if (!triple) {
                    quote = 0;
                } else if (i + 2 < end && t[i + 1] == quote && t[i + 2] == quote) {
                    quote = 0;
                    i += 2;
                }
            }
            continue;
        }
        if (c == '#') {
            while (i < end && t[i] != '\n')
                i++;
            if (i >= end)
                break;
            c = '\n';
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < end && t[i + 1] == c && t[i + 2] == c;
            if (triple)
                i += 2;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (c == '\\' && i + 1 < end && (t[i + 1] == '\n' || t[i + 1] == '\r')) {
            i++;
            if (t[i] == '\r' && i + 1 < end && t[i + 1] == '\n')
                i++;
        } else if (c == '\n' && depth <= 0) {
            /* the break is the error: point at the end of the code before it */
            uint32_t p = i;
            while (p > start && (t[p - 1] == ' ' || t[p - 1] == '\t' || t[p - 1] == '\r'))
                p--;
            uint32_t line = 1, col = 1;
            for (uint32_t j = 0; j < p; j++) {
                if (t[j] == '\n') { line++; col = 1; } else col++;
            }
            PyxLoc loc = {L->src, line, col, p, p};
            pyx_diag_error(L->d, loc, "invalid syntax: statement continues on the next line "
                                      "(use parentheses or a backslash to continue a line)");
            return;
        }
    }
}

/* The range of a statement that must be one logical line: all of a simple
   statement, the header of a compound one (up to its body). */
void layout_statement_lines(Lower *L, TSNode s)
{
    const char *t = type_of(s);
    uint32_t start = ts_node_start_byte(s), end = ts_node_end_byte(s);
    if (strstr(t, "_statement") == NULL && strcmp(t, "c_declaration") != 0)
        return;
    static const char *const compound[] = {
        "if_statement", "for_statement", "while_statement", "try_statement", "with_statement",
        "match_statement", "function_definition", "class_definition", "decorated_definition",
        "c_function_definition", "c_class_definition", "c_struct_definition", "c_enum_definition",
        "extern_block", "c_declaration_block", "gil_statement", "ctypedef_statement",
        "for_from_statement", "compile_time_if_statement", "cppclass_definition", "property_definition", NULL,
    };
    for (int i = 0; compound[i]; i++) {
        if (strcmp(t, compound[i]) != 0)
            continue;
        /* header: up to the first block child */
        TSNode body = field(s, "body");
        if (ts_node_is_null(body))
            body = field(s, "consequence");
        if (ts_node_is_null(body))
            return;
        /* the header ends at the ':' token before the body (comments may
           sit between them, and may contain ':' themselves) */
        uint32_t body_start = ts_node_start_byte(body);
        Kid *k;
        int len = cst_kids(L, s, &k);
        end = start;
        for (int j = 0; j < len && ts_node_start_byte(k[j].node) < body_start; j++)
            if (!ts_node_is_named(k[j].node) && is(k[j].node, ":"))
                end = ts_node_end_byte(k[j].node);
        break;
    }
    check_logical_line(L, start, end);
}

/* Clause keywords (elif/else/except/finally) must line up with the header. */
void layout_clause_column(Lower *L, TSNode clause, TSNode header)
{
    if (ts_node_is_null(clause))
        return;
    uint32_t pos = ts_node_start_byte(clause);
    uint32_t b = pos;
    while (b > 0 && (L->src->text[b - 1] == ' ' || L->src->text[b - 1] == '\t'))
        b--;
    if (b > 0 && L->src->text[b - 1] != '\n')
        return;   /* shares a line: nothing to line up */
    if (ts_node_start_point(clause).column != ts_node_start_point(header).column)
        pyx_diag_error(L->d, loc_of(L, clause), "unindent does not match any outer indentation level");
}

/* Statements of one block start in one column: the first statement that
   starts its line sets *col (UINT32_MAX until then; 0 for the module). */
void layout_block_indent(Lower *L, TSNode s, uint32_t *col)
{
    if (!starts_line(L, ts_node_start_byte(s)))
        return;
    uint32_t c = ts_node_start_point(s).column;
    if (*col == UINT32_MAX)
        *col = c;
    else if (c != *col)
        pyx_diag_error(L->d, loc_of(L, s), c > *col ? "unexpected indent"
                       : "unindent does not match any outer indentation level");
}

/* A block with no statement: CPython's "expected an indented block after
   'for' statement on line N", at the code after the header. */
void layout_empty_block(Lower *L, TSNode n)
{
    TSNode parent = {0};
    const char *owner = find_parent(L->root, n, &parent) ? block_owner(parent) : NULL;
    /* point at the code after the header, as CPython does */
    uint32_t pos = ts_node_end_byte(n);
    while (pos < L->src->len && (L->src->text[pos] == ' ' || L->src->text[pos] == '\t'
                                 || L->src->text[pos] == '\n' || L->src->text[pos] == '\r'))
        pos++;
    PyxLoc loc = loc_of(L, n);
    if (pos > loc.start) {
        uint32_t line = 1, c = 1;
        for (uint32_t i = 0; i < pos && i < L->src->len; i++) {
            if (L->src->text[i] == '\n') { line++; c = 1; } else c++;
        }
        loc.line = line;
        loc.col = c;
        loc.start = loc.end = pos;
    }
    if (owner)
        pyx_diag_error(L->d, loc, "expected an indented block after %s on line %u",
                       owner, ts_node_start_point(parent).row + 1);
    else
        pyx_diag_error(L->d, loc, "expected an indented block");
}

/* CPython compiles at most 20 blocks inside each other in one function
   (CO_MAXBLOCKS): loops, try, with and exception handlers count, 'if' does
   not.  The lowering pushes one level per block CPython would, 'at' being
   the statement or clause that opens it; the first one too many is an
   error, as it is for CPython. */
enum { MAX_STATIC_BLOCKS = 20 };

void layout_block_push(Lower *L, TSNode at)
{
    if (++L->blocks > MAX_STATIC_BLOCKS && !L->blocks_reported) {
        pyx_diag_error(L->d, loc_of(L, at), "too many statically nested blocks");
        L->blocks_reported = 1;
    }
}

void layout_block_pop(Lower *L)
{
    L->blocks--;
}
