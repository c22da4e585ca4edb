/* emit_py.c - the AST back to Python, C types stripped (see emit_py.h).
 *
 * A printer over lower.c's AST with Python's operator precedence: each
 * expression is printed with the lowest precedence its context allows and
 * parenthesised when it binds more loosely.  f-strings are printed as
 * concatenations of format() calls, which need no quoting rules.
 */
#include "emit_py.h"

#include <string.h>

typedef struct Py {
    PyxArena *a;
    PyxDiag *d;
    FILE *out;
    int indent;
    int lines;          /* statements printed, to fill an empty block with 'pass' */
    int in_class;
} Py;

/* Precedence levels, loosest first. */
enum {
    P_NONE, P_LAMBDA, P_IFEXP, P_OR, P_AND, P_NOT, P_CMP, P_BOR, P_BXOR, P_BAND,
    P_SHIFT, P_ARITH, P_TERM, P_UNARY, P_POW, P_AWAIT, P_ATOM
};

static void expr(Py *p, PyxNode *n, int min);
static void block(Py *p, PyxNodeList *body);

static void put(Py *p, const char *s)
{
    fputs(s, p->out);
}

static void start_line(Py *p)
{
    for (int i = 0; i < p->indent; i++)
        put(p, "    ");
    p->lines++;
}

static void unsupported(Py *p, PyxNode *n, const char *what)
{
    pyx_diag_error(p->d, n->loc, "--emit-py: %s has no Python equivalent", what);
}

/* ---- C types ------------------------------------------------------------ */

typedef enum { K_INT, K_FLOAT, K_BOOL, K_OTHER } NumKind;

/* What kind of Python value a C type holds. */
static NumKind ctype_kind(PyxNode *t)
{
    if (t == NULL || t->kind != PYX_NODE_CTYPE_NAME)
        return K_OTHER;
    const char *s = t->name;
    if (strncmp(s, "cython.", 7) == 0)
        s += 7;
    static const char *const ints[] = {"int", "char", "short", "long", "Py_ssize_t", "size_t",
                                       "ssize_t", "Py_hash_t", "Py_UCS4", "int8_t", "int16_t",
                                       "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t",
                                       "uint64_t", "intptr_t", "uintptr_t", "longlong",
                                       "ulonglong", "uint", "ulong", "uchar", "schar", "sint",
                                       "slong", NULL};
    for (int i = 0; ints[i]; i++)
        if (strcmp(s, ints[i]) == 0)
            return K_INT;
    if (strcmp(s, "float") == 0 || strcmp(s, "double") == 0 || strcmp(s, "longdouble") == 0)
        return K_FLOAT;
    if (strcmp(s, "bint") == 0)
        return K_BOOL;
    return K_OTHER;
}

/* The value a C variable of type t starts as. */
static void zero_of(Py *p, PyxNode *t)
{
    if (t && t->kind == PYX_NODE_CTYPE_ARRAY) {
        put(p, "[");
        zero_of(p, t->ctype);
        put(p, "] * ");
        if (t->value)
            expr(p, t->value, P_TERM + 1);
        else
            put(p, "0");
        return;
    }
    switch (ctype_kind(t)) {
    case K_INT: put(p, "0"); break;
    case K_FLOAT: put(p, "0.0"); break;
    case K_BOOL: put(p, "False"); break;
    default: put(p, "None"); break;
    }
}

/* ---- expressions ---------------------------------------------------------- */

static void str_body(Py *p, const char *s, uint32_t len, int fmt_escape)
{
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\\': put(p, "\\\\"); break;
        case '\'': put(p, "\\'"); break;
        case '\n': put(p, "\\n"); break;
        case '\r': put(p, "\\r"); break;
        case '\t': put(p, "\\t"); break;
        default:
            if (fmt_escape && (c == '{' || c == '}'))
                fputc(c, p->out);
            if (c < 0x20 || c == 0x7f)
                fprintf(p->out, "\\x%02x", c);
            else
                fputc(c, p->out);
        }
    }
}

static void str_lit(Py *p, PyxNode *n)
{
    if (n->flags & PYX_F(CHAR)) {   /* c'x': a C char, a number in Python */
        fprintf(p->out, "%d", n->len ? (unsigned char)n->name[0] : 0);
        return;
    }
    if (n->flags & PYX_F(BYTES)) {
        put(p, "b'");
        for (uint32_t i = 0; i < n->len; i++) {
            unsigned char c = (unsigned char)n->name[i];
            if (c == '\\' || c == '\'')
                fprintf(p->out, "\\%c", c);
            else if (c < 0x20 || c >= 0x7f)
                fprintf(p->out, "\\x%02x", c);
            else
                fputc(c, p->out);
        }
        put(p, "'");
        return;
    }
    if (n->flags & PYX_F(ESCAPED)) {   /* already in unicode-escape form */
        put(p, "'");
        for (uint32_t i = 0; i < n->len; i++) {
            if (n->name[i] == '\'' && (i == 0 || n->name[i - 1] != '\\'))
                put(p, "\\");
            fputc(n->name[i], p->out);
        }
        put(p, "'");
        return;
    }
    put(p, "'");
    str_body(p, n->name, n->len, 0);
    put(p, "'");
}

/* f'a{x!r:>{w}}' -> ('a' + format(repr(x), '>' + format(w, ''))) */
static void fstring(Py *p, PyxNode *n)
{
    if (n->items.len == 0) {
        put(p, "''");
        return;
    }
    put(p, "(");
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *part = n->items.items[i];
        if (i)
            put(p, " + ");
        if (part->kind != PYX_NODE_FORMATTED) {
            expr(p, part, P_ATOM);
            continue;
        }
        put(p, "format(");
        const char *conv = part->op == 'r' ? "repr(" : part->op == 's' ? "str(" : part->op == 'a' ? "ascii(" : NULL;
        if (conv)
            put(p, conv);
        expr(p, part->value, P_LAMBDA);
        if (conv)
            put(p, ")");
        put(p, ", ");
        if (part->right)
            expr(p, part->right, P_LAMBDA);
        else
            put(p, "''");
        put(p, ")");
    }
    put(p, ")");
}

static void list(Py *p, PyxNodeList *l, const char *sep)
{
    for (int i = 0; i < l->len; i++) {
        if (i)
            put(p, sep);
        expr(p, l->items[i], P_LAMBDA);
    }
}

static void params(Py *p, PyxNodeList *ps)
{
    int first = 1, posonly = 0, star = 0;
    for (int i = 0; i < ps->len; i++) {
        PyxNode *q = ps->items[i];
        if (q->op == PYX_PARAM_CVARARGS)
            continue;
        if (posonly && q->op != PYX_PARAM_POSONLY) {
            put(p, ", /");
            posonly = 0;
        }
        if (!first)
            put(p, ", ");
        first = 0;
        if (q->op == PYX_PARAM_KWONLY && !star) {
            put(p, "*, ");
            star = 1;
        }
        if (q->op == PYX_PARAM_VARARGS) {
            put(p, "*");
            star = 1;
        } else if (q->op == PYX_PARAM_VARKW) {
            put(p, "**");
        }
        put(p, q->name ? q->name : "_");
        if (q->op == PYX_PARAM_POSONLY)
            posonly = 1;
        if (q->value) {
            put(p, "=");
            expr(p, q->value, P_LAMBDA);
        }
    }
    if (posonly)
        put(p, ", /");
}

static void comprehensions(Py *p, PyxNodeList *l)
{
    for (int i = 0; i < l->len; i++) {
        PyxNode *c = l->items[i];
        put(p, c->flags & PYX_F(ASYNC) ? " async for " : " for ");
        expr(p, c->target, P_BOR);
        put(p, " in ");
        expr(p, c->value, P_OR);
        for (int j = 0; j < c->items.len; j++) {
            put(p, " if ");
            expr(p, c->items.items[j], P_OR);
        }
    }
}

static int binop_prec(int op)
{
    switch (op) {
    case PYX_OP_BITOR: return P_BOR;
    case PYX_OP_BITXOR: return P_BXOR;
    case PYX_OP_BITAND: return P_BAND;
    case PYX_OP_LSHIFT: case PYX_OP_RSHIFT: return P_SHIFT;
    case PYX_OP_ADD: case PYX_OP_SUB: return P_ARITH;
    case PYX_OP_POW: return P_POW;
    default: return P_TERM;
    }
}

static int prec_of(PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_LAMBDA: return P_LAMBDA;
    case PYX_NODE_IF_EXP: return P_IFEXP;
    case PYX_NODE_BOOLOP: return n->op == PYX_OP_OR ? P_OR : P_AND;
    case PYX_NODE_NOT: return P_NOT;
    case PYX_NODE_COMPARE: return P_CMP;
    case PYX_NODE_BINOP: return binop_prec(n->op);
    case PYX_NODE_UNARYOP: return P_UNARY;
    case PYX_NODE_AWAIT: return P_AWAIT;
    case PYX_NODE_CAST: return P_ATOM;
    default: return P_ATOM;
    }
}

static void expr_inner(Py *p, PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_NAME:
        put(p, n->name);
        break;
    case PYX_NODE_INT: {
        size_t len = strlen(n->name);   /* C suffixes (10L, 3U) are not Python */
        while (len > 1 && strchr("lLuU", n->name[len - 1]))
            len--;
        fprintf(p->out, "%.*s", (int)len, n->name);
        break;
    }
    case PYX_NODE_FLOAT: case PYX_NODE_IMAG:
        put(p, n->name);
        break;
    case PYX_NODE_STR: str_lit(p, n); break;
    case PYX_NODE_FSTRING: fstring(p, n); break;
    case PYX_NODE_TRUE: put(p, "True"); break;
    case PYX_NODE_FALSE: put(p, "False"); break;
    case PYX_NODE_NONE: put(p, "None"); break;
    case PYX_NODE_ELLIPSIS: put(p, "..."); break;
    case PYX_NODE_BINOP: {
        int pr = binop_prec(n->op);
        expr(p, n->left, n->op == PYX_OP_POW ? pr + 1 : pr);
        fprintf(p->out, " %s ", pyx_op_str(n->op));
        expr(p, n->right, n->op == PYX_OP_POW ? P_UNARY : pr + 1);
        break;
    }
    case PYX_NODE_UNARYOP:
        put(p, pyx_op_str(n->op));
        expr(p, n->value, P_UNARY);
        break;
    case PYX_NODE_NOT:
        put(p, "not ");
        expr(p, n->value, P_NOT);
        break;
    case PYX_NODE_BOOLOP:
        for (int i = 0; i < n->items.len; i++) {
            if (i)
                put(p, n->op == PYX_OP_OR ? " or " : " and ");
            expr(p, n->items.items[i], prec_of(n) + 1);
        }
        break;
    case PYX_NODE_COMPARE:
        expr(p, n->left, P_BOR);
        for (int i = 0; i < n->items.len; i++) {
            fprintf(p->out, " %s ", pyx_op_str(n->items.items[i]->op));
            expr(p, n->items.items[i]->value, P_BOR);
        }
        break;
    case PYX_NODE_CALL:
        expr(p, n->value, P_ATOM);
        put(p, "(");
        list(p, &n->items, ", ");
        if (n->items.len && n->keywords.len)
            put(p, ", ");
        list(p, &n->keywords, ", ");
        put(p, ")");
        break;
    case PYX_NODE_KEYWORD:
        if (n->name) {
            put(p, n->name);
            put(p, "=");
        } else {
            put(p, "**");
        }
        expr(p, n->value, P_LAMBDA);
        break;
    case PYX_NODE_STARRED:
        put(p, "*");
        expr(p, n->value, P_BOR);
        break;
    case PYX_NODE_DOUBLE_STARRED:
        put(p, "**");
        expr(p, n->value, P_BOR);
        break;
    case PYX_NODE_ATTRIBUTE:
        expr(p, n->value, P_ATOM);
        if (n->value->kind == PYX_NODE_INT)
            put(p, " ");
        put(p, ".");
        put(p, n->name);
        break;
    case PYX_NODE_SUBSCRIPT:
        expr(p, n->value, P_ATOM);
        put(p, "[");
        if (n->right->kind == PYX_NODE_TUPLE && n->right->items.len)
            list(p, &n->right->items, ", ");
        else
            expr(p, n->right, P_LAMBDA);
        put(p, "]");
        break;
    case PYX_NODE_SLICE:
        if (n->lower)
            expr(p, n->lower, P_LAMBDA);
        put(p, ":");
        if (n->upper)
            expr(p, n->upper, P_LAMBDA);
        if (n->step) {
            put(p, ":");
            expr(p, n->step, P_LAMBDA);
        }
        break;
    case PYX_NODE_TUPLE:
        put(p, "(");
        list(p, &n->items, ", ");
        put(p, n->items.len == 1 ? ",)" : ")");
        break;
    case PYX_NODE_LIST:
        put(p, "[");
        list(p, &n->items, ", ");
        put(p, "]");
        break;
    case PYX_NODE_SET:
        put(p, "{");
        list(p, &n->items, ", ");
        put(p, "}");
        break;
    case PYX_NODE_DICT:
        put(p, "{");
        list(p, &n->items, ", ");
        put(p, "}");
        break;
    case PYX_NODE_DICT_ITEM:
        expr(p, n->left, P_LAMBDA);
        put(p, ": ");
        expr(p, n->value, P_LAMBDA);
        break;
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_GENERATOR:
        put(p, n->kind == PYX_NODE_LIST_COMP ? "[" : n->kind == PYX_NODE_SET_COMP ? "{" : "(");
        expr(p, n->value, P_LAMBDA);
        comprehensions(p, &n->handlers);
        put(p, n->kind == PYX_NODE_LIST_COMP ? "]" : n->kind == PYX_NODE_SET_COMP ? "}" : ")");
        break;
    case PYX_NODE_DICT_COMP:
        put(p, "{");
        expr(p, n->left, P_LAMBDA);
        put(p, ": ");
        expr(p, n->value, P_LAMBDA);
        comprehensions(p, &n->handlers);
        put(p, "}");
        break;
    case PYX_NODE_LAMBDA:
        put(p, n->params.len ? "lambda " : "lambda");
        params(p, &n->params);
        put(p, ": ");
        expr(p, n->value, P_LAMBDA);
        break;
    case PYX_NODE_IF_EXP:
        expr(p, n->left, P_OR);
        put(p, " if ");
        expr(p, n->test, P_OR);
        put(p, " else ");
        expr(p, n->right, P_IFEXP);
        break;
    case PYX_NODE_NAMED_EXPR:
        put(p, "(");
        expr(p, n->target, P_ATOM);
        put(p, " := ");
        expr(p, n->value, P_LAMBDA);
        put(p, ")");
        break;
    case PYX_NODE_AWAIT:
        put(p, "await ");
        expr(p, n->value, P_ATOM);
        break;
    case PYX_NODE_YIELD: case PYX_NODE_YIELD_FROM:
        put(p, n->kind == PYX_NODE_YIELD ? "(yield" : "(yield from");
        if (n->value) {
            put(p, " ");
            expr(p, n->value, P_LAMBDA);
        }
        put(p, ")");
        break;
    case PYX_NODE_CAST: {
        /* <double>x converts; <object>x and pointer casts only retype */
        NumKind k = ctype_kind(n->ctype);
        const char *fn = k == K_INT ? "int(" : k == K_FLOAT ? "float(" : k == K_BOOL ? "bool(" : "(";
        put(p, fn);
        expr(p, n->value, P_LAMBDA);
        put(p, ")");
        break;
    }
    case PYX_NODE_ADDRESS_OF:
        unsupported(p, n, "'&' (the address of a C variable)");
        break;
    case PYX_NODE_SIZEOF:
        unsupported(p, n, "sizeof()");
        break;
    default:
        unsupported(p, n, pyx_node_kind_name(n->kind));
        break;
    }
}

static void expr(Py *p, PyxNode *n, int min)
{
    if (n == NULL)
        return;
    int paren = prec_of(n) < min;
    if (paren)
        put(p, "(");
    expr_inner(p, n);
    if (paren)
        put(p, ")");
}

/* ---- patterns --------------------------------------------------------------- */

static void pattern(Py *p, PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_PAT_VALUE: expr(p, n->value, P_BOR); break;
    case PYX_NODE_PAT_CAPTURE: put(p, n->name ? n->name : "_"); break;
    case PYX_NODE_PAT_STAR:
        put(p, "*");
        put(p, n->name ? n->name : "_");
        break;
    case PYX_NODE_PAT_SEQUENCE:
        put(p, "[");
        for (int i = 0; i < n->items.len; i++) {
            if (i)
                put(p, ", ");
            pattern(p, n->items.items[i]);
        }
        put(p, "]");
        break;
    case PYX_NODE_PAT_MAPPING:
        put(p, "{");
        for (int i = 0; i < n->items.len; i++) {
            if (i)
                put(p, ", ");
            pattern(p, n->items.items[i]->left);
            put(p, ": ");
            pattern(p, n->items.items[i]->value);
        }
        if (n->name) {
            put(p, n->items.len ? ", **" : "**");
            put(p, n->name);
        }
        put(p, "}");
        break;
    case PYX_NODE_PAT_CLASS:
        expr(p, n->value, P_ATOM);
        put(p, "(");
        for (int i = 0; i < n->items.len; i++) {
            if (i)
                put(p, ", ");
            pattern(p, n->items.items[i]);
        }
        for (int i = 0; i < n->keywords.len; i++) {
            if (i || n->items.len)
                put(p, ", ");
            pattern(p, n->keywords.items[i]);
        }
        put(p, ")");
        break;
    case PYX_NODE_PAT_KEYWORD:
        put(p, n->name);
        put(p, "=");
        pattern(p, n->value);
        break;
    case PYX_NODE_PAT_AS:
        put(p, "(");
        pattern(p, n->value);
        put(p, " as ");
        put(p, n->name);
        put(p, ")");
        break;
    case PYX_NODE_PAT_OR:
        for (int i = 0; i < n->items.len; i++) {
            if (i)
                put(p, " | ");
            pattern(p, n->items.items[i]);
        }
        break;
    default:
        unsupported(p, n, pyx_node_kind_name(n->kind));
    }
}

/* ---- statements ------------------------------------------------------------- */

/* Decorators that only steer Cython (@cython.boundscheck(False), @cython.cfunc). */
static int cython_only(PyxNode *dec)
{
    PyxNode *e = dec->kind == PYX_NODE_CALL ? dec->value : dec;
    while (e->kind == PYX_NODE_ATTRIBUTE)
        e = e->value;
    return e->kind == PYX_NODE_NAME && strcmp(e->name, "cython") == 0;
}

static void decorators(Py *p, PyxNodeList *decs)
{
    for (int i = 0; i < decs->len; i++) {
        if (cython_only(decs->items[i]))
            continue;
        start_line(p);
        put(p, "@");
        expr(p, decs->items[i], P_LAMBDA);
        put(p, "\n");
    }
}

/* libc.math names that Python's math module has under the same meaning. */
static const char *math_name(const char *c)
{
    static const char *const same[] = {"sqrt", "sin", "cos", "tan", "asin", "acos", "atan",
                                       "atan2", "sinh", "cosh", "tanh", "exp", "log", "log10",
                                       "log2", "log1p", "expm1", "fabs", "floor", "ceil", "fmod",
                                       "hypot", "pow", "trunc", "copysign", "erf", "erfc",
                                       "lgamma", "isnan", "isinf", "isfinite", "ldexp", NULL};
    for (int i = 0; same[i]; i++)
        if (strcmp(c, same[i]) == 0)
            return c;
    if (strcmp(c, "M_PI") == 0)
        return "pi";
    if (strcmp(c, "M_E") == 0)
        return "e";
    if (strcmp(c, "INFINITY") == 0 || strcmp(c, "HUGE_VAL") == 0)
        return "inf";
    if (strcmp(c, "NAN") == 0)
        return "nan";
    if (strcmp(c, "tgamma") == 0)
        return "gamma";
    return NULL;
}

static void cimport_from(Py *p, PyxNode *n)
{
    if (n->name == NULL || strcmp(n->name, "libc.math") != 0)
        return;   /* C declarations only: nothing for Python to import */
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *al = n->items.items[i];
        const char *py = math_name(al->name);
        const char *as = al->asname ? al->asname : al->name;
        if (py == NULL)
            continue;
        start_line(p);
        if (strcmp(py, as) == 0)
            fprintf(p->out, "from math import %s\n", py);
        else
            fprintf(p->out, "from math import %s as %s\n", py, as);
    }
}

static void cdef_vars(Py *p, PyxNode *n)
{
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *v = n->items.items[i];
        if (v->kind != PYX_NODE_C_VAR || v->name == NULL)
            continue;
        start_line(p);
        fprintf(p->out, "%s = ", v->name);
        if (v->value)
            expr(p, v->value, P_LAMBDA);
        else
            zero_of(p, v->ctype);
        put(p, "\n");
    }
}

static void enum_def(Py *p, PyxNode *n)
{
    /* C enumerators count up from the last explicit value */
    const char *base = "0";
    int offset = 0;
    for (int i = 0; i < n->items.len; i++) {
        PyxNode *e = n->items.items[i];
        start_line(p);
        fprintf(p->out, "%s = ", e->name);
        if (e->value) {
            expr(p, e->value, P_LAMBDA);
            base = e->name;
            offset = 1;
        } else if (offset == 0) {
            put(p, base);
            offset = 1;
        } else {
            fprintf(p->out, "%s + %d", base, offset++);
        }
        put(p, "\n");
    }
}

static void function_def(Py *p, PyxNode *n)
{
    if (n->flags & PYX_F(DECL_ONLY))
        return;
    decorators(p, &n->decorators);
    start_line(p);
    put(p, n->flags & PYX_F(ASYNC) ? "async def " : "def ");
    put(p, n->name);
    put(p, "(");
    params(p, &n->params);
    put(p, "):\n");
    block(p, &n->body);
}

static void stmt(Py *p, PyxNode *n);

static void else_block(Py *p, const char *kw, PyxNodeList *body)
{
    if (body->len == 0)
        return;
    start_line(p);
    fprintf(p->out, "%s:\n", kw);
    block(p, body);
}

static void stmt(Py *p, PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_EXPR_STMT:
        start_line(p);
        if (n->value->kind == PYX_NODE_YIELD || n->value->kind == PYX_NODE_YIELD_FROM) {
            put(p, n->value->kind == PYX_NODE_YIELD ? "yield" : "yield from");
            if (n->value->value) {
                put(p, " ");
                expr(p, n->value->value, P_LAMBDA);
            }
        } else {
            expr(p, n->value, P_NONE);
        }
        put(p, "\n");
        break;
    case PYX_NODE_ASSIGN:
        if (n->value == NULL)
            break;      /* 'x: T' alone: only a type, stripped */
        start_line(p);
        for (int i = 0; i < n->items.len; i++) {
            expr(p, n->items.items[i], P_NONE);
            put(p, " = ");
        }
        expr(p, n->value, P_NONE);
        put(p, "\n");
        break;
    case PYX_NODE_AUG_ASSIGN:
        start_line(p);
        expr(p, n->target, P_ATOM);
        fprintf(p->out, " %s= ", pyx_op_str(n->op));
        expr(p, n->value, P_NONE);
        put(p, "\n");
        break;
    case PYX_NODE_DELETE:
        start_line(p);
        put(p, "del ");
        list(p, &n->items, ", ");
        put(p, "\n");
        break;
    case PYX_NODE_PASS: start_line(p); put(p, "pass\n"); break;
    case PYX_NODE_BREAK: start_line(p); put(p, "break\n"); break;
    case PYX_NODE_CONTINUE: start_line(p); put(p, "continue\n"); break;
    case PYX_NODE_RETURN:
        start_line(p);
        put(p, n->value ? "return " : "return");
        expr(p, n->value, P_NONE);
        put(p, "\n");
        break;
    case PYX_NODE_RAISE:
        start_line(p);
        put(p, n->value ? "raise " : "raise");
        expr(p, n->value, P_LAMBDA);
        if (n->cause) {
            put(p, " from ");
            expr(p, n->cause, P_LAMBDA);
        }
        put(p, "\n");
        break;
    case PYX_NODE_GLOBAL: case PYX_NODE_NONLOCAL:
        start_line(p);
        put(p, n->kind == PYX_NODE_GLOBAL ? "global " : "nonlocal ");
        list(p, &n->items, ", ");
        put(p, "\n");
        break;
    case PYX_NODE_ASSERT:
        start_line(p);
        put(p, "assert ");
        expr(p, n->test, P_LAMBDA);
        if (n->value) {
            put(p, ", ");
            expr(p, n->value, P_LAMBDA);
        }
        put(p, "\n");
        break;
    case PYX_NODE_IMPORT:
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *al = n->items.items[i];
            start_line(p);
            fprintf(p->out, "import %s%s%s\n", al->name, al->asname ? " as " : "",
                    al->asname ? al->asname : "");
        }
        break;
    case PYX_NODE_IMPORT_FROM:
        start_line(p);
        put(p, "from ");
        for (int i = 0; i < n->level; i++)
            put(p, ".");
        fprintf(p->out, "%s import ", n->name ? n->name : "");
        if (n->flags & PYX_F(STAR))
            put(p, "*");
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *al = n->items.items[i];
            fprintf(p->out, "%s%s%s%s", i ? ", " : "", al->name, al->asname ? " as " : "",
                    al->asname ? al->asname : "");
        }
        put(p, "\n");
        break;
    case PYX_NODE_IF: {
        start_line(p);
        put(p, "if ");
        expr(p, n->test, P_NONE);
        put(p, ":\n");
        block(p, &n->body);
        /* elif chains: an IF alone in orelse */
        while (n->orelse.len == 1 && n->orelse.items[0]->kind == PYX_NODE_IF) {
            n = n->orelse.items[0];
            start_line(p);
            put(p, "elif ");
            expr(p, n->test, P_NONE);
            put(p, ":\n");
            block(p, &n->body);
        }
        else_block(p, "else", &n->orelse);
        break;
    }
    case PYX_NODE_WHILE:
        start_line(p);
        put(p, "while ");
        expr(p, n->test, P_NONE);
        put(p, ":\n");
        block(p, &n->body);
        else_block(p, "else", &n->orelse);
        break;
    case PYX_NODE_FOR:
        start_line(p);
        put(p, n->flags & PYX_F(ASYNC) ? "async for " : "for ");
        expr(p, n->target, P_NONE);
        put(p, " in ");
        expr(p, n->value, P_NONE);
        put(p, ":\n");
        block(p, &n->body);
        else_block(p, "else", &n->orelse);
        break;
    case PYX_NODE_WITH:
        start_line(p);
        put(p, n->flags & PYX_F(ASYNC) ? "async with " : "with ");
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *it = n->items.items[i];
            if (i)
                put(p, ", ");
            expr(p, it->value, P_LAMBDA);
            if (it->target) {
                put(p, " as ");
                expr(p, it->target, P_ATOM);
            }
        }
        put(p, ":\n");
        block(p, &n->body);
        break;
    case PYX_NODE_TRY:
        start_line(p);
        put(p, "try:\n");
        block(p, &n->body);
        for (int i = 0; i < n->handlers.len; i++) {
            PyxNode *h = n->handlers.items[i];
            start_line(p);
            put(p, n->flags & PYX_F(STAR) ? "except*" : "except");
            if (h->value) {
                put(p, " ");
                expr(p, h->value, P_LAMBDA);
            }
            if (h->name)
                fprintf(p->out, " as %s", h->name);
            put(p, ":\n");
            block(p, &h->body);
        }
        else_block(p, "else", &n->orelse);
        else_block(p, "finally", &n->finalbody);
        break;
    case PYX_NODE_FUNCTION_DEF:
        function_def(p, n);
        break;
    case PYX_NODE_CLASS_DEF:
        decorators(p, &n->decorators);
        start_line(p);
        fprintf(p->out, "class %s", n->name);
        if (n->items.len || n->keywords.len) {
            put(p, "(");
            list(p, &n->items, ", ");
            if (n->items.len && n->keywords.len)
                put(p, ", ");
            list(p, &n->keywords, ", ");
            put(p, ")");
        }
        put(p, ":\n");
        p->in_class++;
        block(p, &n->body);
        p->in_class--;
        break;
    case PYX_NODE_MATCH:
        start_line(p);
        put(p, "match ");
        expr(p, n->value, P_NONE);
        put(p, ":\n");
        p->indent++;
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *c = n->items.items[i];
            start_line(p);
            put(p, "case ");
            pattern(p, c->target);
            if (c->test) {
                put(p, " if ");
                expr(p, c->test, P_LAMBDA);
            }
            put(p, ":\n");
            block(p, &c->body);
        }
        p->indent--;
        break;
    case PYX_NODE_TYPE_ALIAS:
        start_line(p);
        put(p, "type ");
        expr(p, n->target, P_ATOM);
        put(p, " = ");
        expr(p, n->value, P_LAMBDA);
        put(p, "\n");
        break;
    case PYX_NODE_CDEF_VARS:
        cdef_vars(p, n);
        break;
    case PYX_NODE_CDEF_BLOCK:
        for (int i = 0; i < n->body.len; i++)
            stmt(p, n->body.items[i]);
        break;
    case PYX_NODE_ENUM_DEF:
        enum_def(p, n);
        break;
    case PYX_NODE_CTYPEDEF:
        if (n->value && n->value->kind == PYX_NODE_ENUM_DEF)
            enum_def(p, n->value);
        break;
    case PYX_NODE_CIMPORT_FROM:
        cimport_from(p, n);
        break;
    case PYX_NODE_STRUCT_DEF: case PYX_NODE_FUSED_DEF: case PYX_NODE_EXTERN_BLOCK:
    case PYX_NODE_CIMPORT:
        break;   /* C declarations: nothing runs */
    case PYX_NODE_GIL_BLOCK:
        for (int i = 0; i < n->body.len; i++)
            stmt(p, n->body.items[i]);
        break;
    case PYX_NODE_DEF_CONST:
        start_line(p);
        fprintf(p->out, "%s = ", n->name);
        expr(p, n->value, P_LAMBDA);
        put(p, "\n");
        break;
    case PYX_NODE_INCLUDE:
        unsupported(p, n, "'include' (textual inclusion)");
        break;
    default:
        unsupported(p, n, pyx_node_kind_name(n->kind));
        break;
    }
}

static void block(Py *p, PyxNodeList *body)
{
    p->indent++;
    int before = p->lines;
    for (int i = 0; i < body->len; i++)
        stmt(p, body->items[i]);
    if (p->lines == before) {
        start_line(p);
        put(p, "pass\n");
    }
    p->indent--;
}

int pyx_emit_py(PyxArena *a, PyxNode *module, PyxDiag *d, FILE *out)
{
    Py p = {a, d, out, 0, 0, 0};
    fprintf(out, "# Generated by pyxc --emit-py from %s: the module with its C types\n"
            "# stripped, for CPython to run.  Do not edit.\n", module->loc.src->path);
    for (int i = 0; i < module->body.len; i++)
        stmt(&p, module->body.items[i]);
    return ferror(out) ? -1 : 0;
}
