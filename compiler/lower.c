/* lower.c - tree-sitter CST -> pyxc AST (see lower.h).
 *
 * One function per grammar rule (or family of rules), each headed by the rule
 * it handles.  The CST is walked once; strings are decoded and adjacent
 * literals joined here, so later phases see values, not source spellings.
 * Node and field names are the grammar's (grammar/README.md lists the Cython
 * ones); nothing outside this file and parse.c depends on them.
 */
#include "lower.h"

#include <stdlib.h>
#include <string.h>

typedef struct Lower {
    PyxArena *a;
    PyxDiag *d;
    const PyxSource *src;
    TSNode root;
} Lower;

/* A child of a CST node with the field it fills (NULL for none). */
typedef struct Kid {
    TSNode node;
    const char *field;
} Kid;

static PyxNode *lower_expr(Lower *L, TSNode n);
static PyxNode *lower_target(Lower *L, TSNode n);
static void lower_stmt(Lower *L, TSNode n, PyxNodeList *out);
static void lower_block(Lower *L, TSNode n, PyxNodeList *out);
static PyxNode *lower_pattern(Lower *L, TSNode n);
static void lower_params(Lower *L, TSNode n, PyxNodeList *out);
static PyxNode *lower_ctype(Lower *L, TSNode n);
static void lower_cython_stmt(Lower *L, TSNode n, PyxNodeList *out);
static PyxNode *lower_c_param(Lower *L, TSNode n);
static void check_clause_column(Lower *L, TSNode clause, TSNode header);

/* ---- CST access ---------------------------------------------------------- */

static PyxLoc loc_of(Lower *L, TSNode n)
{
    TSPoint p = ts_node_start_point(n);
    PyxLoc l = {L->src, p.row + 1, p.column + 1, ts_node_start_byte(n), ts_node_end_byte(n)};
    return l;
}

static PyxNode *node(Lower *L, PyxNodeKind k, TSNode n)
{
    return pyx_node_new(L->a, k, loc_of(L, n));
}

static const char *type_of(TSNode n)
{
    return ts_node_type(n);
}

static int is(TSNode n, const char *type)
{
    return strcmp(ts_node_type(n), type) == 0;
}

static char *text(Lower *L, TSNode n)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return pyx_arena_strndup(L->a, L->src->text + s, e - s);
}

static TSNode field(TSNode n, const char *name)
{
    return ts_node_child_by_field_name(n, name, (uint32_t)strlen(name));
}

/* All children (named and anonymous, extras left out) with their fields. */
static int kids(Lower *L, TSNode n, Kid **out)
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
static int named_kids(Lower *L, TSNode n, Kid **out)
{
    Kid *k;
    int len = kids(L, n, &k), m = 0;
    for (int i = 0; i < len; i++)
        if (ts_node_is_named(k[i].node))
            k[m++] = k[i];
    *out = k;
    return m;
}

static TSNode first_named(Lower *L, TSNode n)
{
    Kid *k;
    if (named_kids(L, n, &k) > 0)
        return k[0].node;
    TSNode none = {0};
    return none;
}

/* Is there an anonymous child token spelled 'tok'? */
static int has_token(Lower *L, TSNode n, const char *tok)
{
    Kid *k;
    int len = kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (!ts_node_is_named(k[i].node) && is(k[i].node, tok))
            return 1;
    return 0;
}

static void unsupported(Lower *L, TSNode n, const char *what)
{
    pyx_diag_unsupported(L->d, loc_of(L, n), what);
}

static PyxNode *bad_node(Lower *L, TSNode n)
{
    /* parse.c has already reported ERROR/MISSING nodes; anything else is a
       grammar rule this file does not know yet. */
    if (!ts_node_is_missing(n) && strcmp(type_of(n), "ERROR") != 0)
        pyx_diag_error(L->d, loc_of(L, n), "not supported yet: '%s' syntax", type_of(n));
    return node(L, PYX_NODE_NONE, n);
}

/* r->name/len from the source text of n. */
static void set_name(Lower *L, PyxNode *r, TSNode n)
{
    r->name = text(L, n);
    r->len = (uint32_t)strlen(r->name);
}

/* keyword_argument: name '=' value */
static PyxNode *keyword_node(Lower *L, TSNode a)
{
    PyxNode *kw = node(L, PYX_NODE_KEYWORD, a);
    set_name(L, kw, field(a, "name"));
    kw->value = lower_expr(L, field(a, "value"));
    return kw;
}

static PyxNode *name_node(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_NAME, n);
    set_name(L, r, n);
    return r;
}

/* dotted_name -> "a.b.c" (whitespace removed) */
static char *dotted(Lower *L, TSNode n)
{
    char *t = text(L, n), *w = t;
    for (char *r = t; *r; r++)
        if (*r != ' ' && *r != '\t' && *r != '\\' && *r != '\n' && *r != '\r')
            *w++ = *r;
    *w = '\0';
    return t;
}

/* ---- operators ------------------------------------------------------------ */

static int binop_of(const char *s)
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

/* ---- strings -------------------------------------------------------------- */

typedef struct StrBuf {
    char *p;
    uint32_t len, cap;
} StrBuf;

static void sb_put(Lower *L, StrBuf *b, const char *s, uint32_t n)
{
    if (b->len + n + 1 > b->cap) {
        uint32_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = pyx_arena_alloc(L->a, cap);
        if (b->len)
            memcpy(p, b->p, b->len);
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

/* Appends code point cp as UTF-8 (surrogates too, as CPython's
   'surrogatepass' would; the emitter decodes with that handler). */
static void sb_utf8(Lower *L, StrBuf *b, uint32_t cp)
{
    char u[4];
    uint32_t n;
    if (cp < 0x80) { u[0] = (char)cp; n = 1; }
    else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
    else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    sb_put(L, b, u, n);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

typedef struct StrKind {
    int bytes, raw, fstring;
    uint64_t flags;
} StrKind;

/* Decodes the literal text [s, e) of a string body into b. */
static void decode(Lower *L, TSNode at, StrKind k, const char *s, const char *e, StrBuf *b)
{
    while (s < e) {
        const char *run = s;
        while (s < e && *s != '\\' && !(k.fstring && (*s == '{' || *s == '}')))
            s++;
        if (s > run) {
            if (k.bytes)
                for (const char *c = run; c < s; c++)
                    if ((unsigned char)*c >= 0x80) {
                        pyx_diag_error(L->d, loc_of(L, at), "bytes can only contain ASCII literal characters");
                        return;
                    }
            sb_put(L, b, run, (uint32_t)(s - run));
        }
        if (s >= e)
            break;
        if (*s == '{' || *s == '}') {   /* '{{' or '}}' in an f-string */
            sb_put(L, b, s, 1);
            s += (s + 1 < e && s[1] == *s) ? 2 : 1;
            continue;
        }
        /* backslash */
        if (k.raw || s + 1 >= e) {
            sb_put(L, b, s, (uint32_t)(s + 1 < e ? 2 : 1));
            s += 2;
            continue;
        }
        char c = s[1];
        s += 2;
        switch (c) {
        case '\n': break;
        case '\r': if (s < e && *s == '\n') s++; break;
        case '\\': sb_put(L, b, "\\", 1); break;
        case '\'': sb_put(L, b, "'", 1); break;
        case '"': sb_put(L, b, "\"", 1); break;
        case 'a': sb_put(L, b, "\a", 1); break;
        case 'b': sb_put(L, b, "\b", 1); break;
        case 'f': sb_put(L, b, "\f", 1); break;
        case 'n': sb_put(L, b, "\n", 1); break;
        case 'r': sb_put(L, b, "\r", 1); break;
        case 't': sb_put(L, b, "\t", 1); break;
        case 'v': sb_put(L, b, "\v", 1); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(c - '0');
            for (int i = 0; i < 2 && s < e && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (uint32_t)(*s++ - '0');
            if (k.bytes) {
                char ch = (char)(v & 0xFF);
                sb_put(L, b, &ch, 1);
            } else {
                sb_utf8(L, b, v);
            }
            break;
        }
        case 'x': case 'u': case 'U': {
            if (c != 'x' && k.bytes) {
                sb_put(L, b, s - 2, 2);
                break;
            }
            int digits = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int i = 0; i < digits; i++) {
                int h = s + i < e ? hexval(s[i]) : -1;
                if (h < 0) {
                    pyx_diag_error(L->d, loc_of(L, at), "truncated \\%c escape in string literal", c);
                    return;
                }
                v = v * 16 + (uint32_t)h;
            }
            s += digits;
            if (v > 0x10FFFF) {
                pyx_diag_error(L->d, loc_of(L, at), "illegal Unicode character \\%c%.*s in string literal",
                               c, digits, s - digits);
                return;
            }
            if (k.bytes) {
                char ch = (char)v;
                sb_put(L, b, &ch, 1);
            } else {
                sb_utf8(L, b, v);
            }
            break;
        }
        case 'N':
            if (!k.bytes && s < e && *s == '{') {
                /* \N{NAME}: no Unicode name table here.  Keep the escape
                   behind a 0xFF byte (never part of valid UTF-8); the
                   string is then stored in unicode-escape form for CPython
                   to decode (escaped_form). */
                const char *close = memchr(s, '}', (size_t)(e - s));
                if (close == NULL || close == s + 1) {
                    pyx_diag_error(L->d, loc_of(L, at), "malformed \\N character escape in string literal");
                    return;
                }
                sb_put(L, b, "\xff\\N", 3);
                sb_put(L, b, s, (uint32_t)(close - s + 1));
                s = close + 1;
                break;
            }
            /* fallthrough */
        default:
            sb_put(L, b, s - 2, 2);
        }
    }
}

static StrKind string_kind(Lower *L, TSNode start)
{
    StrKind k = {0, 0, 0, 0};
    char *t = text(L, start);
    for (char *p = t; *p && *p != '\'' && *p != '"'; p++) {
        switch (*p) {
        case 'b': case 'B': k.bytes = 1; k.flags |= PYX_F(BYTES); break;
        case 'r': case 'R': k.raw = 1; k.flags |= PYX_F(RAW); break;
        case 'f': case 'F': k.fstring = 1; break;
        case 'u': case 'U': k.flags |= PYX_F(UNICODE); break;
        case 'c': case 'C': k.bytes = 1; k.flags |= PYX_F(CHAR); break;
        default: break;
        }
    }
    return k;
}

/* A decoded str value holding \N{...} escapes (marked by 0xFF) rewritten in
   Python's unicode-escape form: ASCII only, other characters as \UXXXXXXXX,
   backslashes doubled, the \N{...} escapes kept for CPython to resolve. */
static void escaped_form(Lower *L, PyxNode *s)
{
    StrBuf out = {0};
    const unsigned char *p = (const unsigned char *)s->name, *end = p + s->len;
    while (p < end) {
        if (*p == 0xFF) {
            const unsigned char *close = memchr(p, '}', (size_t)(end - p));
            sb_put(L, &out, (const char *)p + 1, (uint32_t)(close - p));
            p = close + 1;
        } else if (*p == '\\') {
            sb_put(L, &out, "\\\\", 2);
            p++;
        } else if (*p < 0x80) {
            sb_put(L, &out, (const char *)p, 1);
            p++;
        } else {
            uint32_t cp, n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
            cp = *p & (0xFF >> (n + 1));
            for (uint32_t i = 1; i < n && p + i < end; i++)
                cp = (cp << 6) | (p[i] & 0x3F);
            char u[16];
            snprintf(u, sizeof u, "\\U%08x", cp);
            sb_put(L, &out, u, 10);
            p += n;
        }
    }
    s->name = out.p ? out.p : "";
    s->len = out.len;
    s->flags |= PYX_F(ESCAPED);
}

static PyxNode *str_part(Lower *L, TSNode at, StrBuf *b, uint64_t flags)
{
    PyxNode *s = node(L, PYX_NODE_STR, at);
    s->name = b->p ? b->p : "";
    s->len = b->len;
    s->flags = flags;
    if (!(flags & (PYX_F(BYTES) | PYX_F(CHAR))) && memchr(s->name, 0xFF, s->len))
        escaped_form(L, s);
    return s;
}

static PyxNode *lower_fstring_spec(Lower *L, TSNode spec, StrKind k);

/* interpolation: '{' expression ['='] ['!' conv] [':' spec] '}'
   f'{x=}' becomes the text 'x=' followed by the value, as CPython does:
   its conversion defaults to repr unless a format spec is given. */
static void lower_interpolation(Lower *L, TSNode n, StrKind k, PyxNodeList *parts, StrBuf *pending)
{
    TSNode expr = field(n, "expression");
    TSNode conv = field(n, "type_conversion");
    TSNode spec = field(n, "format_specifier");
    PyxNode *f = node(L, PYX_NODE_FORMATTED, n);
    if (is(expr, "expression_list") || is(expr, "pattern_list")) {
        PyxNode *t = node(L, PYX_NODE_TUPLE, expr);
        Kid *ek;
        int en = named_kids(L, expr, &ek);
        for (int i = 0; i < en; i++)
            pyx_list_push(L->a, &t->items, lower_expr(L, ek[i].node));
        f->value = t;
    } else {
        f->value = lower_expr(L, expr);
    }
    if (!ts_node_is_null(conv)) {
        char *c = text(L, conv);
        if (c[1] != 'r' && c[1] != 's' && c[1] != 'a')
            pyx_diag_error(L->d, loc_of(L, conv), "f-string: invalid conversion character '%s': expected 's', 'r', or 'a'", c + 1);
        f->op = c[1];
    }
    if (has_token(L, n, "=")) {
        /* the text from after '{' up to and including '=' */
        uint32_t s = ts_node_start_byte(n) + 1;
        uint32_t e = !ts_node_is_null(conv) ? ts_node_start_byte(conv)
                   : !ts_node_is_null(spec) ? ts_node_start_byte(spec) : ts_node_end_byte(n) - 1;
        sb_put(L, pending, L->src->text + s, e - s);
        if (ts_node_is_null(conv) && ts_node_is_null(spec))
            f->op = 'r';
    }
    if (!ts_node_is_null(spec))
        f->right = lower_fstring_spec(L, spec, k);
    if (pending->len) {
        pyx_list_push(L->a, parts, str_part(L, n, pending, 0));
        memset(pending, 0, sizeof *pending);
    }
    pyx_list_push(L->a, parts, f);
}

/* format_specifier: ':' (text | '{' expr '}')* -> FSTRING */
static PyxNode *lower_fstring_spec(Lower *L, TSNode spec, StrKind k)
{
    PyxNode *f = node(L, PYX_NODE_FSTRING, spec);
    StrBuf b = {0};
    uint32_t pos = ts_node_start_byte(spec) + 1;   /* after ':' */
    Kid *kk;
    int n = named_kids(L, spec, &kk);
    StrKind lit = k;
    lit.raw = 1;   /* escapes were decoded with the enclosing string already */
    for (int i = 0; i < n; i++) {
        uint32_t s = ts_node_start_byte(kk[i].node);
        if (s > pos)
            decode(L, spec, lit, L->src->text + pos, L->src->text + s, &b);
        lower_interpolation(L, kk[i].node, k, &f->items, &b);
        pos = ts_node_end_byte(kk[i].node);
    }
    uint32_t end = ts_node_end_byte(spec);
    if (end > pos)
        decode(L, spec, lit, L->src->text + pos, L->src->text + end, &b);
    if (b.len || f->items.len == 0)
        pyx_list_push(L->a, &f->items, str_part(L, spec, &b, 0));
    return f;
}

/* string: string_start (string_content | interpolation)* string_end
   concatenated_string: string string+
   Adjacent literals are joined; any f-string part makes the result an FSTRING. */
static PyxNode *lower_string(Lower *L, TSNode n)
{
    TSNode one[1];
    Kid *sk = NULL;
    int count;
    if (is(n, "concatenated_string")) {
        count = named_kids(L, n, &sk);
    } else {
        one[0] = n;
        count = 1;
    }
    StrBuf b = {0};
    PyxNodeList parts = {0};
    int any_f = 0, any_bytes = 0, any_str = 0;
    uint64_t flags = 0;
    for (int i = 0; i < count; i++) {
        TSNode s = sk ? sk[i].node : one[0];
        Kid *k;
        int len = kids(L, s, &k);
        StrKind kind = {0, 0, 0, 0};
        for (int j = 0; j < len; j++) {
            TSNode c = k[j].node;
            if (is(c, "string_start")) {
                kind = string_kind(L, c);
                any_f |= kind.fstring;
                if (kind.bytes)
                    any_bytes = 1;
                else
                    any_str = 1;
                if (i == 0)
                    flags = kind.flags & ~PYX_F(RAW);
            } else if (is(c, "string_content")) {
                const char *t = L->src->text;
                decode(L, c, kind, t + ts_node_start_byte(c), t + ts_node_end_byte(c), &b);
            } else if (is(c, "interpolation")) {
                lower_interpolation(L, c, kind, &parts, &b);
            }
        }
    }
    if (any_bytes && any_str) {
        pyx_diag_error(L->d, loc_of(L, n), "cannot mix bytes and nonbytes literals");
    }
    if (!any_f) {
        PyxNode *s = str_part(L, n, &b, flags);
        if ((flags & PYX_F(CHAR)) && s->len != 1)
            pyx_diag_error(L->d, loc_of(L, n), "a C char literal (c'...') must be exactly one character");
        return s;
    }
    if (b.len)
        pyx_list_push(L->a, &parts, str_part(L, n, &b, 0));
    PyxNode *f = node(L, PYX_NODE_FSTRING, n);
    f->items = parts;
    return f;
}

/* ---- expressions ---------------------------------------------------------- */

/* A sequence of expressions separated by commas (expression_list, pattern_list,
   bare tuples) -> TUPLE, each element lowered with fn. */
static PyxNode *lower_seq(Lower *L, TSNode n, PyxNodeKind kind, PyxNode *(*fn)(Lower *, TSNode))
{
    PyxNode *t = node(L, kind, n);
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        pyx_list_push(L->a, &t->items, fn(L, k[i].node));
    return t;
}

/* parenthesized_expression: '(' expr ')' - the parens only group. */
static PyxNode *lower_paren(Lower *L, TSNode n)
{
    TSNode inner = first_named(L, n);
    if (ts_node_is_null(inner))
        return node(L, PYX_NODE_TUPLE, n);
    PyxNode *e = lower_expr(L, inner);
    e->flags |= PYX_F(PARENS);
    return e;
}

/* argument_list: '(' (expr | *e | **e | name=e)* ')' into call-like node c */
static void lower_arguments(Lower *L, TSNode args, PyxNode *c)
{
    Kid *k;
    int len = named_kids(L, args, &k);
    for (int i = 0; i < len; i++) {
        TSNode a = k[i].node;
        if (is(a, "keyword_argument")) {
            pyx_list_push(L->a, &c->keywords, keyword_node(L, a));
        } else if (is(a, "dictionary_splat")) {
            PyxNode *kw = node(L, PYX_NODE_KEYWORD, a);
            kw->value = lower_expr(L, first_named(L, a));
            pyx_list_push(L->a, &c->keywords, kw);
        } else {
            pyx_list_push(L->a, &c->items, lower_expr(L, a));
        }
    }
}

/* for_in_clause / if_clause sequence of a comprehension into r->handlers. */
static void lower_comp_clauses(Lower *L, Kid *k, int len, PyxNode *r)
{
    PyxNode *last = NULL;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "for_in_clause")) {
            PyxNode *g = node(L, PYX_NODE_COMPREHENSION, c);
            if (has_token(L, c, "async"))
                g->flags |= PYX_F(ASYNC);
            g->target = lower_target(L, field(c, "left"));
            Kid *ck;
            int cn = kids(L, c, &ck);
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
        } else if (is(c, "if_clause") && last) {
            pyx_list_push(L->a, &last->items, lower_expr(L, first_named(L, c)));
        }
    }
}

/* list/set/generator/dict comprehensions: body followed by clauses */
static PyxNode *lower_comprehension(Lower *L, TSNode n, PyxNodeKind kind)
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
    int len = named_kids(L, n, &k);
    lower_comp_clauses(L, k, len, r);
    return r;
}

/* comparison_operator: a op b op c ... */
static PyxNode *lower_compare(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_COMPARE, n);
    Kid *k;
    int len = kids(L, n, &k);
    int op = PYX_OP_NONE;
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (k[i].field && strcmp(k[i].field, "operators") == 0) {
            char *t = text(L, c);
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
            op = binop_of(norm);
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
static PyxNode *lower_slice(Lower *L, TSNode n)
{
    PyxNode *s = node(L, PYX_NODE_SLICE, n);
    Kid *k;
    int len = kids(L, n, &k), colons = 0;
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

static PyxNode *lower_subscript(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_SUBSCRIPT, n);
    r->value = lower_expr(L, field(n, "value"));
    Kid *k;
    int len = kids(L, n, &k), commas = 0;
    PyxNode *idx = node(L, PYX_NODE_TUPLE, n);
    for (int i = 0; i < len; i++) {
        if (k[i].field && strcmp(k[i].field, "subscript") == 0)
            pyx_list_push(L->a, &idx->items, lower_expr(L, k[i].node));
        else if (!ts_node_is_named(k[i].node) && is(k[i].node, ","))
            commas++;
    }
    r->right = (idx->items.len == 1 && commas == 0) ? idx->items.items[0] : idx;
    return r;
}

static PyxNode *lower_display(Lower *L, TSNode n, PyxNodeKind kind)
{
    return lower_seq(L, n, kind, lower_expr);
}

static PyxNode *lower_dict(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_DICT, n);
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "pair")) {
            PyxNode *p = node(L, PYX_NODE_DICT_ITEM, c);
            p->left = lower_expr(L, field(c, "key"));
            p->value = lower_expr(L, field(c, "value"));
            pyx_list_push(L->a, &r->items, p);
        } else {
            PyxNode *s = node(L, PYX_NODE_DOUBLE_STARRED, c);
            s->value = lower_expr(L, first_named(L, c));
            pyx_list_push(L->a, &r->items, s);
        }
    }
    return r;
}

static PyxNode *lower_number(Lower *L, TSNode n, PyxNodeKind kind)
{
    char *t = text(L, n);
    size_t len = strlen(t);
    if (len && (t[len - 1] == 'j' || t[len - 1] == 'J'))
        kind = PYX_NODE_IMAG;
    if (len && (t[len - 1] == 'l' || t[len - 1] == 'L'))
        pyx_diag_error(L->d, loc_of(L, n), "Python 2 long literal '%s': drop the 'L' suffix", t);
    PyxNode *r = node(L, kind, n);
    r->name = t;
    r->len = (uint32_t)len;
    return r;
}

/* boolean_operator: left ('and'|'or') right, flattened like Python's AST */
static PyxNode *lower_boolop(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_BOOLOP, n);
    r->op = binop_of(type_of(field(n, "operator")));
    PyxNode *left = lower_expr(L, field(n, "left"));
    if (left->kind == PYX_NODE_BOOLOP && left->op == r->op && !(left->flags & PYX_F(PARENS)))
        r->items = left->items;
    else
        pyx_list_push(L->a, &r->items, left);
    pyx_list_push(L->a, &r->items, lower_expr(L, field(n, "right")));
    return r;
}

/* lambda: 'lambda' [lambda_parameters] ':' expression */
static PyxNode *lower_lambda(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_LAMBDA, n);
    TSNode params = field(n, "parameters");
    if (!ts_node_is_null(params))
        lower_params(L, params, &r->params);
    r->value = lower_expr(L, field(n, "body"));
    return r;
}

/* type: the annotation wrapper; PEP 695 forms map onto expressions. */
static PyxNode *lower_type(Lower *L, TSNode n)
{
    if (is(n, "type")) {
        TSNode inner = first_named(L, n);
        return ts_node_is_null(inner) ? bad_node(L, n) : lower_type(L, inner);
    }
    if (is(n, "union_type")) {
        Kid *k;
        int len = named_kids(L, n, &k);
        PyxNode *r = len ? lower_type(L, k[0].node) : bad_node(L, n);
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
        int len = named_kids(L, n, &k);
        PyxNode *r = node(L, PYX_NODE_SUBSCRIPT, n);
        r->value = lower_type(L, k[0].node);
        PyxNode *args = node(L, PYX_NODE_TUPLE, n);
        for (int i = 1; i < len; i++) {
            Kid *tk;
            int tl = named_kids(L, k[i].node, &tk);   /* type_parameter: '[' type, ... ']' */
            for (int j = 0; j < tl; j++)
                pyx_list_push(L->a, &args->items, lower_type(L, tk[j].node));
        }
        r->right = args->items.len == 1 ? args->items.items[0] : args;
        return r;
    }
    if (is(n, "member_type")) {
        Kid *k;
        int len = named_kids(L, n, &k);
        PyxNode *r = node(L, PYX_NODE_ATTRIBUTE, n);
        r->value = lower_type(L, k[0].node);
        r->name = len > 1 ? text(L, k[len - 1].node) : "";
        r->len = (uint32_t)strlen(r->name);
        return r;
    }
    if (is(n, "splat_type")) {
        PyxNode *r = node(L, PYX_NODE_STARRED, n);
        r->value = name_node(L, first_named(L, n));
        return r;
    }
    return lower_expr(L, n);
}

static PyxNode *lower_yield(Lower *L, TSNode n)
{
    PyxNode *r = node(L, has_token(L, n, "from") ? PYX_NODE_YIELD_FROM : PYX_NODE_YIELD, n);
    TSNode v = first_named(L, n);
    if (!ts_node_is_null(v))
        r->value = is(v, "expression_list") ? lower_seq(L, v, PYX_NODE_TUPLE, lower_expr) : lower_expr(L, v);
    return r;
}

static PyxNode *lower_cast(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CAST, n);
    r->ctype = lower_ctype(L, field(n, "type"));
    r->value = lower_expr(L, field(n, "value"));
    if (!ts_node_is_null(field(n, "check")) || has_token(L, n, "?"))
        r->flags |= PYX_F(CHECKED);
    return r;
}

static PyxNode *lower_expr(Lower *L, TSNode n)
{
    if (ts_node_is_null(n))
        PYX_UNREACHABLE();
    const char *t = type_of(n);
    PyxNode *r;
    switch (t[0]) {
    case 'a':
        if (strcmp(t, "attribute") == 0) {
            r = node(L, PYX_NODE_ATTRIBUTE, n);
            r->value = lower_expr(L, field(n, "object"));
            set_name(L, r, field(n, "attribute"));
            return r;
        }
        if (strcmp(t, "await") == 0) {
            r = node(L, PYX_NODE_AWAIT, n);
            r->value = lower_expr(L, first_named(L, n));
            return r;
        }
        if (strcmp(t, "address_of_expression") == 0) {
            r = node(L, PYX_NODE_ADDRESS_OF, n);
            r->value = lower_expr(L, first_named(L, n));
            return r;
        }
        if (strcmp(t, "as_pattern") == 0) {
            pyx_diag_error(L->d, loc_of(L, n), "invalid syntax: 'as' is not allowed here");
            return lower_expr(L, first_named(L, n));
        }
        break;
    case 'b':
        if (strcmp(t, "binary_operator") == 0) {
            r = node(L, PYX_NODE_BINOP, n);
            r->left = lower_expr(L, field(n, "left"));
            r->op = binop_of(type_of(field(n, "operator")));
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
            named_kids(L, n, &k);
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
            r->value = lower_expr(L, first_named(L, n));
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
            return name_node(L, n);
        if (strcmp(t, "integer") == 0)
            return lower_number(L, n, PYX_NODE_INT);
        break;
    case 'k':
        if (strcmp(t, "keyword_identifier") == 0)
            return name_node(L, n);
        break;
    case 'l':
        if (strcmp(t, "list") == 0)
            return lower_display(L, n, PYX_NODE_LIST);
        if (strcmp(t, "list_comprehension") == 0)
            return lower_comprehension(L, n, PYX_NODE_LIST_COMP);
        if (strcmp(t, "list_splat") == 0 || strcmp(t, "list_splat_pattern") == 0) {
            r = node(L, PYX_NODE_STARRED, n);
            r->value = lower_expr(L, first_named(L, n));
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
        if (strcmp(t, "not_operator") == 0) {
            r = node(L, PYX_NODE_NOT, n);
            r->value = lower_expr(L, field(n, "argument"));
            return r;
        }
        if (strcmp(t, "named_expression") == 0) {
            r = node(L, PYX_NODE_NAMED_EXPR, n);
            r->target = name_node(L, field(n, "name"));
            r->value = lower_expr(L, field(n, "value"));
            return r;
        }
        break;
    case 'p':
        if (strcmp(t, "parenthesized_expression") == 0)
            return lower_paren(L, n);
        if (strcmp(t, "parenthesized_list_splat") == 0)
            return lower_expr(L, first_named(L, n));
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
            r = node(L, PYX_NODE_SIZEOF, n);
            TSNode ty = field(n, "type");
            if (!ts_node_is_null(ty))
                r->ctype = lower_ctype(L, ty);
            else
                r->value = lower_expr(L, field(n, "value"));
            return r;
        }
        break;
    case 't':
        if (strcmp(t, "true") == 0)
            return node(L, PYX_NODE_TRUE, n);
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
    return bad_node(L, n);
}

/* Assignment targets: names, attributes, subscripts, starred and nested
   tuples/lists (the grammar's 'pattern' family). */
static PyxNode *lower_target(Lower *L, TSNode n)
{
    return lower_expr(L, n);
}

/* ---- parameters ----------------------------------------------------------- */

/* parameters / lambda_parameters: the Python signature forms plus Cython's
   typed 'int n' parameters (c_parameter).  '/' marks what precedes it as
   positional-only, '*' or '*args' what follows as keyword-only. */
static void lower_params(Lower *L, TSNode n, PyxNodeList *out)
{
    Kid *k;
    int len = named_kids(L, n, &k);
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
            r->name = text(L, p);
        } else if (strcmp(t, "default_parameter") == 0 || strcmp(t, "typed_default_parameter") == 0) {
            TSNode name = field(p, "name");
            if (is(name, "tuple_pattern")) {
                unsupported(L, p, "tuple parameters (Python 2)");
                continue;
            }
            r = node(L, PYX_NODE_PARAM, p);
            r->name = text(L, name);
            TSNode v = field(p, "value");
            if (ts_node_is_named(v))
                r->value = lower_expr(L, v);
            else
                r->flags |= PYX_F(STAR);   /* '.pxd' style 'x=*': has a default */
            TSNode ty = field(p, "type");
            if (!ts_node_is_null(ty))
                r->annotation = lower_type(L, ty);
        } else if (strcmp(t, "typed_parameter") == 0) {
            TSNode inner = first_named(L, p);
            r = node(L, PYX_NODE_PARAM, p);
            r->annotation = lower_type(L, field(p, "type"));
            if (is(inner, "list_splat_pattern")) {
                r->op = PYX_PARAM_VARARGS;
                inner = first_named(L, inner);
            } else if (is(inner, "dictionary_splat_pattern")) {
                r->op = PYX_PARAM_VARKW;
                inner = first_named(L, inner);
            }
            r->name = text(L, inner);
        } else if (strcmp(t, "list_splat_pattern") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_VARARGS;
            r->name = text(L, first_named(L, p));
        } else if (strcmp(t, "dictionary_splat_pattern") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_VARKW;
            r->name = text(L, first_named(L, p));
        } else if (strcmp(t, "tuple_pattern") == 0) {
            unsupported(L, p, "tuple parameters (Python 2)");
            continue;
        } else if (strcmp(t, "c_parameter") == 0) {
            r = lower_c_param(L, p);
        } else if (strcmp(t, "c_varargs") == 0) {
            r = node(L, PYX_NODE_PARAM, p);
            r->op = PYX_PARAM_CVARARGS;
        } else {
            bad_node(L, p);
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
static void lower_type_params(Lower *L, TSNode n, PyxNodeList *out)
{
    if (ts_node_is_null(n))
        return;
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        TSNode ty = k[i].node;
        TSNode inner = is(ty, "type") ? first_named(L, ty) : ty;
        PyxNode *r = node(L, PYX_NODE_TYPE_PARAM, ty);
        if (is(inner, "constrained_type")) {
            Kid *ck;
            int cl = named_kids(L, inner, &ck);
            r->name = text(L, ck[0].node);
            if (cl > 1)
                r->value = lower_type(L, ck[1].node);
        } else if (is(inner, "splat_type")) {
            r->op = has_token(L, inner, "**") ? 2 : 1;
            r->name = text(L, first_named(L, inner));
        } else {
            r->name = text(L, inner);
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
    r->op = binop_of(op);
    TSNode right = field(n, "right");
    if (is(right, "assignment") || is(right, "augmented_assignment"))
        pyx_diag_error(L->d, loc_of(L, right), "invalid syntax: assignment inside an augmented assignment");
    else
        r->value = is(right, "expression_list") ? lower_seq(L, right, PYX_NODE_TUPLE, lower_expr)
                                                : lower_expr(L, right);
    return r;
}

/* expression_statement: expr | expr, expr (a tuple) | assignment | yield */
static PyxNode *lower_expression_statement(Lower *L, TSNode n)
{
    Kid *k;
    int len = named_kids(L, n, &k);
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

static PyxNode *alias_of(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_ALIAS, n);
    if (is(n, "aliased_import")) {
        r->name = dotted(L, field(n, "name"));
        r->asname = text(L, field(n, "alias"));
    } else {
        r->name = dotted(L, n);
    }
    r->len = (uint32_t)strlen(r->name);
    return r;
}

/* import_statement: 'import' dotted_name ['as' name], ... */
static PyxNode *lower_import(Lower *L, TSNode n, PyxNodeKind kind)
{
    PyxNode *r = node(L, kind, n);
    Kid *k;
    int len = kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (k[i].field && strcmp(k[i].field, "name") == 0)
            pyx_list_push(L->a, &r->items, alias_of(L, k[i].node));
    return r;
}

/* import_from_statement: 'from' (dotted_name | relative_import) 'import' names | '*' */
static PyxNode *lower_import_from(Lower *L, TSNode n, PyxNodeKind kind)
{
    PyxNode *r = node(L, kind, n);
    TSNode mod = field(n, "module_name");
    if (is(n, "future_import_statement")) {
        r->name = "__future__";
    } else if (is(mod, "relative_import")) {
        Kid *k;
        int len = named_kids(L, mod, &k);
        for (int i = 0; i < len; i++) {
            if (is(k[i].node, "import_prefix"))
                r->level = (int)(ts_node_end_byte(k[i].node) - ts_node_start_byte(k[i].node));
            else
                r->name = dotted(L, k[i].node);
        }
    } else {
        r->name = dotted(L, mod);
    }
    if (r->name)
        r->len = (uint32_t)strlen(r->name);
    Kid *k;
    int len = kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (k[i].field && strcmp(k[i].field, "name") == 0)
            pyx_list_push(L->a, &r->items, alias_of(L, k[i].node));
        else if (is(k[i].node, "wildcard_import") || (!ts_node_is_named(k[i].node) && is(k[i].node, "*")))
            r->flags |= PYX_F(STAR);
    }
    return r;
}

/* if_statement: 'if' cond ':' block (elif_clause)* [else_clause] */
static PyxNode *lower_if(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_IF, n);
    r->test = lower_expr(L, field(n, "condition"));
    lower_block(L, field(n, "consequence"), &r->body);
    PyxNode *tail = r;
    Kid *k;
    int len = kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!k[i].field || strcmp(k[i].field, "alternative") != 0)
            continue;
        TSNode c = k[i].node;
        check_clause_column(L, c, n);
        if (is(c, "elif_clause")) {
            PyxNode *e = node(L, PYX_NODE_IF, c);
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

static void lower_else(Lower *L, TSNode n, PyxNodeList *out)
{
    TSNode alt = field(n, "alternative");
    if (!ts_node_is_null(alt)) {
        check_clause_column(L, alt, n);
        lower_block(L, field(alt, "body"), out);
    }
}

/* for_statement: ['async'] 'for' target 'in' iter ':' block ['else' ':' block]
   The else block runs only if the loop was not left by 'break'. */
static PyxNode *lower_for(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FOR, n);
    if (has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    r->target = lower_target(L, field(n, "left"));
    TSNode right = field(n, "right");
    r->value = is(right, "expression_list") ? lower_seq(L, right, PYX_NODE_TUPLE, lower_expr)
                                            : lower_expr(L, right);
    lower_block(L, field(n, "body"), &r->body);
    lower_else(L, n, &r->orelse);
    return r;
}

static PyxNode *lower_while(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_WHILE, n);
    r->test = lower_expr(L, field(n, "condition"));
    lower_block(L, field(n, "body"), &r->body);
    lower_else(L, n, &r->orelse);
    return r;
}

/* try_statement: 'try' ':' block (except_clause+ | except_group_clause+)
   [else_clause] [finally_clause] */
static PyxNode *lower_try(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_TRY, n);
    lower_block(L, field(n, "body"), &r->body);
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        TSNode c = k[i].node;
        if (is(c, "except_clause") || is(c, "except_group_clause") || is(c, "else_clause") || is(c, "finally_clause"))
            check_clause_column(L, c, n);
        if (is(c, "except_clause") || is(c, "except_group_clause")) {
            PyxNode *h = node(L, PYX_NODE_EXCEPT, c);
            Kid *ck;
            int cl = named_kids(L, c, &ck), exprs = 0;
            if (is(c, "except_group_clause"))
                r->flags |= PYX_F(STAR);
            if (has_token(L, c, ","))
                pyx_diag_error(L->d, loc_of(L, c), "Python 2 'except E, name:' syntax: write 'except E as name:'");
            for (int j = 0; j < cl; j++) {
                TSNode e = ck[j].node;
                if (is(e, "block")) {
                    lower_block(L, e, &h->body);
                } else if (exprs++ == 0 && is(e, "as_pattern")) {
                    /* 'except E as name' */
                    h->value = lower_expr(L, first_named(L, e));
                    TSNode alias = first_named(L, field(e, "alias"));
                    if (ts_node_is_null(alias) || !is(alias, "identifier")) {
                        pyx_diag_error(L->d, loc_of(L, e), "invalid syntax: expected a name after 'as'");
                    } else {
                        set_name(L, h, alias);
                    }
                } else if (exprs == 1) {
                    h->value = lower_expr(L, e);
                } else {
                    if (!is(e, "identifier"))
                        pyx_diag_error(L->d, loc_of(L, e), "invalid syntax: expected a name after 'as'");
                    set_name(L, h, e);
                }
            }
            pyx_list_push(L->a, &r->handlers, h);
        } else if (is(c, "else_clause")) {
            lower_block(L, field(c, "body"), &r->orelse);
        } else if (is(c, "finally_clause")) {
            lower_block(L, first_named(L, c), &r->finalbody);
        }
    }
    return r;
}

/* with_item: expr ['as' target] ('as' arrives as an as_pattern) */
static PyxNode *lower_with_item(Lower *L, TSNode n)
{
    TSNode v = field(n, "value");
    PyxNode *item = node(L, PYX_NODE_WITH_ITEM, n);
    if (is(v, "as_pattern")) {
        item->value = lower_expr(L, first_named(L, v));
        TSNode tgt = field(v, "alias");
        item->target = lower_target(L, first_named(L, tgt));
    } else {
        item->value = lower_expr(L, v);
    }
    return item;
}

/* with_statement: ['async'] 'with' with_item (',' with_item)* ':' block
   'with a as b' arrives as an as_pattern inside the item. */
static PyxNode *lower_with(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_WITH, n);
    if (has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++) {
        if (!is(k[i].node, "with_clause"))
            continue;
        Kid *ik;
        int il = named_kids(L, k[i].node, &ik);
        for (int j = 0; j < il; j++)
            pyx_list_push(L->a, &r->items, lower_with_item(L, ik[j].node));
    }
    lower_block(L, field(n, "body"), &r->body);
    return r;
}

/* function_definition: ['async'] 'def' name [type_params] parameters ['->' type] ':' block */
static PyxNode *lower_function(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FUNCTION_DEF, n);
    if (has_token(L, n, "async"))
        r->flags |= PYX_F(ASYNC);
    set_name(L, r, field(n, "name"));
    lower_type_params(L, field(n, "type_parameters"), &r->type_params);
    lower_params(L, field(n, "parameters"), &r->params);
    TSNode ret = field(n, "return_type");
    if (!ts_node_is_null(ret))
        r->annotation = lower_type(L, ret);
    lower_block(L, field(n, "body"), &r->body);
    return r;
}

/* class_definition: 'class' name [type_params] ['(' bases ')'] ':' block */
static PyxNode *lower_class(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CLASS_DEF, n);
    set_name(L, r, field(n, "name"));
    lower_type_params(L, field(n, "type_parameters"), &r->type_params);
    TSNode sup = field(n, "superclasses");
    if (!ts_node_is_null(sup))
        lower_arguments(L, sup, r);
    lower_block(L, field(n, "body"), &r->body);
    return r;
}

/* decorated_definition: decorator+ (function | class | cdef function | cdef class) */
static void lower_decorated(Lower *L, TSNode n, PyxNodeList *out)
{
    PyxNodeList defs = {0};
    lower_stmt(L, field(n, "definition"), &defs);
    if (defs.len != 1)
        return;
    PyxNode *def = defs.items[0];
    Kid *k;
    int len = named_kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (is(k[i].node, "decorator"))
            pyx_list_push(L->a, &def->decorators, lower_expr(L, first_named(L, k[i].node)));
    def->loc = loc_of(L, n);
    pyx_list_push(L->a, out, def);
}

/* ---- match ---------------------------------------------------------------- */

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
    int len = named_kids(L, n, &k);
    if (len == 1) {
        PyxNode *r = node(L, PYX_NODE_PAT_CAPTURE, n);
        set_name(L, r, k[0].node);
        return r;
    }
    PyxNode *v = name_node(L, k[0].node);
    for (int i = 1; i < len; i++) {
        PyxNode *a = node(L, PYX_NODE_ATTRIBUTE, k[i].node);
        a->value = v;
        set_name(L, a, k[i].node);
        v = a;
    }
    return pattern_value(L, n, v);
}

/* A pattern whose CST node lists its parts as children (case_pattern,
   complex_pattern): '_' , '-' number, number +/- number, or one sub-pattern. */
static PyxNode *pattern_from_children(Lower *L, TSNode n)
{
    Kid *k;
    int len = kids(L, n, &k);
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
    return v ? pattern_value(L, n, v) : bad_node(L, n);
}

/* '*rest' / '**rest' name into r ('*_' leaves it NULL: a wildcard). */
static void set_splat_name(Lower *L, PyxNode *r, TSNode splat)
{
    TSNode id = first_named(L, splat);
    if (!ts_node_is_null(id)) {
        set_name(L, r, id);
    }
}

static PyxNode *lower_pattern(Lower *L, TSNode n)
{
    const char *t = type_of(n);
    PyxNode *r;
    if (strcmp(t, "case_pattern") == 0 || strcmp(t, "complex_pattern") == 0)
        return pattern_from_children(L, n);
    if (strcmp(t, "as_pattern") == 0) {
        Kid *k;
        int len = named_kids(L, n, &k);
        r = node(L, PYX_NODE_PAT_AS, n);
        r->value = lower_pattern(L, k[0].node);
        set_name(L, r, k[len - 1].node);
        return r;
    }
    if (strcmp(t, "union_pattern") == 0) {
        r = node(L, PYX_NODE_PAT_OR, n);
        Kid *k;
        int len = kids(L, n, &k);
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
        int len = named_kids(L, n, &k);
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
        int len = kids(L, n, &k);
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
        int len = named_kids(L, n, &k);
        PyxNode *cls = pattern_dotted(L, k[0].node);
        r->value = cls->kind == PYX_NODE_PAT_CAPTURE ? name_node(L, k[0].node) : cls->value;
        for (int i = 1; i < len; i++) {
            TSNode c = k[i].node;
            TSNode inner = is(c, "case_pattern") ? first_named(L, c) : c;
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
        int len = kids(L, n, &k);
        set_name(L, r, k[0].node);
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
        set_name(L, r, n);
        return r;
    }
    /* literals: strings, numbers, True/False/None */
    return pattern_value(L, n, lower_expr(L, n));
}

/* match_statement: 'match' subject ':' case_clause+
   case_clause: 'case' pattern (',' pattern)* [if_clause] ':' block */
static PyxNode *lower_match(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_MATCH, n);
    Kid *k;
    int len = kids(L, n, &k);
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
    if (subjects == 1 && has_token(L, n, ","))
        unsupported(L, n, "a one-element tuple subject 'match x,:'");
    r->value = subject;
    TSNode body = field(n, "body");
    Kid *ck;
    int cl = kids(L, body, &ck);
    for (int i = 0; i < cl; i++) {
        TSNode c = ck[i].node;
        if (!is(c, "case_clause"))
            continue;
        PyxNode *mc = node(L, PYX_NODE_MATCH_CASE, c);
        Kid *pk;
        int pl = named_kids(L, c, &pk);
        PyxNode *seq = NULL;
        for (int j = 0; j < pl; j++) {
            TSNode p = pk[j].node;
            if (pk[j].field && strcmp(pk[j].field, "guard") == 0) {
                mc->test = lower_expr(L, first_named(L, p));
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

/* ---- statement dispatch --------------------------------------------------- */

static PyxNode *simple(Lower *L, PyxNodeKind k, TSNode n)
{
    return node(L, k, n);
}

static PyxNode *with_value(Lower *L, PyxNodeKind k, TSNode n)
{
    PyxNode *r = node(L, k, n);
    TSNode v = first_named(L, n);
    if (!ts_node_is_null(v))
        r->value = is(v, "expression_list") ? lower_seq(L, v, PYX_NODE_TUPLE, lower_expr) : lower_expr(L, v);
    return r;
}

static void lower_stmt(Lower *L, TSNode n, PyxNodeList *out)
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
    else if (strcmp(t, "delete_statement") == 0) {
        r = node(L, PYX_NODE_DELETE, n);
        TSNode v = first_named(L, n);
        if (is(v, "expression_list"))
            r->items = lower_seq(L, v, PYX_NODE_TUPLE, lower_target)->items;
        else
            pyx_list_push(L->a, &r->items, lower_target(L, v));
    } else if (strcmp(t, "raise_statement") == 0) {
        r = node(L, PYX_NODE_RAISE, n);
        Kid *k;
        int len = kids(L, n, &k);
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
    } else if (strcmp(t, "global_statement") == 0 || strcmp(t, "nonlocal_statement") == 0) {
        r = lower_seq(L, n, t[0] == 'g' ? PYX_NODE_GLOBAL : PYX_NODE_NONLOCAL, lower_expr);
    } else if (strcmp(t, "assert_statement") == 0) {
        r = node(L, PYX_NODE_ASSERT, n);
        Kid *k;
        int len = named_kids(L, n, &k);
        r->test = lower_expr(L, k[0].node);
        if (len > 1)
            r->value = lower_expr(L, k[1].node);
    } else if (strcmp(t, "import_statement") == 0)
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
    else if (strcmp(t, "type_alias_statement") == 0) {
        r = node(L, PYX_NODE_TYPE_ALIAS, n);
        TSNode left = field(n, "left");
        TSNode inner = first_named(L, left);
        if (!ts_node_is_null(inner) && is(inner, "generic_type")) {
            Kid *k;
            int len = named_kids(L, inner, &k);
            r->target = name_node(L, k[0].node);
            for (int i = 1; i < len; i++)
                lower_type_params(L, k[i].node, &r->type_params);
        } else {
            r->target = lower_type(L, left);
        }
        r->value = lower_type(L, field(n, "right"));
    } else if (strcmp(t, "print_statement") == 0) {
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
    };
    const char *t = ts_node_type(parent);
    for (size_t i = 0; i < sizeof owners / sizeof owners[0]; i++)
        if (strcmp(owners[i].type, t) == 0)
            return owners[i].words;
    return NULL;
}

/* The parent of n, searched from 'from' down.  (ts_node_parent of the
   tree-sitter 0.20 runtime can miss the parent of a zero-width node.) */
static int find_parent(TSNode from, TSNode n, TSNode *out)
{
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    uint32_t count = ts_node_child_count(from);
    for (uint32_t i = 0; i < count; i++) {
        TSNode c = ts_node_child(from, i);
        if (ts_node_eq(c, n)) {
            *out = from;
            return 1;
        }
        if (ts_node_start_byte(c) <= s && e <= ts_node_end_byte(c) && find_parent(c, n, out))
            return 1;
    }
    return 0;
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
static void check_statement_lines(Lower *L, TSNode s)
{
    const char *t = type_of(s);
    uint32_t start = ts_node_start_byte(s), end = ts_node_end_byte(s);
    if (strstr(t, "_statement") == NULL && strcmp(t, "c_declaration") != 0)
        return;
    static const char *const compound[] = {
        "if_statement", "for_statement", "while_statement", "try_statement", "with_statement",
        "match_statement", "function_definition", "class_definition", "decorated_definition",
        "c_function_definition", "c_class_definition", "c_struct_definition", "c_enum_definition",
        "extern_block", "c_declaration_block", "gil_statement", "ctypedef_statement", NULL,
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
        int len = kids(L, s, &k);
        end = start;
        for (int j = 0; j < len && ts_node_start_byte(k[j].node) < body_start; j++)
            if (!ts_node_is_named(k[j].node) && is(k[j].node, ":"))
                end = ts_node_end_byte(k[j].node);
        break;
    }
    check_logical_line(L, start, end);
}

/* Clause keywords (elif/else/except/finally) must line up with the header. */
static void check_clause_column(Lower *L, TSNode clause, TSNode header)
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

/* block: statements at one indentation level (or the simple statements
   after ':' on the same line).  The grammar tolerates an empty block and a
   stray indent for error recovery; Python does not, so both are checked here
   with CPython's messages. */
static void lower_block(Lower *L, TSNode n, PyxNodeList *out)
{
    if (ts_node_is_null(n))
        return;
    Kid *k;
    int len = named_kids(L, n, &k);
    int stmts = 0;
    uint32_t col = is(n, "module") ? 0 : UINT32_MAX;
    for (int i = 0; i < len; i++) {
        TSNode s = k[i].node;
        if (is(s, "comment") || is(s, "ERROR"))
            continue;
        stmts++;
        uint32_t start = ts_node_start_byte(s);
        if (starts_line(L, start)) {
            uint32_t c = ts_node_start_point(s).column;
            if (col == UINT32_MAX)
                col = c;
            else if (c != col)
                pyx_diag_error(L->d, loc_of(L, s), c > col ? "unexpected indent"
                               : "unindent does not match any outer indentation level");
        }
        check_statement_lines(L, s);
        lower_stmt(L, s, out);
    }
    if (stmts == 0 && !is(n, "module")) {
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
}

/* ---- Cython ---------------------------------------------------------------- */

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
    int len = named_kids(L, br, &k);
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
        if (is(a, "keyword_argument")) {
            pyx_list_push(L->a, &base->keywords, keyword_node(L, a));
        } else {
            pyx_list_push(L->a, &base->items, lower_expr(L, a));
        }
    }
    return base;
}

/* c_type: qualifiers, signed/unsigned, short/long..., name, [brackets], '*'... */
static PyxNode *lower_ctype(Lower *L, TSNode n)
{
    if (ts_node_is_null(n))
        PYX_UNREACHABLE();
    PyxNode *t = node(L, PYX_NODE_CTYPE_NAME, n);
    Kid *k;
    int len = kids(L, n, &k), pointers = 0;
    TSNode brackets = {0};
    int has_brackets = 0;
    for (int i = 0; i < len; i++) {
        const char *f = k[i].field;
        TSNode c = k[i].node;
        if (f == NULL)
            continue;
        if (strcmp(f, "qualifier") == 0)
            t->flags |= is(c, "const") ? PYX_F(CONST) : PYX_F(VOLATILE);
        else if (strcmp(f, "sign") == 0)
            t->flags |= is(c, "signed") ? PYX_F(SIGNED) : PYX_F(UNSIGNED);
        else if (strcmp(f, "size") == 0) {
            if (is(c, "short"))
                t->flags |= PYX_F(SHORT);
            else
                t->op++;
        } else if (strcmp(f, "name") == 0)
            t->name = dotted(L, c);
        else if (strcmp(f, "suffix") == 0) {
            brackets = c;
            has_brackets = 1;
        } else if (strcmp(f, "pointer") == 0)
            pointers += is(c, "**") ? 2 : 1;
    }
    if (t->name == NULL)
        t->name = "int";   /* 'unsigned', 'long long', 'short' */
    t->len = (uint32_t)strlen(t->name);
    if ((t->flags & PYX_F(SHORT)) && t->op)
        pyx_diag_error(L->d, loc_of(L, n), "a C type cannot be both short and long");
    if (t->op > 2)
        pyx_diag_error(L->d, loc_of(L, n), "'long long long' is too long for a C type");
    PyxNode *r = has_brackets ? lower_ctype_brackets(L, brackets, t) : t;
    return wrap_ptr(L, n, r, pointers);
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
static PyxNode *apply_declarator(Lower *L, TSNode d, PyxNode *type, PyxNode *var)
{
    for (;;) {
        const char *t = type_of(d);
        if (strcmp(t, "identifier") == 0) {
            set_name(L, var, d);
            var->loc = loc_of(L, d);
            return type;
        }
        if (strcmp(t, "pointer_declarator") == 0) {
            type = wrap_ptr(L, d, type, is(field(d, "pointer"), "**") ? 2 : 1);
        } else if (strcmp(t, "array_declarator") == 0) {
            PyxNode *arr = node(L, PYX_NODE_CTYPE_ARRAY, d);
            arr->ctype = type;
            TSNode size = field(d, "size");
            if (!ts_node_is_null(size))
                arr->value = lower_expr(L, size);
            type = arr;
        } else if (strcmp(t, "function_declarator") == 0) {
            PyxNode *fn = node(L, PYX_NODE_CTYPE_FUNC, d);
            fn->ctype = type;
            lower_params(L, field(d, "parameters"), &fn->params);
            names_to_types(L, &fn->params);
            Kid *k;
            int len = kids(L, d, &k);
            for (int i = 0; i < len; i++) {
                if (k[i].field == NULL)
                    continue;
                if (strcmp(k[i].field, "exception") == 0)
                    fn->except_clause = lower_exception_clause(L, k[i].node, fn);
                else if (strcmp(k[i].field, "nogil") == 0)
                    fn->flags |= PYX_F(NOGIL);
                else if (strcmp(k[i].field, "gil") == 0)
                    fn->flags |= PYX_F(WITH_GIL);
            }
            type = fn;
        } else if (strcmp(t, "parenthesized_declarator") == 0) {
            /* grouping only */
        } else {
            bad_node(L, d);
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

/* c_declaration / c_variable_declaration:
   ['cdef'] ['public'|'readonly'] type declarator ['=' value], ... */
static PyxNode *lower_c_declaration(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CDEF_VARS, n);
    TSNode vis = field(n, "visibility");
    if (!ts_node_is_null(vis))
        r->flags |= is(vis, "public") ? PYX_F(PUBLIC) : PYX_F(READONLY);
    PyxNode *base = lower_ctype(L, field(n, "type"));
    Kid *k;
    int len = kids(L, n, &k);
    for (int i = 0; i < len; i++)
        if (k[i].field && strcmp(k[i].field, "declarator") == 0)
            pyx_list_push(L->a, &r->items, lower_c_var(L, k[i].node, base));
    return r;
}

/* c_parameter: type [declarator] ['not None' | 'or None'] ['=' default] */
static PyxNode *lower_c_param(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_PARAM, n);
    PyxNode *base = lower_ctype(L, field(n, "type"));
    TSNode d = field(n, "declarator");
    r->ctype = ts_node_is_null(d) ? base : apply_declarator(L, d, base, r);
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
    if (has_token(L, n, "noexcept")) {
        fn->flags |= PYX_F(NOEXCEPT);
        return NULL;
    }
    PyxNode *r = node(L, PYX_NODE_EXCEPT_CLAUSE, n);
    if (has_token(L, n, "?"))
        r->flags |= PYX_F(EXC_CHECK);
    if (has_token(L, n, "*"))
        r->flags |= PYX_F(EXC_STAR);
    if (has_token(L, n, "+"))
        r->flags |= PYX_F(EXC_PLUS);
    TSNode v = field(n, "value");
    if (!ts_node_is_null(v))
        r->value = lower_expr(L, v);
    return r;
}

/* c_function_definition / c_function_declaration:
   ('cdef'|'cpdef') modifiers* [return type] name '(' params ')' qualifiers* [':' block] */
static PyxNode *lower_c_function(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_FUNCTION_DEF, n);
    Kid *k;
    int len = kids(L, n, &k);
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
            r->flags |= m[0] == 'i' ? PYX_F(INLINE) : m[0] == 'p' ? PYX_F(PUBLIC)
                      : m[0] == 'a' ? PYX_F(API) : 0;
        } else if (strcmp(f, "return_type") == 0)
            r->ctype = lower_ctype(L, c);
        else if (strcmp(f, "name") == 0) {
            set_name(L, r, c);
        } else if (strcmp(f, "parameters") == 0)
            lower_params(L, c, &r->params);
        else if (strcmp(f, "exception") == 0) {
            if (r->except_clause || (r->flags & PYX_F(NOEXCEPT)))
                pyx_diag_error(L->d, loc_of(L, c), "more than one exception clause on '%s'", r->name ? r->name : "function");
            r->except_clause = lower_exception_clause(L, c, r);
        } else if (strcmp(f, "nogil") == 0)
            r->flags |= PYX_F(NOGIL);
        else if (strcmp(f, "gil") == 0)
            r->flags |= PYX_F(WITH_GIL);
        else if (strcmp(f, "body") == 0)
            lower_block(L, c, &r->body);
    }
    if (ts_node_is_null(field(n, "body"))) {
        r->flags |= PYX_F(DECL_ONLY);
        names_to_types(L, &r->params);
    }
    return r;
}

/* c_class_definition: 'cdef' ['public'|'api'] 'class' name ['(' bases ')'] ':' block */
static PyxNode *lower_c_class(Lower *L, TSNode n)
{
    PyxNode *r = lower_class(L, n);
    r->flags |= PYX_F(CDEF);
    TSNode vis = field(n, "visibility");
    if (!ts_node_is_null(vis))
        r->flags |= is(vis, "public") ? PYX_F(PUBLIC) : PYX_F(API);
    return r;
}

/* c_struct_definition: ['cdef'] ['packed'] ('struct'|'union') name [':' block of declarations] */
static PyxNode *lower_c_struct(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_STRUCT_DEF, n);
    set_name(L, r, field(n, "name"));
    if (is(field(n, "kind"), "union"))
        r->flags |= PYX_F(UNION);
    if (has_token(L, n, "packed"))
        r->flags |= PYX_F(PACKED);
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) {
        r->flags |= PYX_F(DECL_ONLY);
        return r;
    }
    Kid *k;
    int len = named_kids(L, body, &k);
    for (int i = 0; i < len; i++) {
        if (!is(k[i].node, "c_declaration"))
            continue;
        PyxNode *d = lower_c_declaration(L, k[i].node);
        for (int j = 0; j < d->items.len; j++)
            pyx_list_push(L->a, &r->items, d->items.items[j]);
    }
    return r;
}

/* c_enum_definition: ['cdef'|'cpdef'] 'enum' [name] ':' enumerators */
static PyxNode *lower_c_enum(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_ENUM_DEF, n);
    TSNode kind = field(n, "kind");
    if (!ts_node_is_null(kind) && is(kind, "cpdef"))
        r->flags |= PYX_F(CPDEF);
    TSNode name = field(n, "name");
    if (!ts_node_is_null(name)) {
        set_name(L, r, name);
    }
    TSNode body = field(n, "body");
    if (ts_node_is_null(body)) {
        r->flags |= PYX_F(DECL_ONLY);
        return r;
    }
    Kid *k;
    int len = named_kids(L, body, &k);
    for (int i = 0; i < len; i++) {
        TSNode e = k[i].node;
        if (!is(e, "c_enumerator"))
            continue;
        PyxNode *en = node(L, PYX_NODE_ENUMERATOR, e);
        set_name(L, en, field(e, "name"));
        TSNode v = field(e, "value");
        if (!ts_node_is_null(v))
            en->value = lower_expr(L, v);
        pyx_list_push(L->a, &r->items, en);
    }
    return r;
}

/* ctypedef_statement: 'ctypedef' (type declarator | struct | enum | fused) */
static PyxNode *lower_ctypedef(Lower *L, TSNode n)
{
    PyxNode *r = node(L, PYX_NODE_CTYPEDEF, n);
    TSNode def = field(n, "definition");
    if (!ts_node_is_null(def)) {
        if (is(def, "fused_type_definition")) {
            PyxNode *f = node(L, PYX_NODE_FUSED_DEF, def);
            set_name(L, f, field(def, "name"));
            Kid *k;
            int len = named_kids(L, field(def, "body"), &k);
            for (int i = 0; i < len; i++)
                if (is(k[i].node, "c_type"))
                    pyx_list_push(L->a, &f->items, lower_ctype(L, k[i].node));
            return f;
        }
        r->value = is(def, "c_struct_definition") ? lower_c_struct(L, def) : lower_c_enum(L, def);
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
   'cdef:' blocks, struct bodies and extern blocks. */
static void lower_cython_stmt(Lower *L, TSNode n, PyxNodeList *out)
{
    const char *t = type_of(n);
    PyxNode *r;
    if (strcmp(t, "c_variable_declaration") == 0 || strcmp(t, "c_declaration") == 0)
        r = lower_c_declaration(L, n);
    else if (strcmp(t, "c_function_definition") == 0 || strcmp(t, "c_function_declaration") == 0)
        r = lower_c_function(L, n);
    else if (strcmp(t, "c_class_definition") == 0)
        r = lower_c_class(L, n);
    else if (strcmp(t, "c_struct_definition") == 0)
        r = lower_c_struct(L, n);
    else if (strcmp(t, "c_enum_definition") == 0)
        r = lower_c_enum(L, n);
    else if (strcmp(t, "ctypedef_statement") == 0)
        r = lower_ctypedef(L, n);
    else if (strcmp(t, "c_declaration_block") == 0) {
        r = node(L, PYX_NODE_CDEF_BLOCK, n);
        lower_block(L, field(n, "body"), &r->body);
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
            r->asname = lower_string(L, ns)->name;
        if (!ts_node_is_null(field(n, "nogil")))
            r->flags |= PYX_F(NOGIL);
        lower_block(L, field(n, "body"), &r->body);
    } else if (strcmp(t, "gil_statement") == 0) {
        /* 'with nogil(cond), other():' -> GIL_BLOCK(test=cond, body=[WITH other(): body]) */
        r = node(L, PYX_NODE_GIL_BLOCK, n);
        r->flags |= is(field(n, "kind"), "nogil") ? PYX_F(NOGIL) : PYX_F(WITH_GIL);
        TSNode cond = field(n, "condition");
        if (!ts_node_is_null(cond))
            r->test = lower_expr(L, cond);
        Kid *k;
        int len = kids(L, n, &k);
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
        set_name(L, r, field(n, "name"));
        r->value = lower_expr(L, field(n, "value"));
    } else if (strcmp(t, "ERROR") == 0 || ts_node_is_missing(n)) {
        return;   /* reported by parse.c */
    } else {
        bad_node(L, n);
        return;
    }
    pyx_list_push(L->a, out, r);
}

/* ---- entry ------------------------------------------------------------------ */

PyxNode *pyx_lower(PyxArena *a, const PyxSource *src, TSTree *tree, PyxDiag *d)
{
    TSNode root = ts_tree_root_node(tree);
    Lower L = {a, d, src, root};
    PyxNode *m = node(&L, PYX_NODE_MODULE, root);
    m->name = src->path;
    m->len = (uint32_t)strlen(src->path);
    lower_block(&L, root, &m->body);
    return m;
}
