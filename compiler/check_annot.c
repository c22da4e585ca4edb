/* check_annot.c - variable annotations (PEP 526), as CPython 3.11's
 * compiler runs them.  'x.y: T' and 'd[k]: T' without a value evaluate the
 * target's parts (x; d and k, a slice's bounds one by one).  At module
 * level in a .py file the body starts with '__annotations__ = {}' when it
 * annotates anything; 'x: T [= v]' stores T in __annotations__['x'] (its
 * text under 'from __future__ import annotations'), and the annotation of
 * any other target is evaluated and dropped (not at all under the future
 * import).  In functions annotations are never evaluated; in .pyx files
 * they are Cython's declarations and run nothing.
 */
#include "sema_int.h"
#include "unparse.h"

/* The parts of a subscript 'd[k]: T' evaluates: k, or a slice's bounds,
   or a tuple's elements, each so. */
static void check_key_parts(Sema *S, PyxNode *k)
{
    if (k->kind == PYX_NODE_SLICE) {
        PyxNode *parts[] = {k->lower, k->upper, k->step};
        for (int i = 0; i < 3; i++)
            if (parts[i]) {
                check_expr(S, parts[i]);
                check_boxable(S, parts[i], "cannot use a '%s' as a slice index");
            }
        set_type(k, &pyx_type_object);
    } else if (k->kind == PYX_NODE_TUPLE) {
        for (int i = 0; i < k->items.len; i++)
            check_key_parts(S, k->items.items[i]);
        set_type(k, &pyx_type_object);
    } else {
        check_expr(S, k);
        check_boxable(S, k, "cannot use a '%s' as a key");
    }
}

void check_annotated_assign(Sema *S, PyxNode *s)
{
    PyxNode *t = s->items.items[0];
    if (s->value == NULL) {
        if (t->kind == PYX_NODE_ATTRIBUTE) {
            check_expr(S, t->value);
            check_boxable(S, t->value, "cannot take an attribute of a '%s'");
        } else if (t->kind == PYX_NODE_SUBSCRIPT) {
            check_expr(S, t->value);
            check_boxable(S, t->value, "cannot subscript a '%s' here");
            check_key_parts(S, t->right);
        }
    }
    if (S->func != NULL || S->scope != S->module || !is_python_source(s))
        return;
    S->m->setup_annotations = true;
    bool simple = t->kind == PYX_NODE_NAME && !(t->flags & PYX_F(PARENS));
    if (future_annotations(S->m->ast)) {
        if (!simple)
            return;
        s->name = pyx_unparse(S->a, s->annotation, PYX_UNPARSE_CPYTHON);
        if (s->name == NULL) {
            unsupported(S, s->annotation, "this annotation as a string ('from __future__ import annotations')");
            return;
        }
        s->len = (uint32_t)strlen(s->name);
        s->sflags |= PYX_SF(ANN_STORE);
        return;
    }
    check_expr(S, s->annotation);
    check_boxable(S, s->annotation, "cannot use a '%s' as an annotation");
    s->sflags |= simple ? PYX_SF(ANN_STORE) : PYX_SF(ANN_EVAL);
}
