/* emit_class.c - plain Python class statements (check_class.c decided):
 * the statement as builtins.__build_class__ runs it, with the body inline
 * (runtime/rt_class.c does the protocol); the body's names on the
 * namespace; zero-argument super().
 */
#include "emit_int.h"

/* ---- the names of a class body ---- */

/* The value of the enclosing function's variable a free name of the class
   body stands for, into t (owned); NameError for an unbound one, worded as
   CPython words a free variable. */
static void read_outer(Fn *fn, PyxSymbol *v, const char *t, PyxLoc loc)
{
    if (v->kind == PYX_SYM_CELL) {
        line(fn, "%s = pyx_rt_cell_get(%s, \"%s\", 1);", t, v->cname, v->name);
        check(fn, pyx_arena_printf(A, "!%s", t), loc);
        return;
    }
    if (v->type->kind == PYX_TY_OBJECT) {
        check(fn, pyx_arena_printf(A, "!%s && (pyx_rt_unbound_free(\"%s\"), 1)", v->cname, v->name), loc);
        line(fn, "%s = %s; Py_INCREF(%s);", t, v->cname, t);
        return;
    }
    Val o = to_object(fn, cval(v->cname, v->type), loc);
    line(fn, "%s = %s;", t, to_new_ref(fn, o, loc));
    if (o.owned)
        line(fn, "%s = NULL;", o.c);
}

/* A name read in the class body: the namespace, then the enclosing
   function's variable (LOAD_CLASSDEREF) or the globals and builtins
   (LOAD_NAME). */
Val class_name_load(Fn *fn, PyxSymbol *sym, PyxLoc loc)
{
    const char *t = temp(fn, &pyx_type_object);
    const char *name = name_const(fn->E, sym->name);
    if (sym->outer == NULL) {
        line(fn, "%s = pyx_rt_ns_load(%s, pyx_d, %s);", t, fn->cls_ns, name);
        check(fn, pyx_arena_printf(A, "!%s", t), loc);
        return (Val){t, &pyx_type_object, true};
    }
    line(fn, "%s = pyx_rt_ns_lookup(%s, %s);", t, fn->cls_ns, name);
    line(fn, "if (!%s) {", t);
    fn->indent++;
    check(fn, "PyErr_Occurred()", loc);
    read_outer(fn, sym->outer, t, loc);
    fn->indent--;
    line(fn, "}");
    return (Val){t, &pyx_type_object, true};
}

/* A name bound in the class body: into the namespace (a 'nonlocal' one:
   the enclosing function's variable). */
void class_name_store(Fn *fn, PyxSymbol *sym, Val v, PyxLoc loc)
{
    if (sym->nonlocal && sym->outer) {
        store_symbol(fn, sym->outer, v, loc);
        return;
    }
    Val o = to_object(fn, v, loc);
    const char *r = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_ns_store(%s, %s, %s);", r, fn->cls_ns, name_const(fn->E, sym->name), o.c);
    release(fn, o);
    check(fn, pyx_arena_printf(A, "%s < 0", r), loc);
}

/* 'del name' in the class body. */
void class_name_delete(Fn *fn, PyxSymbol *sym, PyxLoc loc)
{
    PyxSymbol *v = sym->outer;
    if (sym->nonlocal && v && v->kind == PYX_SYM_CELL) {
        check(fn, pyx_arena_printf(A, "pyx_rt_cell_del(%s, \"%s\", 1) < 0", v->cname, v->name), loc);
    } else if (sym->nonlocal && v) {
        check(fn, pyx_arena_printf(A, "!%s && (pyx_rt_unbound_free(\"%s\"), 1)", v->cname, v->name), loc);
        line(fn, "Py_CLEAR(%s);", v->cname);
    } else {
        check(fn, pyx_arena_printf(A, "pyx_rt_ns_delete(%s, %s) < 0", fn->cls_ns, name_const(fn->E, sym->name)), loc);
    }
}

/* The end of 'except E as name' in the class body: the name deleted. */
void class_name_unbind(Fn *fn, PyxSymbol *sym)
{
    if (sym->nonlocal && sym->outer && sym->outer->kind == PYX_SYM_CELL)
        line(fn, "pyx_rt_cell_set(%s, NULL);", sym->outer->cname);
    else if (sym->nonlocal && sym->outer)
        line(fn, "Py_CLEAR(%s);", sym->outer->cname);
    else
        line(fn, "if (pyx_rt_ns_delete(%s, %s) < 0) PyErr_Clear();", fn->cls_ns, name_const(fn->E, sym->name));
}

/* 'name: annotation [= value]' in the class body, after the value is
   stored: __annotations__[name] = the annotation (or its text). */
void emit_class_annotation(Fn *fn, PyxNode *s)
{
    PyxClass *c = fn->cls;
    PyxAnnotation *an = NULL;
    for (int i = 0; i < c->nanns && !an; i++)
        if (c->anns[i].expr == s)
            an = &c->anns[i];
    if (an == NULL)
        return;   /* not a simple name: nothing is stored */
    Val v = an->text ? cval(text_const(fn->E, an->text), &pyx_type_object)
                     : to_object(fn, emit_value(fn, s->annotation), s->annotation->loc);
    const char *r = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_ns_annotate(%s, pyx_d, %s, %s);", r, fn->cls_ns, name_const(fn->E, an->name), v.c);
    release(fn, v);
    check(fn, pyx_arena_printf(A, "%s < 0", r), s->loc);
}

/* ---- super() ---- */

/* 'super()': the callee, the __class__ cell sema found, and the first
   argument of the function the call is compiled in (none in a class body
   or the module body, or when the function has no positional parameter). */
Val emit_super_call(Fn *fn, PyxNode *e)
{
    Val callee = emit_value(fn, e->value);
    const char *self = "NULL";
    int has_arg = 0;
    Val boxed = {0};
    PyxFunc *f = fn->f;
    if (e->op) {   /* in a comprehension: its iterator, never an instance */
        has_arg = 2;
    } else if (fn->cls == NULL && f && f->nparams && f->def->params.len
               && (f->def->params.items[0]->op == PYX_PARAM_NORMAL || f->def->params.items[0]->op == PYX_PARAM_POSONLY)) {
        PyxSymbol *p = f->params[0];
        has_arg = 1;
        self = p->cname;
        for (int i = 0; i < f->nlocals; i++)
            if (f->locals[i]->kind == PYX_SYM_CELL && f->locals[i]->param == p)
                self = pyx_arena_printf(A, "PyCell_GET(%s)", f->locals[i]->cname);
        if (pyx_type_is_c(p->type) && self == p->cname) {
            boxed = to_object(fn, cval(p->cname, p->type), e->loc);
            self = boxed.c;
        }
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_super(%s, %s, %s, %d);", t, callee.c, e->sym ? e->sym->cname : "NULL", self, has_arg);
    release(fn, callee);
    release(fn, boxed);
    check(fn, pyx_arena_printf(A, "!%s", t), e->loc);
    return (Val){t, &pyx_type_object, true};
}

/* ---- the class statement ---- */

/* The bases as a new tuple in a temp ('*b' unpacked where it stands). */
static const char *emit_bases(Fn *fn, PyxNode *s, const char *build_class)
{
    int n = s->items.len;
    bool star = false;
    for (int i = 0; i < n; i++)
        star |= s->items.items[i]->kind == PYX_NODE_STARRED;
    const char *t = temp(fn, &pyx_type_object);
    if (!star) {
        Val *vals = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
        Buf args = {0};
        for (int i = 0; i < n; i++) {
            vals[i] = to_object(fn, emit_value(fn, s->items.items[i]), s->items.items[i]->loc);
            buf_printf(A, &args, ", %s", vals[i].c);
        }
        if (n)
            line(fn, "%s = PyTuple_Pack(%d%s);", t, n, args.p ? args.p : "");
        else
            line(fn, "%s = PyTuple_New(0);", t);
        for (int i = 0; i < n; i++)
            release(fn, vals[i]);
        check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
        return t;
    }
    const char *list = temp(fn, &pyx_type_object);
    line(fn, "%s = PyList_New(0);", list);
    check(fn, pyx_arena_printf(A, "!%s", list), s->loc);
    for (int i = 0; i < n; i++) {
        PyxNode *it = s->items.items[i];
        bool st = it->kind == PYX_NODE_STARRED;
        Val v = to_object(fn, emit_value(fn, st ? it->value : it), it->loc);
        const char *r = temp(fn, &pyx_type_int);
        if (st)
            line(fn, "%s = pyx_rt_star_extend(%s, %s, %s);", r, list, build_class, v.c);
        else
            line(fn, "%s = PyList_Append(%s, %s);", r, list, v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(A, "%s < 0", r), it->loc);
    }
    line(fn, "%s = PyList_AsTuple(%s);", t, list);
    line(fn, "Py_CLEAR(%s);", list);
    check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
    return t;
}

/* The class keywords as a new dict in a temp, or "NULL" for none. */
static const char *emit_class_keywords(Fn *fn, PyxNode *s, const char *build_class)
{
    if (s->keywords.len == 0)
        return "NULL";
    const char *kw = temp(fn, &pyx_type_object);
    line(fn, "%s = PyDict_New();", kw);
    check(fn, pyx_arena_printf(A, "!%s", kw), s->loc);
    for (int i = 0; i < s->keywords.len; i++) {
        PyxNode *k = s->keywords.items[i];
        Val v = to_object(fn, emit_value(fn, k->value), k->loc);
        const char *r = temp(fn, &pyx_type_int);
        if (k->name)
            line(fn, "%s = pyx_rt_kwargs_add(%s, %s, %s, %s);", r, kw, build_class, name_const(fn->E, k->name), v.c);
        else
            line(fn, "%s = pyx_rt_kwargs_merge(%s, %s, %s);", r, kw, build_class, v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(A, "%s < 0", r), k->loc);
    }
    return kw;
}

/* ns[name] = v (v borrowed). */
static void ns_set(Fn *fn, const char *ns, const char *name, const char *v, PyxLoc loc)
{
    check(fn, pyx_arena_printf(A, "pyx_rt_ns_store(%s, %s, %s) < 0", ns, name_const(fn->E, name), v), loc);
}

/* 'class C(bases, **kw): body' running where it stands, as CPython runs it:
   decorators, bases and keywords; the bases resolved, the metaclass and
   its namespace (pyx_rt_class_prepare); __module__, __qualname__,
   __doc__ and __annotations__; the body, with the namespace for its names
   and a traceback entry of its own; __classcell__; the metaclass called
   (pyx_rt_class_create); the decorators applied bottom-up; the name bound. */
void emit_class_statement(Fn *fn, PyxNode *s)
{
    PyxClass *c = s->cls;
    Emit *E = fn->E;
    int ndec = c->decorators.len;
    Val *decs = pyx_arena_alloc(A, sizeof *decs * (size_t)(ndec + 1));
    for (int i = 0; i < ndec; i++)
        decs[i] = owned_object(fn, emit_value(fn, c->decorators.items[i]), c->decorators.items[i]->loc);
    bool unpacks = s->keywords.len > 0;
    for (int i = 0; i < s->items.len; i++)
        unpacks |= s->items.items[i]->kind == PYX_NODE_STARRED;
    const char *build_class = "NULL";
    if (unpacks) {   /* what CPython's messages about '*' and '**' name */
        build_class = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_get_builtin(%s);", build_class, name_const(E, "__build_class__"));
        check(fn, pyx_arena_printf(A, "!%s", build_class), s->loc);
    }
    const char *bases = emit_bases(fn, s, build_class);
    const char *kw = emit_class_keywords(fn, s, build_class);
    if (unpacks)
        line(fn, "Py_CLEAR(%s);", build_class);
    const char *name = name_const(E, c->name);
    const char *rbases = temp(fn, &pyx_type_object), *meta = temp(fn, &pyx_type_object);
    const char *ns = temp(fn, &pyx_type_object);
    check(fn, pyx_arena_printf(A, "pyx_rt_class_prepare(%s, %s, %s, &%s, &%s, &%s) < 0", name, bases, kw, rbases, meta, ns),
          s->loc);
    if (c->cell) {   /* a new __class__ cell each time the statement runs */
        const char *t = temp(fn, &pyx_type_object);
        line(fn, "%s = PyCell_New(NULL);", t);
        check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
        line(fn, "Py_XSETREF(%s, %s);", c->cell->cname, t);
        line(fn, "%s = NULL;", t);
    }
    /* what the body starts with: __module__ (the name __name__, as
       LOAD_NAME finds it), __qualname__, __doc__, __annotations__ */
    const char *mod = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_ns_load(%s, pyx_d, %s);", mod, ns, name_const(E, "__name__"));
    check(fn, pyx_arena_printf(A, "!%s", mod), s->loc);
    ns_set(fn, ns, "__module__", mod, s->loc);
    line(fn, "Py_CLEAR(%s);", mod);
    ns_set(fn, ns, "__qualname__", text_const(E, c->qualname), s->loc);
    if (c->doc)
        ns_set(fn, ns, "__doc__", str_const(E, s->body.items[0]->value), s->loc);
    if (c->annotations)
        check(fn, pyx_arena_printf(A, "pyx_rt_ns_setup_annotations(%s) < 0", ns), s->loc);
    /* the body: its errors add a frame named after the class first */
    PyxClass *outer_cls = fn->cls;
    const char *outer_ns = fn->cls_ns;
    Label *outer_err = fn->err;
    Label *body_err = new_error_label(fn, "class");
    fn->cls = c;
    fn->cls_ns = ns;
    fn->err = body_err;
    emit_stmts(fn, &s->body);
    fn->cls = outer_cls;
    fn->cls_ns = outer_ns;
    fn->err = outer_err;
    if (body_err->used || body_err->skip->used) {
        Label *after = new_label(fn, "class_end");
        line(fn, "goto %s;", jump(after));
        if (body_err->used) {
            buf_printf(A, &fn->body, "%s:;\n", body_err->name);
            line(fn, "pyx_rt_add_traceback(\"%s.%s\", %s, pyx_lineno, NULL);", E->m->qualname, c->qualname, E->src_lit);
        }
        if (body_err->skip->used)
            buf_printf(A, &fn->body, "%s:;\n", body_err->skip->name);
        goto_error(fn, s->loc);
        place_label(fn, after);
    }
    if (c->cell)
        ns_set(fn, ns, "__classcell__", c->cell->cname, s->loc);
    const char *cls = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_class_create(%s, %s, %s, %s, %s, %s, %s);", cls, meta, name, bases, rbases, ns, kw,
         c->cell ? c->cell->cname : "NULL");
    line(fn, "Py_CLEAR(%s); Py_CLEAR(%s); Py_CLEAR(%s); Py_CLEAR(%s);", meta, ns, rbases, bases);
    if (s->keywords.len)
        line(fn, "Py_CLEAR(%s);", kw);
    check(fn, pyx_arena_printf(A, "!%s", cls), s->loc);
    for (int i = ndec - 1; i >= 0; i--) {   /* applied bottom-up: C = d1(d2(C)) */
        const char *d = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_CallFunctionObjArgs(%s, %s, NULL);", d, decs[i].c, cls);
        line(fn, "Py_CLEAR(%s);", cls);
        release(fn, decs[i]);
        check(fn, pyx_arena_printf(A, "!%s", d), c->decorators.items[i]->loc);
        cls = d;
    }
    store_symbol(fn, s->sym, (Val){cls, &pyx_type_object, true}, s->loc);
}
