/* check_debug.c - '__debug__' is a constant: CPython 3.11's compiler
 * refuses to bind it anywhere ("cannot assign to __debug__": targets,
 * parameters, def and class names, imports, 'except ... as', keyword
 * arguments, attribute stores, capture patterns) or to delete it.  One walk
 * over the whole module, before the checks, at the positions CPython
 * reports.
 */
#include "sema_int.h"

#include <string.h>

static bool is_debug(const char *name)
{
    return name && strcmp(name, "__debug__") == 0;
}

static void refuse(Sema *S, PyxLoc loc, bool del)
{
    pyx_diag_error(S->d, loc, del ? "cannot delete __debug__" : "cannot assign to __debug__");
}

/* An assignment (or deletion) target. */
static void target(Sema *S, PyxNode *t, bool del)
{
    if (t == NULL)
        return;
    switch (t->kind) {
    case PYX_NODE_NAME:
        if (is_debug(t->name))
            refuse(S, t->loc, del);
        break;
    case PYX_NODE_ATTRIBUTE:
        if (!del && is_debug(t->name))
            refuse(S, t->loc, false);
        break;
    case PYX_NODE_TUPLE: case PYX_NODE_LIST:
        for (int i = 0; i < t->items.len; i++)
            target(S, t->items.items[i], del);
        break;
    case PYX_NODE_STARRED:
        target(S, t->value, del);
        break;
    default:
        break;
    }
}

/* Where CPython reports a def or class: its 'def'/'class' line (symtable.c
   found it), after any decorators, at the same column. */
static PyxLoc def_loc(const PyxNode *n)
{
    PyxLoc l = n->loc;
    if (n->decorators.len == 0 || n->scope == NULL || l.src == NULL)
        return l;
    uint32_t i = l.start;
    for (unsigned line = l.line; line < n->scope->line && i < l.src->len; i++)
        line += l.src->text[i] == '\n';
    l.line = n->scope->line;
    l.start = i + l.col - 1;
    return l;
}

static void params(Sema *S, PyxNode *fn, PyxLoc at)
{
    for (int i = 0; i < fn->params.len; i++)
        if (is_debug(fn->params.items[i]->name)) {
            refuse(S, at, false);
            return;
        }
}

static void keywords(Sema *S, PyxNodeList *kw, PyxLoc at)
{
    for (int i = 0; i < kw->len; i++)
        if (is_debug(kw->items[i]->name)) {
            refuse(S, at, false);
            return;
        }
}

static void walk(PyxNode *n, PyxSlot slot, void *ctx)
{
    (void)slot;
    Sema *S = ctx;
    if (n == NULL)
        return;
    switch (n->kind) {
    case PYX_NODE_ASSIGN:
        for (int i = 0; i < n->items.len; i++)
            target(S, n->items.items[i], false);
        break;
    case PYX_NODE_AUG_ASSIGN:
        if (n->target->kind == PYX_NODE_NAME && is_debug(n->target->name))
            refuse(S, n->loc, false);
        break;
    case PYX_NODE_FOR: case PYX_NODE_COMPREHENSION: case PYX_NODE_WITH_ITEM: case PYX_NODE_NAMED_EXPR:
        target(S, n->target, false);
        break;
    case PYX_NODE_DELETE:
        for (int i = 0; i < n->items.len; i++)
            target(S, n->items.items[i], true);
        break;
    case PYX_NODE_EXCEPT:
        if (is_debug(n->name))
            refuse(S, n->loc, false);
        break;
    case PYX_NODE_IMPORT: case PYX_NODE_IMPORT_FROM:
        for (int i = 0; i < n->items.len; i++) {
            PyxNode *al = n->items.items[i];
            const char *bound = al->asname ? al->asname : al->name;
            size_t len = n->kind == PYX_NODE_IMPORT && !al->asname && strchr(bound, '.')
                             ? (size_t)(strchr(bound, '.') - bound) : strlen(bound);
            if (len == 9 && strncmp(bound, "__debug__", 9) == 0) {
                refuse(S, n->loc, false);
                break;
            }
        }
        break;
    case PYX_NODE_FUNCTION_DEF:
        params(S, n, def_loc(n));
        if (is_debug(n->name))
            refuse(S, def_loc(n), false);
        break;
    case PYX_NODE_LAMBDA:
        params(S, n, n->loc);
        break;
    case PYX_NODE_CLASS_DEF:
        if (is_debug(n->name))
            refuse(S, def_loc(n), false);
        keywords(S, &n->keywords, def_loc(n));
        break;
    case PYX_NODE_CALL:
        keywords(S, &n->keywords, n->loc);
        break;
    case PYX_NODE_PAT_CAPTURE: case PYX_NODE_PAT_STAR: case PYX_NODE_PAT_AS:
        if (is_debug(n->name))
            refuse(S, n->loc, false);
        break;
    case PYX_NODE_PAT_MAPPING:   /* '**rest': CPython is still at the last value pattern */
        if (is_debug(n->name))
            refuse(S, n->items.len ? n->items.items[n->items.len - 1]->value->loc : n->loc, false);
        break;
    case PYX_NODE_PAT_KEYWORD:
        if (is_debug(n->name))
            refuse(S, n->value ? n->value->loc : n->loc, false);
        break;
    default:
        break;
    }
    pyx_ast_children(n, walk, S);
}

void check_debug_names(Sema *S, PyxNode *module)
{
    for (int i = 0; i < module->body.len; i++)
        walk(module->body.items[i], PYX_SLOT_BODY, S);
}
