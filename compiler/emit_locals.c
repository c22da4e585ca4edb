/* emit_locals.c - the builtins that read the calling frame, as sema
 * decided them (check_locals.c): locals() and vars() in a function fill
 * the function's one dict (pyx_frame_locals) with its variables as they
 * are now; dir() sorts its keys (or the module's); exec() and eval() with
 * their code alone get the module's dict, and in a function that dict of
 * locals.
 */
#include "emit_int.h"

/* The function's locals dict, brought up to date: a new reference. */
static Val frame_locals(Fn *fn, PyxLoc loc)
{
    PyxFunc *f = fn->f;
    const char *d = f->frame_locals->cname;
    check(fn, pyx_arena_printf(A, "%s == NULL && (%s = PyDict_New()) == NULL", d, d), loc);
    for (int i = 0; i < f->nview; i++) {
        PyxSymbol *s = f->view[i];
        Val v;
        if (s->kind == PYX_SYM_CELL)
            v = cval(pyx_arena_printf(A, "PyCell_GET(%s)", s->cname), &pyx_type_object);
        else
            v = to_object(fn, cval(s->cname, s->type), loc);   /* C values boxed */
        const char *r = temp(fn, &pyx_type_int);
        line(fn, "%s = pyx_rt_locals_set(%s, %s, %s);", r, d, name_const(fn->E, s->name), v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(A, "%s < 0", r), loc);
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = %s;", t, d);
    line(fn, "Py_INCREF(%s);", t);
    return (Val){t, &pyx_type_object, true};
}

Val emit_frame_call(Fn *fn, PyxNode *e)
{
    switch (e->call_kind) {
    case PYX_CALL_LOCALS:
        return frame_locals(fn, e->loc);
    case PYX_CALL_DIR: {
        Val d = fn->f ? frame_locals(fn, e->loc) : cval("pyx_d", &pyx_type_object);
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_sorted_keys(%s);", t, d.c);
        release(fn, d);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        return (Val){t, e->type, true};
    }
    case PYX_CALL_EXEC: {
        Val callee = emit_value(fn, e->value);
        Val code = emit_value(fn, e->items.items[0]);
        Val loc = fn->f ? frame_locals(fn, e->loc) : cval("NULL", &pyx_type_object);
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_CallFunctionObjArgs(%s, %s, pyx_d, %s, NULL);", t, callee.c, code.c, loc.c);
        release(fn, callee);
        release(fn, code);
        release(fn, loc);
        check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
        return (Val){t, &pyx_type_object, true};
    }
    default:
        PYX_UNREACHABLE();
    }
}
