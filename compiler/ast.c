/* ast.c - AST construction helpers and the --dump-ast printer.
 *
 * The printer is generic: it prints every slot and list a node has set, by
 * name, so a new kind needs no printer code.  Its output is what the lowering
 * tests compare against, so it must stay stable: kinds, then attributes in a
 * fixed order, then children in slot order.
 */
#include "ast.h"

#include <string.h>

#include "diag.h"

/* ORDER PYX_NODE */
static const char *const node_names[] = {
#define PYX_X(k) #k,
    PYX_NODE_KINDS(PYX_X)
#undef PYX_X
};

/* ORDER PYX_OP */
static const char *const op_names[] = {
    "?",
#define PYX_X(k, s) s,
    PYX_OPS(PYX_X)
#undef PYX_X
};

/* ORDER PYX_FLAG */
static const char *const flag_names[] = {
#define PYX_X(f) #f,
    PYX_FLAGS(PYX_X)
#undef PYX_X
};

/* ORDER PYX_SLOT */
static const char *const slot_names[] = {
#define PYX_X(s) #s,
    PYX_SLOTS(PYX_X)
#undef PYX_X
};

/* ORDER PyxParamKind */
static const char *const param_kind_names[] = {"normal", "posonly", "kwonly", "varargs", "varkw", "cvarargs"};

PyxNode *pyx_node_new(PyxArena *a, PyxNodeKind kind, PyxLoc loc)
{
    PyxNode *n = pyx_arena_new(a, PyxNode);
    n->kind = kind;
    n->loc = loc;
    return n;
}

void pyx_list_push(PyxArena *a, PyxNodeList *l, PyxNode *n)
{
    if (l->len == l->cap) {
        int cap = l->cap ? l->cap * 2 : 4;
        PyxNode **items = pyx_arena_alloc(a, sizeof(PyxNode *) * (size_t)cap);
        if (l->len)
            memcpy(items, l->items, sizeof(PyxNode *) * (size_t)l->len);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->len++] = n;
}

const char *pyx_node_kind_name(PyxNodeKind k)
{
    return k < PYX_NODE__COUNT ? node_names[k] : "?";
}

const char *pyx_op_str(int op)
{
    return op > 0 && op < PYX_OP__COUNT ? op_names[op] : "?";
}

const char *pyx_slot_name(PyxSlot s)
{
    return s < PYX_SLOT__COUNT ? slot_names[s] : "?";
}

/* ---- the generic child visitor -------------------------------------------------------- */

static PyxNode **slot_node(PyxNode *n, PyxSlot s)
{
    switch (s) {
    case PYX_SLOT_TARGET: return &n->target;
    case PYX_SLOT_TEST: return &n->test;
    case PYX_SLOT_LEFT: return &n->left;
    case PYX_SLOT_VALUE: return &n->value;
    case PYX_SLOT_RIGHT: return &n->right;
    case PYX_SLOT_CAUSE: return &n->cause;
    case PYX_SLOT_ANNOTATION: return &n->annotation;
    case PYX_SLOT_CTYPE: return &n->ctype;
    case PYX_SLOT_EXCEPT_CLAUSE: return &n->except_clause;
    case PYX_SLOT_LOWER: return &n->lower;
    case PYX_SLOT_UPPER: return &n->upper;
    case PYX_SLOT_STEP: return &n->step;
    default: return NULL;
    }
}

static PyxNodeList *slot_list(PyxNode *n, PyxSlot s)
{
    switch (s) {
    case PYX_SLOT_DECORATORS: return &n->decorators;
    case PYX_SLOT_TYPE_PARAMS: return &n->type_params;
    case PYX_SLOT_PARAMS: return &n->params;
    case PYX_SLOT_ITEMS: return &n->items;
    case PYX_SLOT_KEYWORDS: return &n->keywords;
    case PYX_SLOT_BODY: return &n->body;
    case PYX_SLOT_HANDLERS: return &n->handlers;
    case PYX_SLOT_ORELSE: return &n->orelse;
    case PYX_SLOT_FINALBODY: return &n->finalbody;
    default: return NULL;
    }
}

#define S(x) PYX_SLOT_##x
#define END PYX_SLOT__COUNT
/* Evaluation order of the slots that matter, per kind; the rest follow in
   dump order.  Python evaluates an assignment's value before its targets,
   a loop's iterable before its target, a comprehension's generators before
   its element, decorators and defaults before the function exists. */
static const PyxSlot *kind_order(PyxNodeKind k)
{
    static const PyxSlot assign[] = {S(VALUE), S(ANNOTATION), S(ITEMS), END};
    static const PyxSlot aug[] = {S(TARGET), S(VALUE), END};
    static const PyxSlot loop[] = {S(VALUE), S(TARGET), S(BODY), S(ORELSE), END};
    static const PyxSlot comp[] = {S(VALUE), S(TARGET), S(ITEMS), END};
    static const PyxSlot elt[] = {S(HANDLERS), S(LEFT), S(VALUE), END};
    static const PyxSlot funcdef[] = {S(DECORATORS), S(TYPE_PARAMS), S(PARAMS), S(ANNOTATION), S(CTYPE),
                                     S(EXCEPT_CLAUSE), S(BODY), END};
    static const PyxSlot param[] = {S(VALUE), S(ANNOTATION), S(CTYPE), END};
    static const PyxSlot classdef[] = {S(DECORATORS), S(TYPE_PARAMS), S(ITEMS), S(KEYWORDS), S(BODY), END};
    static const PyxSlot named[] = {S(VALUE), S(TARGET), END};
    static const PyxSlot item[] = {S(VALUE), S(TARGET), END};
    static const PyxSlot handler[] = {S(VALUE), S(TARGET), S(BODY), END};
    static const PyxSlot ifexp[] = {S(TEST), S(LEFT), S(RIGHT), END};
    static const PyxSlot dictitem[] = {S(LEFT), S(VALUE), END};
    static const PyxSlot call[] = {S(VALUE), S(ITEMS), S(KEYWORDS), END};
    static const PyxSlot lambda[] = {S(PARAMS), S(VALUE), END};
    static const PyxSlot cvar[] = {S(CTYPE), S(VALUE), END};
    static const PyxSlot pat_as[] = {S(VALUE), S(TARGET), END};     /* matched, then bound */
    static const PyxSlot pat_map[] = {S(ITEMS), S(TARGET), END};
    switch (k) {
    case PYX_NODE_ASSIGN: return assign;
    case PYX_NODE_AUG_ASSIGN: return aug;
    case PYX_NODE_FOR: return loop;
    case PYX_NODE_COMPREHENSION: return comp;
    case PYX_NODE_LIST_COMP: case PYX_NODE_SET_COMP: case PYX_NODE_GENERATOR: case PYX_NODE_DICT_COMP:
        return elt;
    case PYX_NODE_FUNCTION_DEF: return funcdef;
    case PYX_NODE_PARAM: return param;
    case PYX_NODE_CLASS_DEF: return classdef;
    case PYX_NODE_NAMED_EXPR: return named;
    case PYX_NODE_WITH_ITEM: return item;
    case PYX_NODE_EXCEPT: return handler;
    case PYX_NODE_IF_EXP: return ifexp;
    case PYX_NODE_DICT_ITEM: return dictitem;
    case PYX_NODE_CALL: return call;
    case PYX_NODE_LAMBDA: return lambda;
    case PYX_NODE_C_VAR: return cvar;
    case PYX_NODE_PAT_AS: return pat_as;
    case PYX_NODE_PAT_MAPPING: return pat_map;
    default: return NULL;
    }
}
#undef S
#undef END

static void visit_slot(PyxNode *n, PyxSlot s, PyxChildFn fn, void *ctx)
{
    PyxNode **one = slot_node(n, s);
    if (one) {
        if (*one)
            fn(*one, s, ctx);
        return;
    }
    PyxNodeList *l = slot_list(n, s);
    for (int i = 0; i < l->len; i++)
        if (l->items[i])
            fn(l->items[i], s, ctx);
}

void pyx_ast_children(PyxNode *n, PyxChildFn fn, void *ctx)
{
    const PyxSlot *order = kind_order(n->kind);
    uint32_t done = 0;
    if (order)
        for (; *order != PYX_SLOT__COUNT; order++) {
            visit_slot(n, *order, fn, ctx);
            done |= 1u << *order;
        }
    for (int s = 0; s < PYX_SLOT__COUNT; s++)
        if (!(done & (1u << s)))
            visit_slot(n, (PyxSlot)s, fn, ctx);
}

/* ---- the printer ------------------------------------------------------------------------- */

static void indent(FILE *out, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", out);
}

static void dump_string(FILE *out, const char *s, uint32_t len)
{
    fputc('\'', out);
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\'': fputs("\\'", out); break;
        default:
            if (c < 0x20 || c == 0x7F)
                fprintf(out, "\\x%02x", c);
            else
                fputc(c, out);
        }
    }
    fputc('\'', out);
}

static void dump_op(FILE *out, const PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_BINOP: case PYX_NODE_UNARYOP: case PYX_NODE_AUG_ASSIGN:
    case PYX_NODE_BOOLOP: case PYX_NODE_COMPARATOR:
        fprintf(out, " op='%s'", pyx_op_str(n->op));
        break;
    case PYX_NODE_PARAM:
        if (n->op != PYX_PARAM_NORMAL)
            fprintf(out, " %s", param_kind_names[n->op]);
        break;
    case PYX_NODE_CTYPE_NAME:
        if (n->op)
            fprintf(out, " longs=%d", n->op);
        break;
    case PYX_NODE_FORMATTED:
        if (n->op)
            fprintf(out, " conversion='%c'", n->op);
        break;
    default:
        if (n->op)
            fprintf(out, " op=%d", n->op);
    }
}

static void dump_node(FILE *out, const PyxNode *n, int depth);

static void dump_slot(FILE *out, const char *name, const PyxNode *n, int depth)
{
    if (n == NULL)
        return;
    indent(out, depth);
    fprintf(out, "%s:\n", name);
    dump_node(out, n, depth + 1);
}

static void dump_list(FILE *out, const char *name, const PyxNodeList *l, int depth)
{
    if (l->len == 0)
        return;
    indent(out, depth);
    fprintf(out, "%s:\n", name);
    for (int i = 0; i < l->len; i++)
        dump_node(out, l->items[i], depth + 1);
}

static void dump_node(FILE *out, const PyxNode *n, int depth)
{
    indent(out, depth);
    fprintf(out, "%s %u:%u", pyx_node_kind_name(n->kind), n->loc.line,
             n->loc.src ? pyx_source_char_col(n->loc.src, n->loc.start) : n->loc.col);
    if (n->name) {
        fputs(" name=", out);
        dump_string(out, n->name, n->len);
    }
    if (n->asname) {
        fputs(" asname=", out);
        dump_string(out, n->asname, (uint32_t)strlen(n->asname));
    }
    if (n->level)
        fprintf(out, " level=%d", n->level);
    dump_op(out, n);
    if (n->flags) {
        const char *sep = " flags=";
        for (int f = 0; f < PYX_FLAGBIT__COUNT; f++)
            if (n->flags & (1ull << f)) {
                fprintf(out, "%s%s", sep, flag_names[f]);
                sep = ",";
            }
    }
    fputc('\n', out);
    depth++;
    dump_list(out, "decorators", &n->decorators, depth);
    dump_list(out, "type_params", &n->type_params, depth);
    dump_list(out, "params", &n->params, depth);
    dump_slot(out, "target", n->target, depth);
    dump_slot(out, "test", n->test, depth);
    dump_slot(out, "left", n->left, depth);
    dump_slot(out, "value", n->value, depth);
    dump_slot(out, "right", n->right, depth);
    dump_slot(out, "cause", n->cause, depth);
    dump_slot(out, "annotation", n->annotation, depth);
    dump_slot(out, "ctype", n->ctype, depth);
    dump_slot(out, "except_clause", n->except_clause, depth);
    dump_slot(out, "lower", n->lower, depth);
    dump_slot(out, "upper", n->upper, depth);
    dump_slot(out, "step", n->step, depth);
    dump_list(out, "items", &n->items, depth);
    dump_list(out, "keywords", &n->keywords, depth);
    dump_list(out, "body", &n->body, depth);
    dump_list(out, "handlers", &n->handlers, depth);
    dump_list(out, "orelse", &n->orelse, depth);
    dump_list(out, "finalbody", &n->finalbody, depth);
}

void pyx_ast_dump(FILE *out, const PyxNode *n)
{
    if (n)
        dump_node(out, n, 0);
}
