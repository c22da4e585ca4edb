/* emit_gen.c - generator functions: a resumable C body, the frame its
 * variables live in, and the function that makes the generator.
 *
 * The body is written exactly as a plain function's (emit_stmt.c and the
 * rest do not know the difference), then every C variable it declared --
 * locals, parameters, temps, saved exception state, the result -- becomes
 * a field of the frame, a struct after the generator object's head
 * (runtime/rt_gen.c), through a '#define name (pyx_fr->name)' around the
 * body: whatever is live across a yield is where the next resume finds
 * it, with nothing to save or restore.  The frame's owned references come
 * first, so that the runtime can visit and release them (nobj slots).
 *
 * A yield stores the value, sets pyx_gen->resume to its point's number
 * and returns; the body starts with a switch that jumps to the label after
 * the yield point it stopped at (C allows a jump into blocks and loops).
 * After the label, pyx_sent NULL means an exception was thrown in.
 */
#include "emit_int.h"

/* One declaration of the body's, as a field of the frame. */
typedef struct Field {
    const char *decl;   /* 'PyObject *pyx_t_3', 'long v_n', 'PyObject *pyx_exc_2[3]' */
    const char *name;
    int nobj;           /* owned object slots: 0, 1 or the array's length */
} Field;

typedef struct Fields {
    Field *v;
    int n, cap;
} Fields;

static bool ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The variable a declaration declares: the last identifier with one of
   naming.c's prefixes for variables (types never have them). */
static const char *declared_name(PyxArena *a, const char *decl)
{
    const char *found = NULL;
    size_t flen = 0;
    for (const char *p = decl; *p;) {
        if (!ident_char(*p) || (p > decl && ident_char(p[-1]))) {
            p++;
            continue;
        }
        const char *q = p;
        while (ident_char(*q))
            q++;
        bool var = strncmp(p, "v_", 2) == 0 || strncmp(p, "pyx_", 4) == 0 || strncmp(p, "cell_", 5) == 0
                   || (p[0] == 'h' && p[1] >= '0' && p[1] <= '9');
        if (var) {
            found = p;
            flen = (size_t)(q - p);
        }
        p = q;
    }
    return found ? pyx_arena_strndup(a, found, flen) : NULL;
}

/* Reads the declarations the body's writers put in fn->decl, one per line
   ('    <decl>[ = <init>];[  comment]'), into fields; lines that are not
   frame fields (a closure's borrowed cells) go to 'keep'. */
static void parse_decls(Fn *fn, Fields *fs, Buf *keep)
{
    const char *p = fn->decl.p ? fn->decl.p : "";
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char *ln = pyx_arena_strndup(A, p, len);
        p += len + (end != NULL);
        if (strstr(ln, "/* borrowed */")) {
            buf_printf(A, keep, "%s\n", ln);
            continue;
        }
        bool owned_comment = strstr(ln, "/* owned */") != NULL;
        char *c = strstr(ln, "/*");
        if (c)
            *c = '\0';
        char *semi = strrchr(ln, ';');
        if (semi == NULL)
            pyx_unreachable(__FILE__, __LINE__, pyx_arena_printf(A, "unexpected declaration '%s'", ln));
        *semi = '\0';
        char *init = strstr(ln, " = ");
        if (init)
            *init = '\0';
        char *d = ln;
        while (*d == ' ')
            d++;
        if (strncmp(d, "PYX_UNUSED ", 11) == 0)
            d += 11;
        const char *name = declared_name(A, d);
        if (name == NULL)
            pyx_unreachable(__FILE__, __LINE__, pyx_arena_printf(A, "no variable in declaration '%s'", d));
        Field f = {d, name, 0};
        /* owned: temps, object locals and cells, saved exception state (NULL
           or a reference at every point where the body can stop) */
        if (strncmp(d, "PyObject *", 10) == 0 && (init || owned_comment)) {
            const char *br = strchr(d, '[');
            f.nobj = br ? atoi(br + 1) : 1;
        }
        PYX_VEC_PUSH(A, fs->v, fs->n, fs->cap, f);
    }
}

static void add_field(Fn *fn, Fields *fs, const char *decl, const char *name, int nobj)
{
    Field f = {decl, name, nobj};
    PYX_VEC_PUSH(A, fs->v, fs->n, fs->cap, f);
}

/* ---- yield and yield from ---- */

/* The end of a yield point: the label the switch jumps to, the exception
   thrown in raised here, else the value sent in (owned). */
static Val resume_point(Fn *fn, PyxNode *e)
{
    Label *l = new_label(fn, "resume");
    PYX_VEC_PUSH(A, fn->resumes, fn->nresume, fn->cap_resume, l->name);
    line(fn, "pyx_gen->resume = %d;", fn->nresume);   /* its number: the switch's case */
    line(fn, "return pyx_y;");
    jump(l);
    place_label(fn, l);
    check(fn, "!pyx_sent", e->loc);
    line(fn, "pyx_y = pyx_sent;");
    line(fn, "Py_INCREF(pyx_y);");
    return (Val){"pyx_y", &pyx_type_object, false};
}

Val emit_yield(Fn *fn, PyxNode *e)
{
    Val sent;
    if (e->kind == PYX_NODE_YIELD) {
        if (e->value) {
            Val v = to_object(fn, emit_value(fn, e->value), e->value->loc);
            if (v.owned)
                line(fn, "pyx_y = %s; %s = NULL;", v.c, v.c);
            else
                line(fn, "pyx_y = %s; Py_INCREF(pyx_y);", v.c);
        } else {
            line(fn, "pyx_y = Py_None; Py_INCREF(pyx_y);");
        }
        if (fn->f->async_gen)   /* a value for the async iteration, not one an await passes on */
            line(fn, "pyx_gen->ag_yield = 1;");
        sent = resume_point(fn, e);
    } else {
        /* the delegate's first step here; the runtime forwards the next ones
           and resumes the body with its return value (rt_gen.c) */
        Val v = to_object(fn, emit_value(fn, e->value), e->value->loc);
        line(fn, "pyx_yrc = %s(pyx_gen, %s, &pyx_y);", e->kind == PYX_NODE_AWAIT ? "pyx_rt_coro_await" : "pyx_rt_gen_yield_from", v.c);
        release(fn, v);
        check(fn, "pyx_yrc < 0", e->loc);
        Label *done = new_label(fn, "yielded_from");
        line(fn, "if (pyx_yrc == 0) goto %s;", jump(done));
        sent = resume_point(fn, e);
        place_label(fn, done);
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = %s;", t, sent.c);
    return (Val){t, &pyx_type_object, true};
}

/* A generator expression's element: yielded, and what is sent in dropped. */
void emit_yield_value(Fn *fn, PyxNode *value)
{
    Val v = to_object(fn, emit_value(fn, value), value->loc);
    if (v.owned)
        line(fn, "pyx_y = %s; %s = NULL;", v.c, v.c);
    else
        line(fn, "pyx_y = %s; Py_INCREF(pyx_y);", v.c);
    if (fn->f->async_gen)
        line(fn, "pyx_gen->ag_yield = 1;");
    Label *l = new_label(fn, "resume");
    PYX_VEC_PUSH(A, fn->resumes, fn->nresume, fn->cap_resume, l->name);
    line(fn, "pyx_gen->resume = %d;", fn->nresume);
    line(fn, "return pyx_y;");
    jump(l);
    place_label(fn, l);
    check(fn, "!pyx_sent", value->loc);
}

/* '(elt for x in it ...)' where it stands: iter(it) here (a TypeError for
   what is not iterable comes now), then the generator of its function, with
   the cells it uses. */
Val emit_genexp(Fn *fn, PyxNode *e)
{
    PyxFunc *f = e->func;
    PyxNode *first = e->handlers.items[0]->value;
    Val v = to_object(fn, emit_value(fn, first), first->loc);
    const char *it = temp(fn, &pyx_type_object);
    bool async = (e->handlers.items[0]->flags & PYX_F(ASYNC)) != 0;
    line(fn, "%s = %s(%s);", it, async ? "pyx_rt_aiter" : "PyObject_GetIter", v.c);
    release(fn, v);
    check(fn, pyx_arena_printf(A, "!%s", it), first->loc);
    const char *cells = NULL;
    if (f->nfree) {
        Buf cb = {0};
        for (int i = 0; i < f->nfree; i++)
            buf_printf(A, &cb, ", %s", f->closure_src[i]->cname);
        cells = temp(fn, &pyx_type_object);
        line(fn, "%s = PyTuple_Pack(%d%s);", cells, f->nfree, cb.p);
        check(fn, pyx_arena_printf(A, "!%s", cells), e->loc);
    }
    const char *g = temp(fn, &pyx_type_object);
    line(fn, "%s = %s(%s%s%s);", g, f->cname, cells ? cells : "", cells ? ", " : "", it);
    line(fn, "Py_CLEAR(%s);", it);
    if (cells)
        line(fn, "Py_CLEAR(%s);", cells);
    check(fn, pyx_arena_printf(A, "!%s", g), e->loc);
    return (Val){g, &pyx_type_object, true};
}

/* ---- the async statements ---- */

/* 'if (cond)' an error: StopAsyncIteration to on_stop (cleared) when
   given, else 'cleanup' and the error label in force. */
static void fail_if(Fn *fn, const char *cond, PyxLoc loc, const char *cleanup, Label *on_stop)
{
    fn->lineno_used = 1;
    line(fn, "if (PYX_UNLIKELY(%s)) {", cond);
    if (on_stop)
        line(fn, "    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) { PyErr_Clear(); goto %s; }", jump(on_stop));
    if (cleanup)
        line(fn, "    %s", cleanup);
    line(fn, "    pyx_lineno = %u; goto %s;", loc.line, jump(fn->err));
    line(fn, "}");
}

/* The awaitable aw (released here) awaited as 'async with' and 'async for'
   need it: 'where' words the TypeError for what is not awaitable
   (PYX_AWAIT_AENTER...).  The result, owned. */
Val emit_await_value(Fn *fn, Val aw, const char *where, PyxLoc loc, const char *cleanup, Label *on_stop)
{
    line(fn, "pyx_yrc = pyx_rt_coro_await_in(pyx_gen, %s, &pyx_y, %s);", aw.c, where);
    release(fn, aw);
    fail_if(fn, "pyx_yrc < 0", loc, cleanup, on_stop);
    Label *done = new_label(fn, "awaited");
    line(fn, "if (pyx_yrc == 0) goto %s;", jump(done));
    Label *l = new_label(fn, "resume");
    PYX_VEC_PUSH(A, fn->resumes, fn->nresume, fn->cap_resume, l->name);
    line(fn, "pyx_gen->resume = %d;", fn->nresume);
    line(fn, "return pyx_y;");
    jump(l);
    place_label(fn, l);
    fail_if(fn, "!pyx_sent", loc, cleanup, on_stop);
    line(fn, "pyx_y = pyx_sent;");
    line(fn, "Py_INCREF(pyx_y);");
    place_label(fn, done);
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_y;", t);
    return (Val){t, &pyx_type_object, true};
}

/* An asynchronous loop: __aiter__ once, then each time round __anext__()
   awaited and bound to target, until StopAsyncIteration goes to natural
   (after the loop).  Returns the iterator's temp, for the caller to
   release. */
const char *emit_async_loop(Fn *fn, PyxNode *target, PyxNode *iterable, Loop *loop, Label *natural, BodyFn body,
                            void *ctx)
{
    const char *it;
    PyxLoc at = iterable ? iterable->loc : target->loc;
    if (iterable) {
        Val v = to_object(fn, emit_value(fn, iterable), iterable->loc);
        it = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_aiter(%s);", it, v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(A, "!%s", it), iterable->loc);
    } else {   /* an asynchronous generator expression's '.0': aiter() taken where it stands */
        it = fn->f->params[0]->cname;
    }
    open_loop(fn, loop, "", "", "");
    const char *aw = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_anext(%s);", aw, it);
    check(fn, pyx_arena_printf(A, "!%s", aw), at);
    Val item = emit_await_value(fn, (Val){aw, &pyx_type_object, true}, "PYX_AWAIT_ANEXT", target->loc, NULL, natural);
    assign_to(fn, target, item);
    if (target->type && pyx_type_is_c(target->type))
        line(fn, "Py_CLEAR(%s);", item.c);
    start_iteration(fn, loop, target->loc);
    push_loop(fn, loop);
    body(fn, ctx);
    pop_loop(fn);
    fn->indent--;
    line(fn, "}");
    return it;
}

static void loop_body(Fn *fn, void *ctx)
{
    emit_stmts(fn, ctx);
}

/* 'async for target in iterable: body [else: orelse]' */
void emit_async_for(Fn *fn, PyxNode *s)
{
    Label *brk = new_label(fn, "break"), *natural = new_label(fn, "exhausted");
    Label *outer_ret = fn->ret, *ret = new_label(fn, "loop_return");
    Loop loop = {.brk = brk, .poll = (s->sflags & PYX_SF(POLLS)) != 0};
    fn->ret = ret;   /* a return in the body releases the iterator on its way out */
    const char *it = emit_async_loop(fn, s->target, s->value, &loop, natural, loop_body, &s->body);
    fn->ret = outer_ret;
    line(fn, "Py_CLEAR(%s);", it);   /* break */
    line(fn, "goto %s;", jump(brk));
    place_label(fn, natural);
    line(fn, "Py_CLEAR(%s);", it);
    emit_stmts(fn, &s->orelse);
    if (ret->used) {
        line(fn, "goto %s;", jump(brk));
        place_label(fn, ret);
        line(fn, "Py_CLEAR(%s);", it);
        line(fn, "goto %s;", jump(outer_ret));
    }
    place_label(fn, brk);
}

/* ---- the generator function ---- */

/* The body: the function's statements, resumable. */
static void emit_body(Emit *E, PyxFunc *f, Fields *fs)
{
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, f, pyx_arena_printf(E->a, "%s.%s", E->m->qualname, f->qualname));
    fn->gen = true;
    for (int i = 0; i < f->nfree; i++)
        buf_printf(E->a, &fn->decl, "    PyObject *%s = PyTuple_GET_ITEM(pyx_closure, %d);   /* borrowed */\n",
                   f->freevars[i]->cname, i);
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->is_param)
            continue;
        if (s->type->kind == PYX_TY_OBJECT || s->kind == PYX_SYM_CELL)
            buf_printf(E->a, &fn->decl, "    PyObject *%s = NULL;\n", s->cname);
        else
            buf_printf(E->a, &fn->decl, "    %s = 0;\n", pyx_type_decl(E->a, s->type, s->cname));
    }
    /* before the first statement: an exception thrown into a generator that
       has not started is raised at its def line */
    check(fn, "!pyx_sent", f->def->loc);
    /* the cells of its own variables that closures use */
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->kind != PYX_SYM_CELL || s->hidden)
            continue;
        Val v = cval("NULL", &pyx_type_object);
        if (s->param)
            v = to_object(fn, cval(s->param->cname, s->param->type), f->def->loc);
        else if (pyx_type_is_c(s->type))
            v = to_object(fn, cval("0", s->type), f->def->loc);
        line(fn, "%s = PyCell_New(%s);", s->cname, v.c);
        release(fn, v);
        check(fn, pyx_arena_printf(E->a, "!%s", s->cname), f->def->loc);
    }
    if (f->def->kind == PYX_NODE_GENERATOR)
        emit_genexp_loops(fn, f->def);
    else
        emit_stmts(fn, &f->def->body);
    if (!f->flow || f->flow->falls_off_end) {
        line(fn, "Py_INCREF(Py_None);");
        line(fn, "pyx_r = Py_None;");
    }
    /* the frame: the result, the parameters, then what the body declared */
    Buf keep = {0};
    add_field(fn, fs, "PyObject *pyx_r", "pyx_r", 1);
    if (f->nfree)
        add_field(fn, fs, "PyObject *pyx_closure", "pyx_closure", 1);
    for (int i = 0; i < f->nparams; i++) {
        PyxSymbol *p = f->params[i];
        add_field(fn, fs, pyx_type_decl(E->a, p->type, p->cname), p->cname, p->type->kind == PYX_TY_OBJECT);
    }
    parse_decls(fn, fs, &keep);
    Buf out = {0};
    buf_printf(E->a, &out, "/* %s:%u: def %s: the frame of the generator */\nstruct %s {\n", E->src_comment,
               f->def->loc.line, f->name, f->gen_frame);
    int nobj = 0;
    for (int pass = 0; pass < 2; pass++)   /* owned references first */
        for (int i = 0; i < fs->n; i++)
            if ((fs->v[i].nobj > 0) == (pass == 0)) {
                buf_printf(E->a, &out, "    %s;\n", fs->v[i].decl);
                nobj += fs->v[i].nobj;
            }
    buf_printf(E->a, &out, "};\n\n");
    buf_printf(E->a, &out, "/* %s:%u: def %s: the generator's body */\n", E->src_comment, f->def->loc.line, f->name);
    buf_printf(E->a, &out, "static PyObject *%s(PyxRtGen *pyx_gen, PyObject *pyx_sent)\n{\n", f->gen_body);
    buf_printf(E->a, &out, "    struct %s *pyx_fr = (struct %s *)PYX_GEN_FRAME(pyx_gen);\n", f->gen_frame, f->gen_frame);
    buf_printf(E->a, &out, "    PYX_UNUSED PyObject *pyx_y = NULL;\n    PYX_UNUSED int pyx_yrc = 0;\n");
    if (fn->lineno_used)
        buf_printf(E->a, &out, "    int pyx_lineno = 0;\n");
    for (int i = 0; i < fs->n; i++)
        buf_printf(E->a, &out, "#define %s (pyx_fr->%s)\n", fs->v[i].name, fs->v[i].name);
    buf_append(E->a, &out, &keep);
    buf_printf(E->a, &out, "    int pyx_at = pyx_gen->resume;\n    pyx_gen->resume = -1;\n    switch (pyx_at) {\n");
    for (int i = 0; i < fn->nresume; i++)
        buf_printf(E->a, &out, "    case %d: goto %s;\n", i + 1, fn->resumes[i]);
    buf_printf(E->a, &out, "    default: break;\n    }\n");
    drop_trailing_jump(fn, &fn->ret_main);
    bool errors = fn->err_main.used || fn->err_main_skip.used;
    if (errors)
        line(fn, "goto %s;", jump(&fn->ret_main));
    buf_append(E->a, &out, &fn->body);
    buf_printf(E->a, &out, "%s", LINE_RESET);
    if (fn->err_main.used) {
        buf_printf(E->a, &out, "pyx_L_error:;\n");
        for (int i = 0; i < fn->notemps; i++)
            buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", fn->otemps[i]);
        buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", %s, pyx_lineno, NULL);\n", fn->tb_name, E->src_lit);
    }
    if (fn->err_main_skip.used)
        buf_printf(E->a, &out, "pyx_L_error_tb:;\n");
    if (errors)
        buf_printf(E->a, &out, "    Py_CLEAR(pyx_r);\n");
    if (fn->ret_main.used)
        buf_printf(E->a, &out, "pyx_L_done:;\n");
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->type->kind == PYX_TY_OBJECT || s->kind == PYX_SYM_CELL)
            buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", s->cname);
    }
    if (f->nfree)
        buf_printf(E->a, &out, "    Py_XDECREF(pyx_closure);\n");
    buf_printf(E->a, &out, "    return pyx_r;\n}\n");
    for (int i = 0; i < fs->n; i++)
        buf_printf(E->a, &out, "#undef %s\n", fs->v[i].name);
    buf_printf(E->a, &out, "\nstatic const PyxRtGenDef %s = {\n    .body = %s, .size = sizeof(struct %s), .nobj = %d,\n"
                           "    .func = &%s, .code = &(PyObject *){NULL},%s\n};\n\n",
               f->gen_def, f->gen_body, f->gen_frame, nobj, f->fdef, f->async_gen ? " .kind = PYX_GEN_ASYNC," : f->coroutine ? " .kind = PYX_GEN_COROUTINE," : "");
    buf_append(E->a, &E->funcs, &out);
}

/* A generator function: its frame and resumable body, and the C function
   that calls make (the generator, holding the arguments). */
void emit_generator(Emit *E, PyxFunc *f)
{
    Fields fs = {0};
    emit_body(E, f, &fs);
    Buf out = {0};
    buf_printf(E->a, &out, "/* %s:%u: def %s: makes the generator */\n", E->src_comment, f->def->loc.line, f->name);
    buf_printf(E->a, &out, "static %s\n{\n", c_signature(E, f));
    buf_printf(E->a, &out, "    PyxRtGen *pyx_gen = pyx_rt_gen_new(&%s);\n    if (pyx_gen == NULL)\n        return NULL;\n",
               f->gen_def);
    if (f->nfree || f->nparams)
        buf_printf(E->a, &out, "    struct %s *pyx_fr = (struct %s *)PYX_GEN_FRAME(pyx_gen);\n", f->gen_frame, f->gen_frame);
    if (f->nfree)
        buf_printf(E->a, &out, "    Py_INCREF(pyx_closure);\n    pyx_fr->pyx_closure = pyx_closure;\n");
    for (int i = 0; i < f->nparams; i++) {
        PyxSymbol *p = f->params[i];
        if (p->type->kind == PYX_TY_OBJECT)
            buf_printf(E->a, &out, "    Py_INCREF(%s);\n", p->cname);
        buf_printf(E->a, &out, "    pyx_fr->%s = %s;\n", p->cname, p->cname);
    }
    buf_printf(E->a, &out, "    return (PyObject *)pyx_gen;\n}\n\n");
    buf_append(E->a, &E->funcs, &out);
}
