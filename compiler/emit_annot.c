/* emit_annot.c - what runs of a variable annotation (sema decided it,
 * check_annot.c): the parts of a value-less attribute or subscript
 * target, the annotation evaluated and dropped, or stored in the module's
 * __annotations__; and the '__annotations__ = {}' a module body opens with.
 */
#include "emit_int.h"

static void drop(Fn *fn, Val v)
{
    release(fn, v);   /* evaluated for what it does; the value is not used */
}

static void key_parts(Fn *fn, PyxNode *k)
{
    if (k->kind == PYX_NODE_SLICE) {
        PyxNode *parts[] = {k->lower, k->upper, k->step};
        for (int i = 0; i < 3; i++)
            if (parts[i])
                drop(fn, emit_value(fn, parts[i]));
    } else if (k->kind == PYX_NODE_TUPLE) {
        for (int i = 0; i < k->items.len; i++)
            key_parts(fn, k->items.items[i]);
    } else {
        drop(fn, emit_value(fn, k));
    }
}

/* 'x.y: T' or 'd[k]: T' with no value: x, or d and k. */
void emit_annotation_target(Fn *fn, PyxNode *s)
{
    PyxNode *t = s->items.items[0];
    if (t->kind == PYX_NODE_ATTRIBUTE) {
        drop(fn, emit_value(fn, t->value));
    } else if (t->kind == PYX_NODE_SUBSCRIPT) {
        drop(fn, emit_value(fn, t->value));
        key_parts(fn, t->right);
    }
}

/* After the assignment, if any: the annotation, dropped or stored. */
void emit_annotation(Fn *fn, PyxNode *s)
{
    if (!(s->sflags & (PYX_SF(ANN_EVAL) | PYX_SF(ANN_STORE))))
        return;
    if (s->sflags & PYX_SF(ANN_EVAL)) {
        drop(fn, emit_value(fn, s->annotation));
        return;
    }
    Val ann;
    if (s->name) {   /* the future import: its text */
        PyxNode text = *s;
        text.kind = PYX_NODE_STR;
        text.flags = 0;
        ann = cval(str_const(fn->E, &text), &pyx_type_object);
    } else {
        ann = emit_value(fn, s->annotation);
    }
    const char *d = temp(fn, &pyx_type_object), *r = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_module_annotations(pyx_d);", d);
    check(fn, pyx_arena_printf(A, "!%s", d), s->loc);
    line(fn, "%s = PyObject_SetItem(%s, %s, %s);", r, d, name_const(fn->E, s->items.items[0]->name), ann.c);
    line(fn, "Py_CLEAR(%s);", d);
    release(fn, ann);
    check(fn, pyx_arena_printf(A, "%s < 0", r), s->loc);
}
