/* emit_exc.c - exceptions in the generated C: try/except/else, try/finally
 * and with.  Every error check jumps to the error label in force (Fn.err);
 * these statements install their own while their body is written, and each
 * error label has a companion that skips adding this frame's traceback
 * entry (compiler/README.md, "Exceptions in the generated C").
 */
#include "emit_int.h"

/* The entry of a try/with error block: an error raised in the protected
   body releases the temps that body made (those before it stay live) and
   adds this frame's traceback entry; errors that already carry it enter at
   the skip label. */
static void enter_error_block(Fn *fn, Label *err, int first_temp, int end_temp)
{
    place_label(fn, err);
    if (err->used) {
        for (int i = first_temp; i < end_temp; i++)
            line(fn, "Py_CLEAR(%s);", fn->otemps[i]);
        line(fn, "pyx_rt_add_traceback(\"%s\", %s, pyx_lineno, NULL);", fn->tb_name, fn->E->src_lit);
        if (trace_exception(fn))
            line(fn, "%s", trace_exception(fn));
    }
    place_label(fn, err->skip);
    fn->lineno_used = 1;
}

/* break and continue out of a block that must clean up on the way (a
   finally, a with, an except handler) go to labels of the block, which
   clean up and then go on to the loop (through the blocks further out).
   Only inside a loop: sema refuses break and continue elsewhere. */
typedef struct Exits {
    Label *brk, *cont;
    Label *outer_brk, *outer_cont;
} Exits;

static void open_exits(Fn *fn, Exits *x, const char *what)
{
    x->outer_brk = fn->brk;
    x->outer_cont = fn->cont;
    x->brk = x->cont = NULL;
    if (fn->nloops == 0)
        return;
    x->brk = new_label(fn, pyx_arena_printf(A, "%s_break", what));
    x->cont = new_label(fn, pyx_arena_printf(A, "%s_continue", what));
    fn->brk = x->brk;
    fn->cont = x->cont;
}

static void close_exits(Fn *fn, Exits *x)
{
    fn->brk = x->outer_brk;
    fn->cont = x->outer_cont;
}

static bool exits_used(const Exits *x)
{
    return (x->brk && x->brk->used) || (x->cont && x->cont->used);
}

/* The labels that were jumped to: cleanup(ctx), then on towards the loop.
   Called with the context outside the block (close_exits). */
static void place_exits(Fn *fn, Exits *x, void (*cleanup)(Fn *fn, void *ctx), void *ctx)
{
    Label *l[2] = {x->brk, x->cont};
    for (int k = 0; k < 2; k++) {
        if (!l[k] || !l[k]->used)
            continue;
        place_label(fn, l[k]);
        cleanup(fn, ctx);
        emit_loop_exit(fn, k == 1);
    }
}

static void run_finally(Fn *fn, void *ctx)
{
    emit_stmts(fn, ctx);
}

static void drop_saved(Fn *fn, void *ctx)
{
    line(fn, "pyx_rt_finally_drop(%s);", (const char *)ctx);
}

static void drop_return(Fn *fn, void *ctx)
{
    (void)ctx;
    if (fn->f && fn->f->ret->kind == PYX_TY_OBJECT)
        line(fn, "Py_CLEAR(pyx_r);");   /* the return was cancelled */
}

/* try: body finally: final
   The final block is written out once per way in: falling off the end of
   the body, a return (then the return continues outward) and an exception
   (handled while the block runs, as CPython's finally does: sys.exc_info()
   shows it and exceptions raised there get it as __context__; then
   re-raised). */
void emit_try_finally(Fn *fn, PyxNode *s)
{
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Label *err = new_error_label(fn, "finally_error"), *ret = new_label(fn, "finally_return");
    Label *end = new_label(fn, "finally_end");
    const char *saved = pyx_name_saved_exc(A, "exc", fn->nlabel);
    fn->err = err;
    fn->ret = ret;
    Exits x;
    open_exits(fn, &x, "finally");
    int first_temp = fn->notemps;   /* temps live before the try stay live */
    line(fn, "/* try */");
    emit_stmts(fn, &s->body);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    fn->ret = outer_ret;
    close_exits(fn, &x);
    line(fn, "/* finally */");
    emit_stmts(fn, &s->finalbody);
    if (ret->used || err->used || err->skip->used || exits_used(&x))
        line(fn, "goto %s;", jump(end));
    if (ret->used) {
        place_label(fn, ret);
        Exits rx;   /* a break in the final block cancels the return */
        open_exits(fn, &rx, "finally_return");
        emit_stmts(fn, &s->finalbody);
        close_exits(fn, &rx);
        line(fn, "goto %s;", jump(outer_ret));
        place_exits(fn, &rx, drop_return, NULL);
    }
    place_exits(fn, &x, run_finally, &s->finalbody);
    if (err->used || err->skip->used) {
        buf_printf(A, &fn->decl, "    PyObject *%s[4] = {NULL, NULL, NULL, NULL};\n", saved);
        enter_error_block(fn, err, first_temp, end_temp);
        line(fn, "pyx_rt_finally_enter(%s);", saved);
        Label *inner = new_error_label(fn, "finally_raised");
        Label *drop_ret = new_label(fn, "finally_drop_return");
        fn->err = inner;
        fn->ret = drop_ret;   /* 'return' in the finally block drops the exception */
        Exits ex;             /* and so do break and continue */
        open_exits(fn, &ex, "finally_drop");
        PYX_VEC_PUSH(A, fn->in_flight, fn->nin_flight, fn->cap_in_flight, saved);
        emit_stmts(fn, &s->finalbody);
        fn->nin_flight--;
        fn->err = outer_err;
        fn->ret = outer_ret;
        close_exits(fn, &ex);
        /* the saved exception has this frame's entry already */
        line(fn, "pyx_rt_finally_reraise(%s);", saved);
        line(fn, "goto %s;", jump(outer_err->skip));
        if (inner->used) {
            place_label(fn, inner);
            line(fn, "pyx_rt_finally_drop(%s);", saved);
            line(fn, "goto %s;", jump(outer_err));
        }
        if (inner->skip->used) {
            place_label(fn, inner->skip);
            line(fn, "pyx_rt_finally_drop(%s);", saved);
            line(fn, "goto %s;", jump(outer_err->skip));
        }
        if (drop_ret->used) {
            place_label(fn, drop_ret);
            line(fn, "pyx_rt_finally_drop(%s);", saved);
            line(fn, "goto %s;", jump(outer_ret));
        }
        place_exits(fn, &ex, drop_saved, (void *)saved);
    }
    place_label(fn, end);
}

/* __exit__(None, None, None) on the way out of a with block, normally or
   by return, break or continue. */
typedef struct WithExit {
    const char *r, *ex;
    PyxLoc loc;
    bool async;     /* 'async with': __aexit__'s result is awaited */
} WithExit;

static void exit_with(Fn *fn, void *ctx)
{
    WithExit *we = ctx;
    if (we->async) {
        const char *aw = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_async_with_exit(%s, NULL);", aw, we->ex);
        line(fn, "Py_CLEAR(%s);", we->ex);
        check(fn, pyx_arena_printf(A, "!%s", aw), we->loc);
        release(fn, emit_await_value(fn, (Val){aw, &pyx_type_object, true}, "PYX_AWAIT_AEXIT", we->loc, NULL, NULL));
        return;
    }
    trace_line_at(fn, we->loc.line);   /* linetrace: __exit__ runs on the with line */
    line(fn, "%s = pyx_rt_with_exit(%s, NULL);", we->r, we->ex);
    line(fn, "Py_CLEAR(%s);", we->ex);
    check(fn, pyx_arena_printf(A, "%s < 0", we->r), we->loc);
}

/* with A as a, B as b: body  ==  with A as a: (with B as b: body)
   On an exception __exit__ gets it (as sys.exc_info() too) and decides
   whether it goes on; on return or normal exit __exit__(None, None, None). */
void emit_with_items(Fn *fn, PyxNode *s, int k)
{
    if (k == s->items.len) {
        emit_stmts(fn, &s->body);
        return;
    }
    PyxNode *item = s->items.items[k];
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Val mgr = emit_value(fn, item->value);
    bool async = (s->flags & PYX_F(ASYNC)) != 0;
    const char *ex = temp(fn, &pyx_type_object), *value = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_%swith_enter(%s, &%s);", value, async ? "async_" : "", mgr.c, ex);
    release(fn, mgr);
    check(fn, pyx_arena_printf(A, "!%s", value), item->loc);
    if (async)   /* __aenter__()'s awaitable, awaited (__aexit__ is in ex) */
        value = emit_await_value(fn, (Val){value, &pyx_type_object, true}, "PYX_AWAIT_AENTER", item->loc, NULL, NULL).c;
    /* from here on __exit__ must run whatever happens */
    Label *err = new_error_label(fn, "with_error"), *ret = new_label(fn, "with_return");
    Label *end = new_label(fn, "with_end");
    fn->err = err;
    fn->ret = ret;
    Exits x;
    open_exits(fn, &x, "with");
    int first_temp = fn->notemps;
    if (item->target)
        assign_to(fn, item->target, (Val){value, &pyx_type_object, true});
    else
        line(fn, "Py_CLEAR(%s);", value);
    emit_with_items(fn, s, k + 1);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    fn->ret = outer_ret;
    close_exits(fn, &x);
    WithExit we = {temp(fn, &pyx_type_int), ex, item->loc, async};
    exit_with(fn, &we);
    if (!err->used && !err->skip->used && !ret->used && !exits_used(&x))
        return;
    line(fn, "goto %s;", jump(end));
    if (ret->used) {
        place_label(fn, ret);
        exit_with(fn, &we);
        line(fn, "goto %s;", jump(outer_ret));
    }
    place_exits(fn, &x, exit_with, &we);
    const char *r = we.r;
    if (err->used || err->skip->used) {
        const char *exc = temp(fn, &pyx_type_object);
        const char *saved = pyx_name_saved_exc(A, "hx", ++fn->nlabel);
        buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
        enter_error_block(fn, err, first_temp, end_temp);
        line(fn, "%s = pyx_rt_exc_catch();", exc);
        if (fn->trace_lines)   /* the with line (emit_trace.c); a tracer that raises wins, as __exit__ would */
            line(fn, "if (PYX_UNLIKELY(pyx_trace != NULL) && pyx_rt_trace_line(pyx_trace, %u) < 0) { Py_CLEAR(%s); Py_CLEAR(%s); pyx_lineno = %u; goto %s; }",
                 s->loc.line, exc, ex, s->loc.line, jump(outer_err));
        line(fn, "pyx_rt_exc_enter(%s, %s);", exc, saved);
        if (async) {   /* __aexit__(type, exc, tb) awaited, then its truth */
            const char *aw = temp(fn, &pyx_type_object);
            const char *undo = pyx_arena_printf(A, "pyx_rt_exc_leave(%s); Py_CLEAR(%s);", saved, exc);
            line(fn, "%s = pyx_rt_async_with_exit(%s, %s);", aw, ex, exc);
            line(fn, "Py_CLEAR(%s);", ex);
            line(fn, "if (PYX_UNLIKELY(!%s)) { %s pyx_lineno = %u; goto %s; }", aw, undo, item->loc.line, jump(outer_err));
            fn->lineno_used = 1;
            Label *inner_err = fn->err;
            fn->err = outer_err;
            Val res = emit_await_value(fn, (Val){aw, &pyx_type_object, true}, "PYX_AWAIT_AEXIT", item->loc, undo, NULL);
            fn->err = inner_err;
            line(fn, "%s = PyObject_IsTrue(%s);", r, res.c);
            release(fn, res);
        } else {
            line(fn, "%s = pyx_rt_with_exit(%s, %s);", r, ex, exc);
        }
        line(fn, "pyx_rt_exc_leave(%s);", saved);
        line(fn, "Py_CLEAR(%s);", ex);
        line(fn, "if (%s < 0) {", r);
        line(fn, "    Py_CLEAR(%s);", exc);
        line(fn, "    pyx_lineno = %u; goto %s;", item->loc.line, jump(outer_err));
        line(fn, "}");
        line(fn, "if (%s) {", r);
        line(fn, "    Py_CLEAR(%s);", exc);   /* suppressed */
        line(fn, "    goto %s;", jump(end));
        line(fn, "}");
        line(fn, "pyx_rt_exc_rethrow(%s);", exc);
        line(fn, "%s = NULL;", exc);
        line(fn, "goto %s;", jump(outer_err->skip));
    }
    place_label(fn, end);
}

/* The end of 'except E as name': Python deletes the name. */
static void unbind_handler_name(Fn *fn, PyxNode *h)
{
    if (h->target == NULL)
        return;
    PyxSymbol *sym = h->target->sym;
    if (sym->kind == PYX_SYM_CLASSVAR)
        class_name_unbind(fn, sym);
    else if (sym->kind == PYX_SYM_CELL)
        line(fn, "pyx_rt_cell_set(%s, NULL);", sym->cname);
    else if (sym->kind == PYX_SYM_LOCAL || sym->kind == PYX_SYM_CGLOBAL)
        line(fn, "Py_CLEAR(%s);", sym->cname);
    else
        line(fn, "if (PyDict_DelItem(pyx_d, %s) < 0) PyErr_Clear();", name_const(fn->E, sym->name));
}

/* The way out of an except handler, whichever way it ends. */
typedef struct HandlerExit {
    const char *saved, *exc;
    PyxNode *h;
} HandlerExit;

static void leave_handler(Fn *fn, void *ctx)
{
    HandlerExit *he = ctx;
    line(fn, "pyx_rt_exc_leave(%s);", he->saved);
    line(fn, "Py_CLEAR(%s);", he->exc);
    unbind_handler_name(fn, he->h);
}

/* try: body (except [E [as name]]: handler)* [else: ...]
   An error in the body lands at the handlers with this frame's traceback
   entry added (as CPython's traceback shows the frame that caught it); the
   first matching handler runs with the exception as sys.exc_info() and as
   the context of anything raised in it; no match re-raises without adding
   the frame again. */
void emit_try_except(Fn *fn, PyxNode *s)
{
    Label *outer_err = fn->err, *outer_ret = fn->ret;
    Label *handlers = new_error_label(fn, "except"), *end = new_label(fn, "try_end");
    fn->err = handlers;
    int first_temp = fn->notemps;   /* temps live before the try stay live */
    line(fn, "/* try */");
    emit_stmts(fn, &s->body);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    if (s->orelse.len) {
        line(fn, "/* else */");
        emit_stmts(fn, &s->orelse);
    }
    if (!handlers->used && !handlers->skip->used)
        return;
    line(fn, "goto %s;", jump(end));
    const char *exc = temp(fn, &pyx_type_object);
    enter_error_block(fn, handlers, first_temp, end_temp);
    line(fn, "%s = pyx_rt_exc_catch();", exc);
    for (int i = 0; i < s->handlers.len; i++) {
        PyxNode *h = s->handlers.items[i];
        int opened = 0;
        trace_line_at(fn, h->loc.line);   /* linetrace: the except line as it is tested */
        if (h->value) {
            Val t = emit_value(fn, h->value);
            const char *m = temp(fn, &pyx_type_int);
            line(fn, "%s = pyx_rt_exc_matches(%s, %s);", m, exc, t.c);
            release(fn, t);
            check(fn, pyx_arena_printf(A, "%s < 0", m), h->loc);
            line(fn, "if (%s) {", m);
            fn->indent++;
            opened = 1;
        }
        const char *saved = pyx_name_saved_exc(A, "hx", ++fn->nlabel);
        buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
        line(fn, "pyx_rt_exc_enter(%s, %s);", exc, saved);
        if (h->target)
            assign_to(fn, h->target, (Val){exc, &pyx_type_object, false});
        Label *herr = new_error_label(fn, "handler_error"), *hret = new_label(fn, "handler_return");
        fn->err = herr;
        fn->ret = hret;
        Exits x;
        open_exits(fn, &x, "handler");
        emit_stmts(fn, &h->body);
        fn->err = outer_err;
        fn->ret = outer_ret;
        close_exits(fn, &x);
        HandlerExit he = {saved, exc, h};
        leave_handler(fn, &he);
        line(fn, "goto %s;", jump(end));
        Label *exits[3] = {herr, herr->skip, hret};
        Label *targets[3] = {outer_err, outer_err->skip, outer_ret};
        for (int k = 0; k < 3; k++) {
            if (!exits[k]->used)
                continue;
            place_label(fn, exits[k]);
            leave_handler(fn, &he);
            line(fn, "goto %s;", jump(targets[k]));
        }
        place_exits(fn, &x, leave_handler, &he);
        if (opened) {
            fn->indent--;
            line(fn, "}");
        }
        if (!h->value)
            break;   /* a bare except catches everything */
    }
    if (s->handlers.len && s->handlers.items[s->handlers.len - 1]->value) {
        /* nothing matched: the exception goes on, its traceback complete */
        line(fn, "pyx_rt_exc_rethrow(%s);", exc);
        line(fn, "%s = NULL;", exc);
        line(fn, "goto %s;", jump(outer_err->skip));
    }
    place_label(fn, end);
}

/* try: body (except* T [as name]: handler)+ [else: ...]  (Python 3.11+)
   The caught exception (orig) stays sys.exc_info() while the clauses are
   tried in turn; each takes its part off what is left (rest) and sees it
   as sys.exc_info() and as its name; what a handler raises is collected
   (excs) and the next clause is tried.  Then rt_excgroup.c works out what
   goes on, with no new traceback entry for this frame (CPython re-raises
   it).  Handlers never leave by return, break or continue (sema). */
void emit_try_except_star(Fn *fn, PyxNode *s)
{
    buf_printf(A, &fn->body, "#if PY_VERSION_HEX < 0x030B0000\n"
                             "#error \"except* needs Python 3.11 or newer\"\n#endif\n");
    Label *outer_err = fn->err;
    Label *handlers = new_error_label(fn, "except_star"), *end = new_label(fn, "try_end");
    fn->err = handlers;
    int first_temp = fn->notemps;
    line(fn, "/* try */");
    emit_stmts(fn, &s->body);
    int end_temp = fn->notemps;
    fn->err = outer_err;
    if (s->orelse.len) {
        line(fn, "/* else */");
        emit_stmts(fn, &s->orelse);
    }
    if (!handlers->used && !handlers->skip->used)
        return;
    line(fn, "goto %s;", jump(end));
    const char *orig = temp(fn, &pyx_type_object), *rest = temp(fn, &pyx_type_object);
    const char *excs = temp(fn, &pyx_type_object), *res = temp(fn, &pyx_type_object);
    const char *saved = pyx_name_saved_exc(A, "hx", ++fn->nlabel);
    buf_printf(A, &fn->decl, "    PyObject *%s[3] = {NULL, NULL, NULL};\n", saved);
    enter_error_block(fn, handlers, first_temp, end_temp);
    line(fn, "%s = pyx_rt_exc_catch();", orig);
    line(fn, "pyx_rt_exc_enter(%s, %s);", orig, saved);
    line(fn, "Py_INCREF(%s);", orig);
    line(fn, "%s = %s;", rest, orig);
    Label *serr = new_error_label(fn, "except_star_error");
    fn->err = serr;
    for (int i = 0; i < s->handlers.len; i++) {
        PyxNode *h = s->handlers.items[i];
        trace_line_at(fn, h->loc.line);   /* linetrace: the except* line as it is tested */
        Val t = emit_value(fn, h->value);
        const char *m = temp(fn, &pyx_type_int), *match = temp(fn, &pyx_type_object);
        line(fn, "%s = pyx_rt_exc_star_match(&%s, %s, &%s);", m, rest, t.c, match);
        release(fn, t);
        check(fn, pyx_arena_printf(A, "%s < 0", m), h->loc);
        line(fn, "if (%s) {", m);
        fn->indent++;
        if (h->target)
            assign_to(fn, h->target, (Val){match, &pyx_type_object, false});
        Label *herr = new_error_label(fn, "star_handler_error"), *next = new_label(fn, "star_next");
        fn->err = herr;
        int hfirst = fn->notemps;
        emit_stmts(fn, &h->body);
        int hend = fn->notemps;
        fn->err = serr;
        unbind_handler_name(fn, h);
        line(fn, "Py_CLEAR(%s);", match);
        if (herr->used || herr->skip->used) {
            line(fn, "goto %s;", jump(next));
            enter_error_block(fn, herr, hfirst, hend);
            line(fn, "%s = pyx_rt_exc_star_raised(&%s);", m, excs);   /* before the name goes */
            unbind_handler_name(fn, h);
            line(fn, "Py_CLEAR(%s);", match);
            check(fn, pyx_arena_printf(A, "%s < 0", m), h->loc);
            place_label(fn, next);
        }
        fn->indent--;
        line(fn, "}");
    }
    const char *m = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_exc_star_finish(%s, %s, %s, &%s);", m, orig, excs, rest, res);
    check(fn, pyx_arena_printf(A, "%s < 0", m), s->loc);
    fn->err = outer_err;
    line(fn, "pyx_rt_exc_leave(%s);", saved);
    line(fn, "Py_CLEAR(%s);", orig);
    line(fn, "Py_CLEAR(%s);", rest);
    line(fn, "Py_CLEAR(%s);", excs);
    line(fn, "if (%s != NULL) {", res);
    line(fn, "    pyx_rt_exc_rethrow(%s);", res);
    line(fn, "    %s = NULL;", res);
    line(fn, "    goto %s;", jump(outer_err->skip));
    line(fn, "}");
    if (serr->used || serr->skip->used) {
        line(fn, "goto %s;", jump(end));
        Label *l[2] = {serr, serr->skip};
        Label *to[2] = {outer_err, outer_err->skip};
        for (int k = 0; k < 2; k++) {
            if (!l[k]->used)
                continue;
            place_label(fn, l[k]);
            line(fn, "pyx_rt_exc_leave(%s);", saved);
            line(fn, "Py_CLEAR(%s);", orig);
            line(fn, "Py_CLEAR(%s);", rest);
            line(fn, "Py_CLEAR(%s);", excs);
            line(fn, "goto %s;", jump(to[k]));
        }
    }
    place_label(fn, end);
}
