/* check_match.c - typing match statements (PEP 634).
 *
 * The subject and every value a pattern compares with, every class it
 * tests and every mapping key are Python objects; a capture is an
 * assignment (a cdef-typed name gets a converted value).  Recorded for
 * emit: PAT_VALUE.op (PYX_OP_IS for None/True/False, PYX_OP_EQ for the
 * rest) and PAT_SEQUENCE.op (a PyxSeqFetch: how the elements are read).
 *
 * CPython's compiler refuses some patterns with a SyntaxError (a name bound
 * twice, alternatives binding different names, an irrefutable pattern that
 * is not last, two starred names, duplicate literal keys, an attribute
 * named twice, an f-string); 'Rules' below walks a pattern in the order
 * CPython's compiler does, so each error comes in its words and at the
 * position it gives: the pattern its compiler entered last.
 */
#include <math.h>
#include <stdio.h>

#include "sema_int.h"

/* ---- literal keys: their values and their repr ------------------------------- */

typedef enum { K_OTHER, K_NUM, K_STR, K_BYTES, K_NONE } KonstKind;

/* The value of a literal mapping key, enough to tell duplicates apart as a
   Python set does (1 == 1.0 == True == 1+0j; 'a' != b'a'). */
typedef struct Konst {
    KonstKind kind;
    bool exact;             /* K_NUM: an int, in i (or, when big, in digits) */
    bool is_bool, is_complex;
    int64_t i;
    const char *digits;     /* a big int: decimal digits with its sign, else NULL */
    double re, im;
    const char *s;          /* K_STR, K_BYTES */
    uint32_t len;
} Konst;

/* A literal integer beyond 64 bits in decimal ("-" prefix when neg). */
static const char *big_decimal(PyxArena *a, const char *text, bool neg)
{
    int base = 10;
    if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
        base = 16, text += 2;
    else if (text[0] == '0' && (text[1] == 'o' || text[1] == 'O'))
        base = 8, text += 2;
    else if (text[0] == '0' && (text[1] == 'b' || text[1] == 'B'))
        base = 2, text += 2;
    size_t cap = strlen(text) * 2 + 4, n = 0;
    unsigned char *dec = pyx_arena_alloc(a, cap);   /* little-endian decimal digits */
    for (const char *p = text; *p; p++) {
        if (*p == '_')
            continue;
        int d = *p >= '0' && *p <= '9' ? *p - '0' : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10 : *p - 'A' + 10;
        int carry = d;
        for (size_t k = 0; k < n; k++) {
            int v = dec[k] * base + carry;
            dec[k] = (unsigned char)(v % 10);
            carry = v / 10;
        }
        while (carry) {
            dec[n++] = (unsigned char)(carry % 10);
            carry /= 10;
        }
    }
    char *out = pyx_arena_alloc(a, n + 3), *w = out;
    if (neg)
        *w++ = '-';
    if (n == 0)
        *w++ = '0';
    while (n)
        *w++ = (char)('0' + dec[--n]);
    *w = '\0';
    return out;
}

static double float_text(Sema *S, const char *text)
{
    char *t = pyx_arena_strdup(S->a, text), *w = t;
    for (const char *r = text; *r; r++)
        if (*r != '_')
            *w++ = *r;
    *w = '\0';
    return strtod(t, NULL);
}

static bool konst_of(Sema *S, const PyxNode *e, Konst *k)
{
    memset(k, 0, sizeof *k);
    switch (e->kind) {
    case PYX_NODE_INT:
        k->kind = K_NUM;
        k->exact = true;
        if (!parse_int_literal(e->name, &k->i))
            k->digits = big_decimal(S->a, e->name, false);
        k->re = k->digits ? HUGE_VAL : (double)k->i;
        return true;
    case PYX_NODE_FLOAT:
        k->kind = K_NUM;
        k->re = float_text(S, e->name);
        return true;
    case PYX_NODE_IMAG: {
        k->kind = K_NUM;
        k->is_complex = true;
        char *t = pyx_arena_strdup(S->a, e->name);
        t[strlen(t) - 1] = '\0';   /* the 'j' */
        k->im = float_text(S, t);
        return true;
    }
    case PYX_NODE_TRUE: case PYX_NODE_FALSE:
        k->kind = K_NUM;
        k->exact = k->is_bool = true;
        k->i = e->kind == PYX_NODE_TRUE;
        k->re = (double)k->i;
        return true;
    case PYX_NODE_NONE:
        k->kind = K_NONE;
        return true;
    case PYX_NODE_STR:
        if (e->flags & (PYX_F(ESCAPED) | PYX_F(CHAR)))
            return false;
        k->kind = (e->flags & PYX_F(BYTES)) ? K_BYTES : K_STR;
        k->s = e->name;
        k->len = e->len;
        return true;
    case PYX_NODE_UNARYOP:
        if (e->op != PYX_OP_UMINUS || !konst_of(S, e->value, k) || k->kind != K_NUM)
            return false;
        if (k->exact && k->digits)
            k->digits = k->digits[0] == '-' ? k->digits + 1 : pyx_arena_printf(S->a, "-%s", k->digits);
        k->i = -k->i;
        k->re = k->exact ? (double)k->i : -k->re;
        k->im = -k->im;
        return true;
    case PYX_NODE_BINOP: {   /* real +/- imaginary, folded as CPython folds it */
        Konst r;
        if ((e->op != PYX_OP_ADD && e->op != PYX_OP_SUB) || !konst_of(S, e->left, k) || !konst_of(S, e->right, &r)
            || k->kind != K_NUM || r.kind != K_NUM || k->digits)
            return false;
        k->re = e->op == PYX_OP_ADD ? k->re + 0.0 : k->re - 0.0;
        k->im = e->op == PYX_OP_ADD ? 0.0 + r.im : 0.0 - r.im;
        k->exact = k->is_bool = false;
        k->is_complex = true;
        return true;
    }
    default:
        return false;
    }
}

static bool konst_equal(const Konst *a, const Konst *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case K_NONE:
        return true;
    case K_STR: case K_BYTES:
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    case K_NUM:
        if (a->im != b->im)
            return false;
        if (a->digits || b->digits)
            return a->digits && b->digits && strcmp(a->digits, b->digits) == 0;
        if (a->exact && b->exact)
            return a->i == b->i;
        if (a->exact || b->exact) {   /* int == float only when the float is that integer, exactly */
            const Konst *in = a->exact ? a : b, *fl = a->exact ? b : a;
            return fl->re == (double)in->i && fl->re >= -9223372036854775808.0 && fl->re < 9223372036854775808.0
                   && (int64_t)fl->re == in->i;
        }
        return a->re == b->re;
    default:
        return false;
    }
}

/* repr(x) of a float, or of a complex's part (no '.0' added), as CPython
   writes it: the shortest digits that read back, fixed notation unless the
   exponent is below -4 or above 15. */
static const char *float_repr(PyxArena *a, double x, bool add_dot_0)
{
    if (isnan(x))
        return "nan";
    if (isinf(x))
        return x < 0 ? "-inf" : "inf";
    char buf[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x)
            break;
    }
    bool neg = buf[0] == '-';
    char digits[24];
    int nd = 0;
    const char *p = buf + neg;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            digits[nd++] = *p;
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    int decpt = atoi(p + 1) + 1;   /* the value is 0.DIGITS * 10**decpt */
    char r[64];
    int w = 0;
    if (neg)
        r[w++] = '-';
    if (decpt <= -4 || decpt > 16) {
        r[w++] = digits[0];
        if (nd > 1) {
            r[w++] = '.';
            for (int i = 1; i < nd; i++)
                r[w++] = digits[i];
        }
        w += snprintf(r + w, sizeof r - (size_t)w, "e%c%02d", decpt - 1 < 0 ? '-' : '+', abs(decpt - 1));
    } else if (decpt <= 0) {
        r[w++] = '0';
        r[w++] = '.';
        for (int i = decpt; i < 0; i++)
            r[w++] = '0';
        for (int i = 0; i < nd; i++)
            r[w++] = digits[i];
    } else {
        for (int i = 0; i < decpt; i++)
            r[w++] = i < nd ? digits[i] : '0';
        if (nd > decpt) {
            r[w++] = '.';
            for (int i = decpt; i < nd; i++)
                r[w++] = digits[i];
        } else if (add_dot_0) {
            r[w++] = '.';
            r[w++] = '0';
        }
    }
    r[w] = '\0';
    return pyx_arena_strdup(a, r);
}

/* Is code point c printed as itself by repr()?  str.isprintable() needs
   the Unicode database; this knows the non-printable characters a source
   file is likely to hold (controls, format characters, separators, spaces
   other than ' ', surrogates, private use). */
static bool printable(uint32_t c)
{
    if (c >= 0x10000)   /* but the noncharacters and planes 14-16 (tags, private use) */
        return c < 0xE0000 && (c & 0xFFFE) != 0xFFFE;
    return !(c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0xAD || (c >= 0x600 && c <= 0x605) || c == 0x61C
             || c == 0x6DD || c == 0x70F || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F)
             || (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F) || c == 0x3000
             || (c >= 0xD800 && c <= 0xF8FF) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) || c >= 0xFFFE);
}

/* repr() of a str (UTF-8, surrogates allowed) or of a bytes value. */
static const char *text_repr(PyxArena *a, const char *s, uint32_t len, bool bytes)
{
    bool has_single = memchr(s, '\'', len) != NULL, has_double = memchr(s, '"', len) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    char *out = pyx_arena_alloc(a, (size_t)len * 10 + 4), *w = out;
    if (bytes)
        *w++ = 'b';
    *w++ = quote;
    for (uint32_t i = 0; i < len;) {
        uint32_t c = (unsigned char)s[i];
        uint32_t n = 1;
        if (!bytes && c >= 0x80) {   /* one UTF-8 sequence */
            n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            c &= n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F;
            for (uint32_t k = 1; k < n && i + k < len; k++)
                c = (c << 6) | ((unsigned char)s[i + k] & 0x3F);
        }
        if (c == (uint32_t)quote || c == '\\')
            w += sprintf(w, "\\%c", (char)c);
        else if (c == '\t')
            w += sprintf(w, "\\t");
        else if (c == '\n')
            w += sprintf(w, "\\n");
        else if (c == '\r')
            w += sprintf(w, "\\r");
        else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80) || (!printable(c) && c <= 0xFF))
            w += sprintf(w, "\\x%02x", (unsigned)c);
        else if (!printable(c))
            w += sprintf(w, c <= 0xFFFF ? "\\u%04x" : "\\U%08x", (unsigned)c);
        else {
            memcpy(w, s + i, n);
            w += n;
        }
        i += n;
    }
    *w++ = quote;
    *w = '\0';
    return out;
}

static const char *konst_repr(PyxArena *a, const Konst *k)
{
    switch (k->kind) {
    case K_NONE:
        return "None";
    case K_STR: case K_BYTES:
        return text_repr(a, k->s, k->len, k->kind == K_BYTES);
    case K_NUM:
        if (k->is_bool)
            return k->i ? "True" : "False";
        if (k->exact)
            return k->digits ? k->digits : pyx_arena_printf(a, "%lld", (long long)k->i);
        if (!k->is_complex)
            return float_repr(a, k->re, true);
        if (k->re == 0.0 && !signbit(k->re))
            return pyx_arena_printf(a, "%sj", float_repr(a, k->im, false));
        {
            const char *im = float_repr(a, k->im, false);
            bool sign = im[0] == '-' || (isnan(k->im) && signbit(k->im));
            return pyx_arena_printf(a, "(%s%s%sj)", float_repr(a, k->re, false), sign ? "" : "+", im);
        }
    default:
        return "?";
    }
}

/* ---- CPython's compile-time errors ------------------------------------------------ */

typedef struct Rules {
    Sema *S;
    PyxLoc last;            /* the pattern CPython's compiler entered last: where it reports */
    const char **stores;    /* names bound so far, in the (alternative of the) pattern */
    int nstores, cap_stores;
    bool failed;            /* one error per pattern, as CPython stops at the first */
} Rules;

static void rule_error(Rules *R, PyxLoc loc, const char *fmt, const char *arg)
{
    pyx_diag_error(R->S->d, loc, fmt, arg);
    R->failed = true;
}

static int find_store(const Rules *R, const char *name)
{
    for (int i = 0; i < R->nstores; i++)
        if (strcmp(R->stores[i], name) == 0)
            return i;
    return -1;
}

static void store(Rules *R, const char *name)
{
    if (name == NULL || R->failed)
        return;
    if (find_store(R, name) >= 0) {
        rule_error(R, R->last, "multiple assignments to name '%s' in pattern", name);
        return;
    }
    PYX_VEC_PUSH(R->S->a, R->stores, R->nstores, R->cap_stores, name);
}

static void rules(Rules *R, PyxNode *p, bool allow_irrefutable);

/* 'p1 | p2 | ...': each alternative binds the same names; only the last may
   be irrefutable (and only when the whole may). */
static void rules_or(Rules *R, PyxNode *p, bool allow_irrefutable)
{
    const char **outer = R->stores;
    int nouter = R->nstores, cap_outer = R->cap_stores;
    const char **control = NULL;
    int ncontrol = 0;
    for (int i = 0; i < p->items.len && !R->failed; i++) {
        PyxNode *alt = p->items.items[i];
        R->last = alt->loc;
        R->stores = NULL;
        R->nstores = R->cap_stores = 0;
        rules(R, alt, i == p->items.len - 1 && allow_irrefutable);
        if (R->failed)
            break;
        if (i == 0) {
            control = R->stores;
            ncontrol = R->nstores;
            continue;
        }
        bool same = R->nstores == ncontrol;
        for (int k = 0; k < ncontrol && same; k++)
            same = find_store(R, control[k]) >= 0;
        if (!same)
            rule_error(R, R->last, "alternative patterns bind different names%s", "");
    }
    R->stores = outer;
    R->nstores = nouter;
    R->cap_stores = cap_outer;
    for (int k = 0; k < ncontrol && !R->failed; k++)
        store(R, control[k]);
}

static void rules(Rules *R, PyxNode *p, bool allow_irrefutable)
{
    if (R->failed)
        return;
    R->last = p->loc;
    switch (p->kind) {
    case PYX_NODE_PAT_CAPTURE:
        if (!allow_irrefutable) {
            if (p->name)
                rule_error(R, p->loc, "name capture '%s' makes remaining patterns unreachable", p->name);
            else
                rule_error(R, p->loc, "wildcard makes remaining patterns unreachable%s", "");
            return;
        }
        store(R, p->name);
        return;
    case PYX_NODE_PAT_STAR:
        store(R, p->name);
        return;
    case PYX_NODE_PAT_AS:
        rules(R, p->value, allow_irrefutable);
        store(R, p->name);
        return;
    case PYX_NODE_PAT_OR:
        rules_or(R, p, allow_irrefutable);
        return;
    case PYX_NODE_PAT_SEQUENCE: {
        int stars = 0;
        for (int i = 0; i < p->items.len; i++)
            stars += p->items.items[i]->kind == PYX_NODE_PAT_STAR;
        if (stars > 1) {
            rule_error(R, p->loc, "multiple starred names in sequence pattern%s", "");
            return;
        }
        for (int i = 0; i < p->items.len; i++)
            rules(R, p->items.items[i], true);
        return;
    }
    case PYX_NODE_PAT_MAPPING: {
        Konst *keys = pyx_arena_alloc(R->S->a, sizeof(Konst) * (size_t)(p->items.len + 1));
        for (int i = 0; i < p->items.len; i++) {
            PyxNode *key = p->items.items[i]->left->value;
            if (key->kind == PYX_NODE_FSTRING) {
                rule_error(R, p->loc, "mapping pattern keys may only match literals and attribute lookups%s", "");
                return;
            }
            if (key->kind == PYX_NODE_ATTRIBUTE || !konst_of(R->S, key, &keys[i]))
                keys[i].kind = K_OTHER;
            for (int j = 0; j < i && keys[i].kind != K_OTHER; j++)
                if (konst_equal(&keys[j], &keys[i])) {
                    rule_error(R, p->loc, "mapping pattern checks duplicate key (%s)", konst_repr(R->S->a, &keys[i]));
                    return;
                }
        }
        for (int i = 0; i < p->items.len; i++)
            rules(R, p->items.items[i]->value, true);
        store(R, p->name);
        return;
    }
    case PYX_NODE_PAT_CLASS:
        for (int i = 0; i < p->keywords.len; i++)
            for (int j = 0; j < i; j++)
                if (strcmp(p->keywords.items[i]->name, p->keywords.items[j]->name) == 0) {
                    rule_error(R, p->keywords.items[i]->value->loc, "attribute name repeated in class pattern: %s",
                               p->keywords.items[i]->name);
                    return;
                }
        for (int i = 0; i < p->items.len; i++)
            rules(R, p->items.items[i], true);
        for (int i = 0; i < p->keywords.len; i++)
            rules(R, p->keywords.items[i]->value, true);
        return;
    default:   /* PAT_VALUE: a literal or a dotted name (an f-string is neither) */
        if (p->value->kind == PYX_NODE_FSTRING)
            rule_error(R, p->value->loc, "patterns may only match literals and attribute lookups%s", "");
        return;
    }
}

/* ---- typing -------------------------------------------------------------------------- */

static bool is_wildcard(const PyxNode *p)
{
    return p->kind == PYX_NODE_PAT_CAPTURE && p->name == NULL;
}

/* A capture binds a name as an assignment does. */
static void check_capture(Sema *S, PyxNode *target)
{
    if (target == NULL)
        return;
    check_target(S, target, NULL);
    PyxType *t = target->type;
    if (t && pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_ERROR)
        pyx_diag_error(S->d, target->loc, "a pattern cannot bind the C variable '%s' of type '%s'", target->name, t->name);
}

static void check_pattern(Sema *S, PyxNode *p)
{
    switch (p->kind) {
    case PYX_NODE_PAT_VALUE: {
        PyxNode *v = p->value;
        check_expr(S, v);
        check_boxable(S, v, "a pattern cannot compare with a '%s'");
        p->op = v->kind == PYX_NODE_NONE || v->kind == PYX_NODE_TRUE || v->kind == PYX_NODE_FALSE ? PYX_OP_IS : PYX_OP_EQ;
        return;
    }
    case PYX_NODE_PAT_CAPTURE: case PYX_NODE_PAT_STAR:
        check_capture(S, p->target);
        return;
    case PYX_NODE_PAT_AS:
        check_pattern(S, p->value);
        check_capture(S, p->target);
        return;
    case PYX_NODE_PAT_OR:
        for (int i = 0; i < p->items.len; i++)
            check_pattern(S, p->items.items[i]);
        return;
    case PYX_NODE_PAT_SEQUENCE: {
        /* CPython reads the elements by index when there is a '*_', not at
           all when every element is a wildcard, else by unpacking */
        bool only_wildcards = true, star_wildcard = false;
        for (int i = 0; i < p->items.len; i++) {
            PyxNode *it = p->items.items[i];
            if (it->kind == PYX_NODE_PAT_STAR) {
                star_wildcard = it->name == NULL;
                only_wildcards &= star_wildcard;
            } else {
                only_wildcards &= is_wildcard(it);
            }
            check_pattern(S, it);
        }
        p->op = only_wildcards ? PYX_SEQ_NONE : star_wildcard ? PYX_SEQ_INDEX : PYX_SEQ_UNPACK;
        return;
    }
    case PYX_NODE_PAT_MAPPING:
        for (int i = 0; i < p->items.len; i++)   /* the keys are all looked up first */
            check_pattern(S, p->items.items[i]->left);
        for (int i = 0; i < p->items.len; i++)
            check_pattern(S, p->items.items[i]->value);
        check_capture(S, p->target);
        return;
    case PYX_NODE_PAT_CLASS:
        check_expr(S, p->value);
        check_boxable(S, p->value, "called match pattern must be a class, not a '%s'");
        for (int i = 0; i < p->items.len; i++)
            check_pattern(S, p->items.items[i]);
        for (int i = 0; i < p->keywords.len; i++)
            check_pattern(S, p->keywords.items[i]->value);
        return;
    default:
        PYX_UNREACHABLE();
    }
}

void check_match(Sema *S, PyxNode *s)
{
    PyxModuleInfo *m = S->m;
    if (m->needs_hexversion < 0x030A0000) {   /* the driver checks the target interpreter */
        m->needs_hexversion = 0x030A0000;
        m->needs_what = "match statements";
        m->needs_loc = s->loc;
    }
    check_expr(S, s->value);
    check_boxable(S, s->value, "cannot match a '%s' against patterns");
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *c = s->items.items[i];
        Rules R = {S, c->target->loc, NULL, 0, 0, false};
        rules(&R, c->target, c->test != NULL || i == s->items.len - 1);
        check_pattern(S, c->target);
        if (c->test) {
            check_expr(S, c->test);
            PyxType *t = c->test->type;
            if (pyx_type_is_c(t) && !pyx_type_is_numeric(t) && t->kind != PYX_TY_PTR && t->kind != PYX_TY_ERROR)
                pyx_diag_error(S->d, c->test->loc, "'%s' cannot be used as a condition", t->name);
        }
        check_stmts(S, &c->body);
    }
}
