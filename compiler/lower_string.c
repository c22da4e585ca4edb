/* lower_string.c - string, bytes and f-string literals -> STR / FSTRING.
 *
 * The source spelling is decoded here (escapes, raw strings, '{{'), adjacent
 * literals are joined, and f-strings become a list of text and FORMATTED
 * parts, so later phases only ever see values.
 */
#include <stdio.h>
#include <string.h>

#include "lower_int.h"

typedef PyxBuf StrBuf;

static void sb_put(Lower *L, StrBuf *b, const char *s, uint32_t n)
{
    pyx_buf_put(L->a, b, s, n);
}

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

/* Appends source text [s, e) as Python reads it: line breaks, '\r\n' and a
   lone '\r' alike, become '\n' (universal newlines), also in strings. */
static void put_text(Lower *L, StrBuf *b, const char *s, const char *e)
{
    while (s < e) {
        const char *cr = memchr(s, '\r', (size_t)(e - s));
        if (cr == NULL) {
            sb_put(L, b, s, (uint32_t)(e - s));
            return;
        }
        sb_put(L, b, s, (uint32_t)(cr - s));
        sb_put(L, b, "\n", 1);
        s = cr + 1;
        if (s < e && *s == '\n')
            s++;
    }
}

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
            put_text(L, b, run, s);
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
            const char *after = s + (s + 1 < e ? 2 : 1);
            if (after < e && after[-1] == '\r' && *after == '\n')
                after++;
            put_text(L, b, s, after);
            s = after;
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
    char *t = cst_text(L, start);
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
        int en = cst_named_kids(L, expr, &ek);
        for (int i = 0; i < en; i++)
            pyx_list_push(L->a, &t->items, lower_expr(L, ek[i].node));
        f->value = t;
    } else {
        f->value = lower_expr(L, expr);
    }
    if (!ts_node_is_null(conv)) {
        char *c = cst_text(L, conv);
        if (c[1] != 'r' && c[1] != 's' && c[1] != 'a')
            pyx_diag_error(L->d, loc_of(L, conv), "f-string: invalid conversion character '%s': expected 's', 'r', or 'a'", c + 1);
        f->op = c[1];
    }
    if (cst_has_token(L, n, "=")) {
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
    if (!lower_enter(L, spec))
        return f;
    StrBuf b = {0};
    uint32_t pos = ts_node_start_byte(spec) + 1;   /* after ':' */
    Kid *kk;
    int n = cst_named_kids(L, spec, &kk);
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
    lower_leave(L);
    return f;
}

/* string: string_start (string_content | interpolation)* string_end
   concatenated_string: string string+
   Adjacent literals are joined; any f-string part makes the result an FSTRING. */
PyxNode *lower_string(Lower *L, TSNode n)
{
    TSNode one[1];
    Kid *sk = NULL;
    int count;
    if (is(n, "concatenated_string")) {
        count = cst_named_kids(L, n, &sk);
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
        int len = cst_kids(L, s, &k);
        StrKind kind = {0, 0, 0, 0};
        for (int j = 0; j < len; j++) {
            TSNode c = k[j].node;
            if (is(c, "string_start")) {
                if (L->src->text[ts_node_start_byte(c)] == '`') {
                    pyx_diag_error(L->d, loc_of(L, n), "Python 2 backquotes: write repr(...)");
                    return node(L, PYX_NODE_NONE, n);
                }
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

