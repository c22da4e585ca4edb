/* unparse.c - expressions back to source text (see unparse.h).
 *
 * CPython's style follows Python/ast_unparse.c: every expression is written
 * at a precedence level its context asks for and parenthesised when it
 * binds more loosely.  Cython's style follows Cython/CodeWriter.py's
 * ExpressionWriter, whose only parentheses are around an operator whose
 * precedence is lower than that of the innermost operator it sits in (so
 * 'a - (b - c)' is written 'a - b - c', as Cython writes it).
 */
#include "unparse.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct W {
    PyxArena *a;
    PyxBuf out;
    PyxUnparseStyle style;
    bool failed;           /* CPython's style met a form it cannot write */
} W;

static void put_n(W *w, const char *s, size_t n)
{
    pyx_buf_put(w->a, &w->out, s, n);
}

static void put(W *w, const char *s)
{
    put_n(w, s, strlen(s));
}

/* ---- repr ---------------------------------------------------------------------------- */

/* One UTF-8 sequence at s (n bytes left): its code point and length;
   invalid bytes come out as themselves, one at a time. */
static uint32_t decode_utf8(const unsigned char *s, uint32_t n, uint32_t *len)
{
    uint32_t c = s[0];
    int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (k == 0 || (uint32_t)k >= n) {
        *len = 1;
        return c;
    }
    c &= 0x3F >> k;
    for (int i = 1; i <= k; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *len = (uint32_t)k + 1;
    return c;
}

/* Characters CPython's repr escapes beyond ASCII (str.isprintable() is
   false): the ranges this writer knows. */
static bool printable(uint32_t c)
{
    static const uint32_t ranges[][2] = {
        {0x80, 0xA0}, {0xAD, 0xAD}, {0x34F, 0x34F}, {0x61C, 0x61C}, {0x180E, 0x180E},
        {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F}, {0x3000, 0x3000},
        {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF0, 0xFFFB}, {0xFFFE, 0xFFFF},
        {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1])
            return false;
    return true;
}

const char *pyx_repr_str(PyxArena *a, const char *s, uint32_t len, bool bytes)
{
    W w = {.a = a, .style = PYX_UNPARSE_CPYTHON};
    bool squote = memchr(s, '\'', len) != NULL, dquote = memchr(s, '"', len) != NULL;
    char q = squote && !dquote ? '"' : '\'';
    if (bytes)
        put(&w, "b");
    put_n(&w, &q, 1);
    const unsigned char *u = (const unsigned char *)s;
    char buf[16];
    for (uint32_t i = 0; i < len;) {
        uint32_t n = 1, c = bytes ? u[i] : decode_utf8(u + i, len - i, &n);
        if (c == (unsigned char)q || c == '\\') {
            buf[0] = '\\';
            buf[1] = (char)c;
            put_n(&w, buf, 2);
        } else if (c == '\t') {
            put(&w, "\\t");
        } else if (c == '\n') {
            put(&w, "\\n");
        } else if (c == '\r') {
            put(&w, "\\r");
        } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80) || (!bytes && c < 0x100 && !printable(c))) {
            snprintf(buf, sizeof buf, "\\x%02x", (unsigned)c);
            put(&w, buf);
        } else if (!bytes && !printable(c)) {
            snprintf(buf, sizeof buf, c < 0x10000 ? "\\u%04x" : "\\U%08x", (unsigned)c);
            put(&w, buf);
        } else {
            put_n(&w, s + i, n);
        }
        i += n;
    }
    put_n(&w, &q, 1);
    return w.out.p;
}

/* ---- numbers as CPython writes them ---------------------------------------------------------- */

/* The literal's text without '_'. */
static char *digits_of(PyxArena *a, const char *s)
{
    char *r = pyx_arena_strdup(a, s), *o = r;
    for (; *s; s++)
        if (*s != '_')
            *o++ = *s;
    *o = '\0';
    return r;
}

/* An int literal of any base, in decimal (any size). */
static const char *int_decimal(PyxArena *a, const char *text)
{
    char *s = digits_of(a, text);
    int base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
        base = 8, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        base = 2, s += 2;
    size_t n = strlen(s), cap = n + 2;   /* decimal digits <= input digits * log(16)/log(10) + 1 */
    cap = n * 2 + 2;
    unsigned char *dec = pyx_arena_alloc(a, cap);   /* little-endian decimal digits */
    size_t nd = 1;
    dec[0] = 0;
    for (size_t i = 0; i < n; i++) {
        int d = s[i] <= '9' ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
        unsigned carry = (unsigned)d;
        for (size_t k = 0; k < nd; k++) {
            unsigned v = dec[k] * (unsigned)base + carry;
            dec[k] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry && nd < cap) {
            dec[nd++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *out = pyx_arena_alloc(a, nd + 1);
    for (size_t k = 0; k < nd; k++)
        out[k] = (char)('0' + dec[nd - 1 - k]);
    out[nd] = '\0';
    return out;
}

/* repr(float): the shortest digits that read back as the same double,
   in fixed notation for exponents -4 < e <= 16, else 'd.ddde+XX'. */
static const char *float_repr(PyxArena *a, double x)
{
    if (isinf(x))
        return "1e309";   /* what ast.unparse writes for an infinite constant */
    if (x == 0)
        return signbit(x) ? "-0.0" : "0.0";
    char buf[64];
    for (int prec = 0; prec < 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    /* buf = [-]d[.ddd]e[+-]XX */
    const char *p = buf;
    bool neg = *p == '-';
    if (neg)
        p++;
    char digits[32];
    int nd = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    int exp = atoi(p + 1);
    int decpt = exp + 1;
    char out[64];
    int o = 0;
    if (neg)
        out[o++] = '-';
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            o += snprintf(out + o, sizeof out - (size_t)o, "0.");
            for (int i = 0; i < -decpt; i++)
                out[o++] = '0';
            o += snprintf(out + o, sizeof out - (size_t)o, "%s", digits);
        } else {
            for (int i = 0; i < decpt; i++)
                out[o++] = i < nd ? digits[i] : '0';
            out[o++] = '.';
            if (nd > decpt)
                o += snprintf(out + o, sizeof out - (size_t)o, "%s", digits + decpt);
            else
                out[o++] = '0';
        }
        out[o] = '\0';
    } else {
        out[o++] = digits[0];
        if (nd > 1)
            o += snprintf(out + o, sizeof out - (size_t)o, ".%s", digits + 1);
        snprintf(out + o, sizeof out - (size_t)o, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    }
    return pyx_arena_strdup(a, out);
}

static const char *number(W *w, const PyxNode *e)
{
    if (w->style == PYX_UNPARSE_CYTHON)
        return e->name;   /* as written */
    if (e->kind == PYX_NODE_INT)
        return int_decimal(w->a, e->name);
    char *s = digits_of(w->a, e->name);
    if (e->kind == PYX_NODE_IMAG) {
        s[strlen(s) - 1] = '\0';   /* the 'j' */
        const char *r = float_repr(w->a, strtod(s, NULL));
        size_t n = strlen(r);
        if (n > 2 && strcmp(r + n - 2, ".0") == 0)   /* repr(2j) is '2j' */
            r = pyx_arena_strndup(w->a, r, n - 2);
        return pyx_arena_printf(w->a, "%sj", r);
    }
    return float_repr(w->a, strtod(s, NULL));
}

/* ---- precedence ------------------------------------------------------------------------ */

/* CPython's levels (ast_unparse.c). */
enum { PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT,
       PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM };

static int binop_level(int op)
{
    switch (op) {
    case PYX_OP_BITOR: return PR_EXPR;
    case PYX_OP_BITXOR: return PR_BXOR;
    case PYX_OP_BITAND: return PR_BAND;
    case PYX_OP_LSHIFT: case PYX_OP_RSHIFT: return PR_SHIFT;
    case PYX_OP_ADD: case PYX_OP_SUB: return PR_ARITH;
    case PYX_OP_POW: return PR_POWER;
    default: return PR_TERM;   /* * @ / // % */
    }
}

/* Cython's table (ExpressionWriter.binop_precedence / unop_precedence). */
static int cython_level(const PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_BOOLOP: return e->op == PYX_OP_AND ? 2 : 1;
    case PYX_NODE_NOT: return 3;
    case PYX_NODE_COMPARE: return 4;
    case PYX_NODE_UNARYOP: return 11;
    case PYX_NODE_BINOP:
        switch (e->op) {
        case PYX_OP_BITOR: return 5;
        case PYX_OP_BITXOR: return 6;
        case PYX_OP_BITAND: return 7;
        case PYX_OP_LSHIFT: case PYX_OP_RSHIFT: return 8;
        case PYX_OP_ADD: case PYX_OP_SUB: return 9;
        case PYX_OP_POW: return 12;
        default: return 10;
        }
    default: return -1;   /* no operator: the enclosing precedence carries through */
    }
}

static void expr(W *w, const PyxNode *e, int level);

static void open_if(W *w, bool cond)
{
    if (cond)
        put(w, "(");
}

static void close_if(W *w, bool cond)
{
    if (cond)
        put(w, ")");
}

/* Comma-separated items at one level. */
static void items(W *w, const PyxNodeList *l, int level)
{
    for (int i = 0; i < l->len; i++) {
        if (i)
            put(w, ", ");
        expr(w, l->items[i], level);
    }
}

static void call(W *w, const PyxNode *e, int level)
{
    bool cy = w->style == PYX_UNPARSE_CYTHON;
    expr(w, e->value, cy ? level : PR_ATOM);
    put(w, "(");
    items(w, &e->items, cy ? level : PR_TEST);
    for (int i = 0; i < e->keywords.len; i++) {
        const PyxNode *k = e->keywords.items[i];
        if (i || e->items.len)
            put(w, ", ");
        if (k->name) {
            put(w, k->name);
            put(w, "=");
        } else {
            put(w, "**");
        }
        expr(w, k->value, cy ? level : PR_TEST);
    }
    put(w, ")");
}

static void subscript(W *w, const PyxNode *e, int level)
{
    bool cy = w->style == PYX_UNPARSE_CYTHON;
    expr(w, e->value, cy ? level : PR_ATOM);
    put(w, "[");
    const PyxNode *r = e->right;
    if (r->kind == PYX_NODE_TUPLE && r->items.len) {
        items(w, &r->items, cy ? level : PR_TEST);
        if (r->items.len == 1 && !cy)
            put(w, ",");
    } else {
        expr(w, r, cy ? level : PR_TUPLE);
    }
    put(w, "]");
}

static void slice(W *w, const PyxNode *e, int level)
{
    if (e->lower)
        expr(w, e->lower, level);
    put(w, ":");
    if (e->upper)
        expr(w, e->upper, level);
    if (e->step) {
        put(w, ":");
        expr(w, e->step, level);
    }
}

static void unsupported(W *w)
{
    if (w->style == PYX_UNPARSE_CYTHON)
        put(w, "...");
    else
        w->failed = true;
}

static void expr(W *w, const PyxNode *e, int level)
{
    bool cy = w->style == PYX_UNPARSE_CYTHON;
    int own = cy ? cython_level(e) : 0;
    bool paren = cy && own >= 0 && level > own;
    if (cy && own >= 0)
        open_if(w, paren);
    switch (e->kind) {
    case PYX_NODE_NAME:
        put(w, e->name);
        break;
    case PYX_NODE_INT: case PYX_NODE_FLOAT: case PYX_NODE_IMAG:
        put(w, number(w, e));
        break;
    case PYX_NODE_STR:
        if (e->flags & PYX_F(ESCAPED))
            unsupported(w);   /* \N{...}: the value is CPython's to decode */
        else
            put(w, pyx_repr_str(w->a, e->name, e->len, (e->flags & PYX_F(BYTES)) != 0));
        break;
    case PYX_NODE_TRUE: put(w, "True"); break;
    case PYX_NODE_FALSE: put(w, "False"); break;
    case PYX_NODE_NONE: put(w, "None"); break;
    case PYX_NODE_ELLIPSIS: put(w, "..."); break;
    case PYX_NODE_BINOP: {
        if (cy) {
            expr(w, e->left, own);
            put(w, " ");
            put(w, pyx_op_str(e->op));
            put(w, " ");
            expr(w, e->right, own);
            break;
        }
        int pr = binop_level(e->op);
        bool rassoc = e->op == PYX_OP_POW;
        open_if(w, level > pr);
        expr(w, e->left, pr + rassoc);
        put(w, " ");
        put(w, pyx_op_str(e->op));
        put(w, " ");
        expr(w, e->right, pr + !rassoc);
        close_if(w, level > pr);
        break;
    }
    case PYX_NODE_UNARYOP:
        open_if(w, !cy && level > PR_FACTOR);
        put(w, pyx_op_str(e->op));
        expr(w, e->value, cy ? own : PR_FACTOR);
        close_if(w, !cy && level > PR_FACTOR);
        break;
    case PYX_NODE_NOT:
        open_if(w, !cy && level > PR_NOT);
        put(w, "not ");
        expr(w, e->value, cy ? own : PR_NOT);
        close_if(w, !cy && level > PR_NOT);
        break;
    case PYX_NODE_BOOLOP: {
        int pr = e->op == PYX_OP_AND ? PR_AND : PR_OR;
        open_if(w, !cy && level > pr);
        for (int i = 0; i < e->items.len; i++) {
            if (i)
                put(w, e->op == PYX_OP_AND ? " and " : " or ");
            expr(w, e->items.items[i], cy ? own : pr + 1);
        }
        close_if(w, !cy && level > pr);
        break;
    }
    case PYX_NODE_COMPARE:
        open_if(w, !cy && level > PR_CMP);
        expr(w, e->left, cy ? own : PR_CMP + 1);
        for (int i = 0; i < e->items.len; i++) {
            put(w, " ");
            put(w, pyx_op_str(e->items.items[i]->op));
            put(w, " ");
            expr(w, e->items.items[i]->value, cy ? own : PR_CMP + 1);
        }
        close_if(w, !cy && level > PR_CMP);
        break;
    case PYX_NODE_IF_EXP:
        open_if(w, !cy && level > PR_TEST);
        expr(w, e->left, cy ? level : PR_TEST + 1);
        put(w, " if ");
        expr(w, e->test, cy ? level : PR_TEST + 1);
        put(w, " else ");
        expr(w, e->right, cy ? level : PR_TEST);
        close_if(w, !cy && level > PR_TEST);
        break;
    case PYX_NODE_CALL:
        call(w, e, level);
        break;
    case PYX_NODE_ATTRIBUTE:
        expr(w, e->value, cy ? level : PR_ATOM);
        put(w, !cy && e->value->kind == PYX_NODE_INT ? " ." : ".");
        put(w, e->name);
        break;
    case PYX_NODE_SUBSCRIPT:
        subscript(w, e, level);
        break;
    case PYX_NODE_SLICE:
        slice(w, e, cy ? level : PR_TEST);
        break;
    case PYX_NODE_STARRED:
        put(w, "*");
        expr(w, e->value, cy ? level : PR_EXPR);
        break;
    case PYX_NODE_TUPLE:
        if (e->items.len == 0) {
            put(w, "()");
            break;
        }
        open_if(w, cy || level > PR_TUPLE);
        items(w, &e->items, cy ? level : PR_TEST);
        if (e->items.len == 1 && !cy)
            put(w, ",");
        close_if(w, cy || level > PR_TUPLE);
        break;
    case PYX_NODE_LIST:
        put(w, "[");
        items(w, &e->items, cy ? level : PR_TEST);
        put(w, "]");
        break;
    case PYX_NODE_SET:
        put(w, "{");
        items(w, &e->items, cy ? level : PR_TEST);
        put(w, "}");
        break;
    case PYX_NODE_DICT:
        put(w, "{");
        for (int i = 0; i < e->items.len; i++) {
            const PyxNode *it = e->items.items[i];
            if (i)
                put(w, ", ");
            if (it->kind == PYX_NODE_DOUBLE_STARRED) {
                put(w, "**");
                expr(w, it->value, cy ? level : PR_EXPR);
            } else {
                expr(w, it->left, cy ? level : PR_TEST);
                put(w, ": ");
                expr(w, it->value, cy ? level : PR_TEST);
            }
        }
        put(w, "}");
        break;
    default:   /* lambda, comprehensions, f-strings, yield, await, ':=', C expressions */
        unsupported(w);
        break;
    }
    if (cy && own >= 0)
        close_if(w, paren);
}

const char *pyx_unparse(PyxArena *a, const PyxNode *e, PyxUnparseStyle style)
{
    W w = {.a = a, .style = style};
    expr(&w, e, style == PYX_UNPARSE_CYTHON ? 0 : PR_TEST);
    if (w.failed)
        return NULL;
    return w.out.p ? w.out.p : "";
}

/* ---- docstrings ------------------------------------------------------------------------ */

const char *pyx_cleandoc(PyxArena *a, const char *doc, uint32_t len)
{
    /* expandtabs(8), split into lines */
    W w = {.a = a, .style = PYX_UNPARSE_CPYTHON};
    int col = 0;
    for (uint32_t i = 0; i < len; i++) {
        char c = doc[i];
        if (c == '\t') {
            do
                put(&w, " ");
            while (++col % 8);
        } else {
            put_n(&w, &c, 1);
            if (c == '\n' || c == '\r')
                col = 0;
            else if (((unsigned char)c & 0xC0) != 0x80)
                col++;
        }
    }
    if (w.out.p == NULL)
        return "";
    int nlines = 1;
    for (size_t i = 0; i < w.out.len; i++)
        nlines += w.out.p[i] == '\n';
    const char **line = pyx_arena_alloc(a, sizeof *line * (size_t)nlines);
    size_t *llen = pyx_arena_alloc(a, sizeof *llen * (size_t)nlines);
    const char *p = w.out.p;
    for (int i = 0; i < nlines; i++) {
        const char *nl = strchr(p, '\n');
        line[i] = p;
        llen[i] = nl ? (size_t)(nl - p) : strlen(p);
        p = nl ? nl + 1 : p + llen[i];
    }
#define WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\f' || (c) == '\v')
    size_t margin = (size_t)-1;
    for (int i = 1; i < nlines; i++) {
        size_t k = 0;
        while (k < llen[i] && WS(line[i][k]))
            k++;
        if (k < llen[i] && k < margin)
            margin = k;
    }
    while (llen[0] && WS(line[0][0])) {
        line[0]++;
        llen[0]--;
    }
#undef WS
    if (margin != (size_t)-1)
        for (int i = 1; i < nlines; i++) {
            size_t cut = margin < llen[i] ? margin : llen[i];
            line[i] += cut;
            llen[i] -= cut;
        }
    int first = 0, last = nlines - 1;
    while (last >= 0 && llen[last] == 0)
        last--;
    while (first <= last && llen[first] == 0)
        first++;
    W out = {.a = a, .style = PYX_UNPARSE_CPYTHON};
    for (int i = first; i <= last; i++) {
        if (i > first)
            put(&out, "\n");
        put_n(&out, line[i], llen[i]);
    }
    return out.out.p ? out.out.p : "";
}
