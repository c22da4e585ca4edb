/* parse.c - running tree-sitter and explaining its errors (see parse.h).
 *
 * tree-sitter recovers from errors by wrapping what it could not fit in ERROR
 * nodes or by inventing zero-width MISSING tokens.  Neither says what the
 * user did wrong, so each is turned into a message from what the source
 * around it shows: a compound statement header without its ':', a bracket
 * never closed, or the first token that did not fit.
 */
#include "parse.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

enum { PARSE_TIMEOUT_US = 10 * 1000 * 1000 };

typedef struct SyntaxCheck {
    const PyxSource *src;
    PyxDiag *d;
    uint32_t last_line;   /* one report per line: later ones are usually echoes */
} SyntaxCheck;

static PyxLoc loc_at(const PyxSource *src, uint32_t start, uint32_t end)
{
    PyxLoc l = {src, 1, 1, start, end};
    uint32_t line = 1, col = 1;
    for (uint32_t i = 0; i < start && i < src->len; i++) {
        if (src->text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
    }
    l.line = line;
    l.col = col;
    return l;
}

static bool report_once(SyntaxCheck *c, PyxLoc loc)
{
    if (loc.line == c->last_line)
        return false;
    c->last_line = loc.line;
    return true;
}

/* Words for the tokens and nodes tree-sitter may report as MISSING. */
static const char *describe_missing(const char *type, bool named)
{
    if (!named)
        return NULL;   /* caller quotes the token itself */
    if (strcmp(type, "identifier") == 0)
        return "a name";
    if (strcmp(type, "block") == 0 || strcmp(type, "_indent") == 0)
        return "an indented block";
    if (strcmp(type, "string_end") == 0)
        return "the end of the string literal";
    if (strstr(type, "expression") || strcmp(type, "integer") == 0)
        return "an expression";
    if (strcmp(type, "c_type") == 0)
        return "a C type";
    return NULL;
}

/* Copies the text of [start, end) restricted to its last line, trimmed and
   shortened, into buf: the "after '...'" part of messages. */
static void context_text(const PyxSource *src, uint32_t start, uint32_t end, char *buf, size_t cap)
{
    uint32_t b = end;
    while (b > start && src->text[b - 1] != '\n')
        b--;
    while (b < end && isspace((unsigned char)src->text[b]))
        b++;
    uint32_t e = end;
    while (e > b && isspace((unsigned char)src->text[e - 1]))
        e--;
    size_t n = e - b;
    if (n + 1 > cap) {
        size_t keep = cap - 4;
        memcpy(buf, src->text + b, keep);
        memcpy(buf + keep, "...", 4);
        return;
    }
    memcpy(buf, src->text + b, n);
    buf[n] = '\0';
}

static void report_missing(SyntaxCheck *c, TSNode n)
{
    const char *type = ts_node_type(n);
    uint32_t at = ts_node_start_byte(n);
    /* step back over blanks so the caret sits right after the last token */
    uint32_t p = at;
    while (p > 0 && (c->src->text[p - 1] == ' ' || c->src->text[p - 1] == '\t'
                     || c->src->text[p - 1] == '\n' || c->src->text[p - 1] == '\r'))
        p--;
    PyxLoc loc = loc_at(c->src, p, p);
    if (!report_once(c, loc))
        return;
    const char *what = describe_missing(type, ts_node_is_named(n));
    char ctx[64] = "";
    TSNode parent = ts_node_parent(n);
    if (!ts_node_is_null(parent))
        context_text(c->src, ts_node_start_byte(parent), p, ctx, sizeof ctx);
    char tok[48];
    if (what == NULL) {
        snprintf(tok, sizeof tok, "'%s'", type);
        what = tok;
    }
    if (ctx[0])
        pyx_diag_error(c->d, loc, "expected %s after '%s'", what, ctx);
    else
        pyx_diag_error(c->d, loc, "expected %s", what);
}

static bool is_compound_head(const char *word, size_t n)
{
    static const char *const heads[] = {
        "class", "def", "cdef", "cpdef", "if", "elif", "else", "for", "while", "try",
        "except", "finally", "with", "async", "match", "case", "ctypedef", NULL,
    };
    for (int i = 0; heads[i]; i++)
        if (strlen(heads[i]) == n && memcmp(heads[i], word, n) == 0)
            return true;
    return false;
}

/* A header line like 'cdef class Point' or 'if x > 1' that needs ':' but
   does not end with one.  Cython declarations ('cdef int x') do not. */
static bool header_missing_colon(const PyxSource *src, uint32_t start, uint32_t *line_end)
{
    uint32_t b, n;
    pyx_source_line(src, start, &b, &n);
    const char *s = src->text + b, *e = s + n;
    while (s < e && (*s == ' ' || *s == '\t'))
        s++;
    if (s != src->text + start)
        return false;   /* the error does not start the line */
    /* strip a trailing comment (naively: outside strings is good enough here) */
    const char *hash = memchr(s, '#', (size_t)(e - s));
    if (hash && !memchr(s, '\'', (size_t)(hash - s)) && !memchr(s, '"', (size_t)(hash - s)))
        e = hash;
    while (e > s && isspace((unsigned char)e[-1]))
        e--;
    if (e == s || e[-1] == ':' || e[-1] == '\\' || e[-1] == '(' || e[-1] == '[' || e[-1] == ',')
        return false;
    const char *w = s;
    while (w < e && (isalnum((unsigned char)*w) || *w == '_'))
        w++;
    if (!is_compound_head(s, (size_t)(w - s)))
        return false;
    if (strncmp(s, "ctypedef", 8) == 0)
        return false;   /* 'ctypedef struct X' alone is a valid forward declaration */
    if (strncmp(s, "cdef", 4) == 0 || strncmp(s, "cpdef", 5) == 0) {
        /* only class/struct/union/enum/extern headers need a colon; a line
           like 'cdef int f(int x)' is a valid declaration */
        const char *kw = w;
        for (;;) {
            while (kw < e && (*kw == ' ' || *kw == '\t'))
                kw++;
            const char *ke = kw;
            while (ke < e && (isalnum((unsigned char)*ke) || *ke == '_'))
                ke++;
            size_t kn = (size_t)(ke - kw);
            if ((kn == 6 && memcmp(kw, "public", 6) == 0) || (kn == 3 && memcmp(kw, "api", 3) == 0)
                || (kn == 6 && memcmp(kw, "packed", 6) == 0)) {
                kw = ke;
                continue;
            }
            static const char *const heads[] = {"class", "struct", "union", "enum", "extern", NULL};
            bool block = false;
            for (int i = 0; heads[i]; i++)
                if (strlen(heads[i]) == kn && memcmp(heads[i], kw, kn) == 0)
                    block = true;
            if (!block)
                return false;
            break;
        }
    }
    *line_end = (uint32_t)(e - src->text);
    return true;
}

/* Bracket balance of [start, end), skipping strings and comments.  Reports
   the first closer with no opener or of the wrong kind (returns 1, *at, *got,
   *want = the opener or 0), else returns 0 with the opener never closed in
   *at (UINT32_MAX when all are closed) and the depth left open in *depth. */
static int bracket_scan(const PyxSource *src, uint32_t start, uint32_t end, uint32_t *at,
                        char *got, char *want, int *depth_out)
{
    uint32_t stack[64];
    char kind[64];
    int depth = 0;
    char quote = 0;
    *at = UINT32_MAX;
    for (uint32_t i = start; i < end; i++) {
        char ch = src->text[i];
        if (quote) {
            if (ch == '\\')
                i++;
            else if (ch == quote || ch == '\n')
                quote = 0;
            continue;
        }
        if (ch == '#') {
            while (i < end && src->text[i] != '\n')
                i++;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '(' || ch == '[' || ch == '{') {
            if (depth < 64) {
                stack[depth] = i;
                kind[depth] = ch;
            }
            depth++;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
            if (depth == 0 || (depth <= 64 && kind[depth - 1] != open)) {
                *at = i;
                *got = ch;
                *want = depth ? kind[depth - 1] : 0;
                return 1;
            }
            depth--;
        }
    }
    if (depth > 0 && depth <= 64)
        *at = stack[0];
    *depth_out = depth;
    return 0;
}

/* Offset just past the last non-blank, non-comment character of the line
   holding 'pos' (the line's start if it is blank). */
static uint32_t line_text_end(const PyxSource *src, uint32_t pos)
{
    uint32_t b, n;
    pyx_source_line(src, pos, &b, &n);
    uint32_t e = b + n;
    char quote = 0;
    for (uint32_t i = b; i < b + n; i++) {
        char ch = src->text[i];
        if (quote) {
            if (ch == '\\')
                i++;
            else if (ch == quote)
                quote = 0;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '#') {
            e = i;
            break;
        }
    }
    while (e > b && isspace((unsigned char)src->text[e - 1]))
        e--;
    return e;
}

static uint32_t indent_of(const PyxSource *src, uint32_t line_start)
{
    uint32_t col = 0;
    for (uint32_t i = line_start; i < src->len; i++) {
        if (src->text[i] == ' ')
            col++;
        else if (src->text[i] == '\t')
            col = (col / 8 + 1) * 8;
        else
            break;
    }
    return col;
}

/* The start of the closest line before 'line_start' with code on it, or
   UINT32_MAX when there is none. */
static uint32_t previous_code_line(const PyxSource *src, uint32_t line_start)
{
    while (line_start > 0) {
        uint32_t b, n;
        pyx_source_line(src, line_start - 1, &b, &n);
        uint32_t i = b;
        while (i < b + n && (src->text[i] == ' ' || src->text[i] == '\t'))
            i++;
        if (i < b + n && src->text[i] != '#')
            return b;
        line_start = b;
    }
    return UINT32_MAX;
}

/* Does the code on the line end with an operator that needs a right operand? */
static bool ends_with_operator(const PyxSource *src, uint32_t b, uint32_t e)
{
    if (e == b)
        return false;
    char ch = src->text[e - 1];
    if (strchr("+-*/%&|^=<>,.@~", ch))
        return !(ch == '*' && e - b >= 2 && src->text[e - 2] == '(');
    static const char *const words[] = {"and", "or", "not", "in", "is", "return", "yield",
                                        "await", "lambda", "del", "assert", "raise", NULL};
    for (int i = 0; words[i]; i++) {
        uint32_t n = (uint32_t)strlen(words[i]);
        if (e - b >= n && memcmp(src->text + e - n, words[i], n) == 0
            && (e - b == n || !(isalnum((unsigned char)src->text[e - n - 1]) || src->text[e - n - 1] == '_'))
            && strcmp(words[i], "return") != 0)
            return true;
    }
    return false;
}

/* The first leaf inside n (the token tree-sitter could not place). */
static TSNode first_leaf(TSNode n)
{
    while (ts_node_child_count(n) > 0)
        n = ts_node_child(n, 0);
    return n;
}

static bool is_header_word_line(const PyxSource *src, uint32_t ps)
{
    static const char *const heads[] = {"cdef struct ", "cdef union ", "cdef enum", "cdef packed ", "cdef class ",
                                        "ctypedef struct ", "ctypedef union ", "ctypedef enum ",
                                        "cpdef enum", "ctypedef fused ", NULL};
    for (int i = 0; heads[i]; i++)
        if (strncmp(src->text + ps, heads[i], strlen(heads[i])) == 0)
            return true;
    return false;
}

/* Line-local readings of one line of an ERROR region; returns true when it
   reported something.  *skip_indent is set after a header without ':' so the
   block under it is not reported again as an unexpected indent. */
static bool explain_line(SyntaxCheck *c, uint32_t lb, uint32_t ln, bool *skip_indent)
{
    const PyxSource *src = c->src;
    char ctx[64], got, want;
    uint32_t at, line_end;
    int depth = 0;
    uint32_t code = lb + (uint32_t)strspn(src->text + lb, " \t");
    if (code >= lb + ln || src->text[code] == '#')
        return false;
    uint32_t indent = indent_of(src, lb);

    /* a closing bracket with no opener, or of the wrong kind */
    if (bracket_scan(src, lb, lb + ln, &at, &got, &want, &depth)) {
        PyxLoc loc = loc_at(src, at, at + 1);
        if (!report_once(c, loc))
            return true;
        if (want)
            pyx_diag_error(c->d, loc, "closing parenthesis '%c' does not match opening parenthesis '%c'", got, want);
        else
            pyx_diag_error(c->d, loc, "unmatched '%c'", got);
        return true;
    }
    if (depth > 0)
        return false;   /* continues on the next line: judged there */
    /* a block header without its ':' */
    if (header_missing_colon(src, code, &line_end)) {
        PyxLoc loc = loc_at(src, line_end, line_end);
        context_text(src, code, line_end, ctx, sizeof ctx);
        if (report_once(c, loc))
            pyx_diag_error(c->d, loc, "expected ':' after '%s'", ctx);
        *skip_indent = true;
        return true;
    }
    uint32_t prev = previous_code_line(src, lb);
    if (prev != UINT32_MAX) {
        uint32_t pe = line_text_end(src, prev);
        uint32_t ps = prev + (uint32_t)strspn(src->text + prev, " \t");
        bool prev_open = pe > prev && (src->text[pe - 1] == ':' || src->text[pe - 1] == '\\');
        /* an indented line under a line that opens no block */
        if (indent > indent_of(src, prev) && !prev_open && !*skip_indent) {
            PyxLoc loc;
            if (is_header_word_line(src, ps)) {
                loc = loc_at(src, pe, pe);
                context_text(src, ps, pe, ctx, sizeof ctx);
                if (report_once(c, loc))
                    pyx_diag_error(c->d, loc, "expected ':' after '%s'", ctx);
                *skip_indent = true;
            } else {
                loc = loc_at(src, code, code + 1);
                if (report_once(c, loc))
                    pyx_diag_error(c->d, loc, "unexpected indent");
            }
            return true;
        }
        /* a block header followed by a line that is not indented */
        if (indent <= indent_of(src, prev) && pe > prev && src->text[pe - 1] == ':') {
            PyxLoc loc = loc_at(src, code, code + 1);
            context_text(src, ps, pe, ctx, sizeof ctx);
            if (report_once(c, loc))
                pyx_diag_error(c->d, loc, "expected an indented block after '%s'", ctx);
            return true;
        }
        if (indent <= indent_of(src, prev))
            *skip_indent = false;
    }
    /* a line that stops after an operator */
    uint32_t ee = line_text_end(src, lb);
    if (ends_with_operator(src, code, ee)) {
        PyxLoc loc = loc_at(src, ee, ee);
        context_text(src, code, ee, ctx, sizeof ctx);
        if (report_once(c, loc))
            pyx_diag_error(c->d, loc, "expected an expression after '%s'", ctx);
        return true;
    }
    return false;
}

/* Explains an ERROR node.  An opener never closed explains everything after
   it; otherwise each line of the region is read on its own (one ERROR can
   swallow several mistakes); failing that, the first token that did not fit
   is named. */
static void report_error(SyntaxCheck *c, TSNode n)
{
    const PyxSource *src = c->src;
    uint32_t start = ts_node_start_byte(n), end = ts_node_end_byte(n);
    uint32_t at;
    char got, want;
    int depth = 0;

    while (start < end && isspace((unsigned char)src->text[start]))
        start++;
    uint32_t lb, ln;
    pyx_source_line(src, start, &lb, &ln);

    if (!bracket_scan(src, lb, src->len, &at, &got, &want, &depth) && at != UINT32_MAX && at < end) {
        PyxLoc loc = loc_at(src, at, at + 1);
        if (report_once(c, loc))
            pyx_diag_error(c->d, loc, "'%c' was never closed", src->text[at]);
        return;
    }
    /* an expression cut off at the end of the line before ('y = x +' then
       'return y'): the statement went on into this line, but the mistake
       is at the end of that one, where CPython reports it */
    uint32_t prev = previous_code_line(src, lb);
    if (prev != UINT32_MAX) {
        uint32_t pe = line_text_end(src, prev);
        uint32_t ps = prev + (uint32_t)strspn(src->text + prev, " \t");
        if (ends_with_operator(src, ps, pe) && src->text[pe - 1] != ','
            && !bracket_scan(src, 0, pe, &at, &got, &want, &depth) && depth == 0) {
            PyxLoc loc = loc_at(src, pe, pe);
            char ctx[64];
            context_text(src, ps, pe, ctx, sizeof ctx);
            if (report_once(c, loc))
                pyx_diag_error(c->d, loc, "expected an expression after '%s'", ctx);
            return;
        }
    }
    bool any = false, skip_indent = false;
    for (uint32_t pos = lb; pos <= end && pos < src->len;) {
        uint32_t b, len;
        pyx_source_line(src, pos, &b, &len);
        any |= explain_line(c, b, len, &skip_indent);
        pos = b + len + 1;
        while (pos < src->len && src->text[pos - 1] != '\n')
            pos++;
    }
    if (any)
        return;

    TSNode leaf = first_leaf(n);
    uint32_t ls = ts_node_start_byte(leaf), le = ts_node_end_byte(leaf);
    if (ts_node_is_null(leaf) || le <= ls) {
        ls = start;
        le = end;
    }
    while (ls < src->len && isspace((unsigned char)src->text[ls]))
        ls++;
    if (le < ls)
        le = ls;
    PyxLoc loc = loc_at(src, ls, le);
    if (!report_once(c, loc))
        return;
    if (ls >= src->len) {
        pyx_diag_error(c->d, loc, "unexpected end of file");
        return;
    }
    pyx_source_line(src, ls, &lb, &ln);
    uint32_t tl = le - ls;
    if (tl > lb + ln - ls)
        tl = lb + ln - ls;
    if (tl == 0)
        tl = 1;
    char q = src->text[ls];
    uint32_t code = lb + (uint32_t)strspn(src->text + lb, " \t");
    if ((q == '\'' || q == '"') && tl == 1) {
        pyx_diag_error(c->d, loc, "unterminated string literal");
    } else if (tl == 6 && memcmp(src->text + ls, "except", 6) == 0
               && (strncmp(src->text + code, "cdef", 4) == 0 || strncmp(src->text + code, "cpdef", 5) == 0)) {
        pyx_diag_error(c->d, loc, "expected an exception value after 'except' (e.g. 'except -1', 'except? -1' or 'except *')");
    } else if (q == '<') {
        pyx_diag_error(c->d, loc, "invalid syntax: expected a C type and '>' in the cast starting here");
    } else {
        if (tl > 40)
            tl = 40;
        pyx_diag_error(c->d, loc, "invalid syntax: unexpected '%.*s'", (int)tl, src->text + ls);
    }
}

static bool shows_error(TSNode n)
{
    return ts_node_is_missing(n) || ts_node_symbol(n) == (TSSymbol)-1 || ts_node_has_error(n);
}

/* n has an error that none of its visible children shows: tree-sitter
   invented a hidden token, usually the line break between two statements
   written on one line ('cdef int f() g').  Reports the second statement, or
   else n itself. */
static void report_hidden_error(SyntaxCheck *c, TSNode n)
{
    const PyxSource *src = c->src;
    TSTreeCursor cur = ts_tree_cursor_new(n);
    TSNode prev = {0};
    bool have_prev = false;
    uint32_t at = ts_node_start_byte(n);
    if (ts_tree_cursor_goto_first_child(&cur)) {
        do {
            TSNode k = ts_tree_cursor_current_node(&cur);
            if (!ts_node_is_named(k) || ts_node_is_extra(k))
                continue;
            if (have_prev && ts_node_end_point(prev).row == ts_node_start_point(k).row
                && !memchr(src->text + ts_node_end_byte(prev), ';', ts_node_start_byte(k) - ts_node_end_byte(prev))) {
                at = ts_node_start_byte(k);
                break;
            }
            prev = k;
            have_prev = true;
        } while (ts_tree_cursor_goto_next_sibling(&cur));
    }
    ts_tree_cursor_delete(&cur);
    uint32_t e = at;
    while (e < src->len && (isalnum((unsigned char)src->text[e]) || src->text[e] == '_'))
        e++;
    if (e == at && at < src->len)
        e++;
    PyxLoc loc = loc_at(src, at, e);
    if (report_once(c, loc))
        pyx_diag_error(c->d, loc, "invalid syntax: unexpected '%.*s'", (int)(e - at), src->text + at);
}

/* The ERROR and MISSING nodes, each explained once (not what is inside an
   ERROR).  Subtrees without errors are skipped.  Iterative, like every walk
   here: the tree is as deep as the input is nested. */
static void check_errors(SyntaxCheck *c, TSNode root)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        bool descend = false;
        if (ts_node_is_missing(n)) {
            report_missing(c, n);
        } else if (ts_node_symbol(n) == (TSSymbol)-1) {   /* ERROR (ts_builtin_sym_error) */
            report_error(c, n);
        } else if (ts_node_has_error(n)) {
            /* does a visible child show it? */
            bool shown = false;
            if (ts_tree_cursor_goto_first_child(&cur)) {
                do
                    shown |= shows_error(ts_tree_cursor_current_node(&cur));
                while (!shown && ts_tree_cursor_goto_next_sibling(&cur));
                ts_tree_cursor_goto_parent(&cur);
            }
            if (shown)
                descend = true;
            else
                report_hidden_error(c, n);
        }
        if (descend && ts_tree_cursor_goto_first_child(&cur))
            continue;
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
        }
    }
}

/* CPython's limits on nesting (Include/errcode.h, Parser/tokenizer.c). */
enum {
    MAX_PAREN_DEPTH = 200,   /* brackets open at once */
    MAX_INDENT_LEVELS = 99,  /* indented blocks inside each other */
};

/* An indented block: its statements start their own lines. */
static bool is_indented_block(const PyxSource *src, TSNode n)
{
    if (strcmp(ts_node_type(n), "block") != 0 || ts_node_end_byte(n) == ts_node_start_byte(n))
        return false;
    uint32_t pos = ts_node_start_byte(n);
    while (pos > 0 && (src->text[pos - 1] == ' ' || src->text[pos - 1] == '\t' || src->text[pos - 1] == '\f'))
        pos--;
    return pos == 0 || src->text[pos - 1] == '\n' || src->text[pos - 1] == '\r';
}

static bool is_open_bracket(const char *t)
{
    return (t[0] == '(' || t[0] == '[' || t[0] == '{') && t[1] == '\0';
}

static bool is_close_bracket(const char *t)
{
    return (t[0] == ')' || t[0] == ']' || t[0] == '}') && t[1] == '\0';
}

/* Nesting CPython refuses: more than 200 brackets open at once ("too many
   nested parentheses", at the bracket), more than 99 indented blocks inside
   each other ("too many levels of indentation", at the line).  Reports the
   first of each; returns true when it reported anything: what follows from
   such nesting (a scanner out of indentation levels) is not explained too. */
static bool check_limits(SyntaxCheck *c, TSNode root)
{
    const PyxSource *src = c->src;
    TSTreeCursor cur = ts_tree_cursor_new(root);
    int parens = 0, indents = 0;
    bool paren_reported = false, indent_reported = false;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        const char *t = ts_node_type(n);
        if (!ts_node_is_named(n) && is_open_bracket(t)) {
            if (++parens > MAX_PAREN_DEPTH && !paren_reported) {
                uint32_t at = ts_node_start_byte(n);
                pyx_diag_error(c->d, loc_at(src, at, at + 1), "too many nested parentheses");
                paren_reported = true;
            }
        } else if (!ts_node_is_named(n) && is_close_bracket(t)) {
            if (parens > 0)
                parens--;
        } else if (is_indented_block(src, n)) {
            if (++indents > MAX_INDENT_LEVELS && !indent_reported) {
                uint32_t lb, ln;
                pyx_source_line(src, ts_node_start_byte(n), &lb, &ln);
                pyx_diag_error(c->d, loc_at(src, lb, lb), "too many levels of indentation");
                indent_reported = true;
            }
        }
        if (ts_tree_cursor_goto_first_child(&cur))
            continue;
        for (;;) {
            /* leaving the current node */
            if (is_indented_block(src, ts_tree_cursor_current_node(&cur)))
                indents--;
            if (ts_tree_cursor_goto_next_sibling(&cur))
                break;
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return paren_reported || indent_reported;
            }
        }
    }
}

/* 'cdef class X' without ':' is a forward declaration; with a block
   indented under it, the ':' was forgotten.  (The grammar accepts both, and
   the scanner does not open a block after a declaration.)  An iterative
   walk: the tree may be deep. */
static void check_forward_classes(SyntaxCheck *c, TSNode root)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (strcmp(ts_node_type(n), "c_class_definition") == 0
            && ts_node_is_null(ts_node_child_by_field_name(n, "body", 4))) {
            const PyxSource *src = c->src;
            uint32_t s = ts_node_start_byte(n), e = line_text_end(src, s);
            uint32_t lb, ln;
            pyx_source_line(src, s, &lb, &ln);
            uint32_t next = lb + ln;   /* the next line with code */
            while (next < src->len && src->text[next] != '\n')
                next++;
            next++;
            while (next < src->len) {
                uint32_t b, len;
                pyx_source_line(src, next, &b, &len);
                uint32_t i = b + (uint32_t)strspn(src->text + b, " \t");
                if (i < b + len && src->text[i] != '#')
                    break;
                next = b + len;   /* past the line's end, '\r\n' included */
                while (next < src->len && src->text[next] != '\n')
                    next++;
                next++;
            }
            if (next < src->len && indent_of(src, next) > indent_of(src, lb)) {
                PyxLoc loc = loc_at(src, e, e);
                char ctx[64];
                context_text(src, s, e, ctx, sizeof ctx);
                if (report_once(c, loc))
                    pyx_diag_error(c->d, loc, "expected ':' after '%s'", ctx);
            }
        }
        if (ts_tree_cursor_goto_first_child(&cur))
            continue;
        while (!ts_tree_cursor_goto_next_sibling(&cur))
            if (!ts_tree_cursor_goto_parent(&cur)) {
                ts_tree_cursor_delete(&cur);
                return;
            }
    }
}

TSTree *pyx_parse(const PyxSource *src, PyxDiag *d)
{
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_pyxc());
    ts_parser_set_timeout_micros(p, PARSE_TIMEOUT_US);
    TSTree *tree = ts_parser_parse_string(p, NULL, src->text, src->len);
    ts_parser_delete(p);
    if (tree == NULL) {
        PyxLoc loc = {src, 1, 1, 0, 0};
        pyx_diag_error(d, loc, "the parser gave up on this file (too complex or too deeply nested)");
        return NULL;
    }
    SyntaxCheck c = {src, d, 0};
    TSNode root = ts_tree_root_node(tree);
    if (!check_limits(&c, root)) {
        check_errors(&c, root);
        check_forward_classes(&c, root);
    }
    return tree;
}
