/* desugar.c - fewer forms for the analyses and the emitter (see desugar.h).
 *
 * Later phases read the tree and never build nodes; every node they need
 * that the source did not spell out is made here, once.
 */
#include "desugar.h"

#include <string.h>

typedef struct Desugar {
    PyxArena *a;
} Desugar;

static PyxNode *name_node(Desugar *D, const char *name, size_t len, PyxLoc loc)
{
    PyxNode *n = pyx_node_new(D->a, PYX_NODE_NAME, loc);
    n->name = pyx_arena_strndup(D->a, name, len);
    n->len = (uint32_t)len;
    return n;
}

/* try: B except...: H else: E finally: F  ==  try: (try: B except...: H else: E) finally: F */
static void split_try_finally(Desugar *D, PyxNode *s)
{
    PyxNode *inner = pyx_node_new(D->a, PYX_NODE_TRY, s->loc);
    inner->flags = s->flags;
    inner->body = s->body;
    inner->handlers = s->handlers;
    inner->orelse = s->orelse;
    s->body = (PyxNodeList){0};
    s->handlers = (PyxNodeList){0};
    s->orelse = (PyxNodeList){0};
    s->flags &= ~PYX_F(STAR);   /* except* is the inner try's */
    pyx_list_push(D->a, &s->body, inner);
}

static void desugar_node(PyxNode *n, PyxSlot slot, void *ctx);

static void desugar(Desugar *D, PyxNode *n)
{
    switch (n->kind) {
    case PYX_NODE_TRY:
        if (n->handlers.len && n->finalbody.len)
            split_try_finally(D, n);
        break;
    case PYX_NODE_EXCEPT:
        if (n->name && !n->target)
            n->target = name_node(D, n->name, n->len, n->loc);
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *al = n->items.items[i];
            const char *bound = al->asname ? al->asname : al->name;
            size_t len = strlen(bound);
            if (!al->asname && n->kind == PYX_NODE_IMPORT && strchr(bound, '.'))
                len = (size_t)(strchr(bound, '.') - bound);   /* 'import a.b' binds a */
            if (!al->target && strcmp(bound, "*") != 0)
                al->target = name_node(D, bound, len, al->loc);
        }
        break;
    case PYX_NODE_PAT_CAPTURE: case PYX_NODE_PAT_STAR: case PYX_NODE_PAT_AS: case PYX_NODE_PAT_MAPPING:
        /* the name a pattern binds ('case [x, *rest]', 'as y', '**kw'); '_' binds nothing */
        if (n->name && !n->target)
            n->target = name_node(D, n->name, strlen(n->name), n->loc);
        break;
    case PYX_NODE_GENERATOR:
        /* a generator function of its own (emit_gen.c) whose parameter '.0' is
           the iterator of its first iterable (symtable.c's name) */
        if (n->params.len == 0) {
            PyxNode *p = pyx_node_new(D->a, PYX_NODE_PARAM, n->loc);
            p->name = ".0";
            p->len = 2;
            pyx_list_push(D->a, &n->params, p);
        }
        break;
    case PYX_NODE_LAMBDA:
        /* 'lambda a: e' is a function whose body is 'return e' */
        if (n->value) {
            PyxNode *ret = pyx_node_new(D->a, PYX_NODE_RETURN, n->value->loc);
            ret->value = n->value;
            n->value = NULL;
            pyx_list_push(D->a, &n->body, ret);
        }
        break;
    default:
        break;
    }
    pyx_ast_children(n, desugar_node, D);
}

static void desugar_node(PyxNode *n, PyxSlot slot, void *ctx)
{
    (void)slot;
    desugar((Desugar *)ctx, n);
}

void pyx_desugar(PyxArena *a, PyxNode *module)
{
    Desugar D = {a};
    desugar(&D, module);
}
