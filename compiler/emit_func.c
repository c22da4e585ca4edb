/* emit_func.c - one C function per Python function: the shell around the
 * body (locals, return value, error and exit labels), the METH_FASTCALL
 * wrapper that binds Python arguments, the static slots of parameter
 * defaults, and the 'def' statement that makes the function object.
 */
#include "emit_int.h"

/* ---- functions ------------------------------------------------------------------------------ */

void fn_init(Fn *fn, Emit *E, PyxFunc *f, const char *tb_name)
{
    memset(fn, 0, sizeof *fn);
    fn->E = E;
    fn->f = f;
    fn->indent = 1;
    fn->err_main.name = "pyx_L_error";
    fn->err_main_skip.name = "pyx_L_error_tb";
    fn->err_main.skip = &fn->err_main_skip;
    fn->ret_main.name = "pyx_L_done";
    fn->err = &fn->err_main;
    fn->ret = &fn->ret_main;
    fn->tb_name = tb_name;
}

static const char *c_params(Emit *E, PyxFunc *f, const char *first)
{
    Buf b = {0};
    if (first)
        buf_printf(E->a, &b, "%s", first);
    if (f->nfree)   /* a closure's cells come in a tuple before its parameters */
        buf_printf(E->a, &b, "%sPyObject *pyx_closure", first ? ", " : "");
    for (int i = 0; i < f->nparams; i++)
        buf_printf(E->a, &b, "%s%s", i || first || f->nfree ? ", " : "", pyx_type_decl(E->a, f->params[i]->type, f->params[i]->cname));
    return b.p ? b.p : "void";
}

/* f's C declaration under another name, with a parameter before its own
   (NULL: none): the body of a profiled function (emit_trace.c). */
const char *c_signature_as(Emit *E, PyxFunc *f, const char *name, const char *first)
{
    PyxType *rt = f->ret->kind == PYX_TY_ERROR ? &pyx_type_object : f->ret;
    return pyx_type_decl(E->a, rt, pyx_arena_printf(E->a, "%s(%s)", name, c_params(E, f, first)));
}

const char *c_signature(Emit *E, PyxFunc *f)
{
    return c_signature_as(E, f, f->cname, NULL);
}

/* Parameter defaults are evaluated when the def statement runs (Python's
   rule, Cython's for cdef functions too) into one static slot each. */
void declare_default_slots(Emit *E, PyxFunc *f)
{
    PyxNode *def = f->def;
    if (f->closure)
        return;   /* a closure's are its function object's */
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (!p->value || !p->sym)
            continue;
        if (p->sym->type->kind == PYX_TY_OBJECT)
            buf_printf(E->a, &E->statics, "static PyObject *%s;\n", f->dflt[i]);
        else
            buf_printf(E->a, &E->statics, "static %s;\n", pyx_type_decl(E->a, p->sym->type, f->dflt[i]));
    }
}

/* ---- closures ---- */

/* At entry: a cell for each of the function's variables that a def or
   lambda inside uses; a captured parameter's holds the argument, a
   declared C number's its zero (C would start it there), the others' are
   empty.  (A comprehension's variables get theirs each time it runs.) */
static void make_cells(Fn *fn, PyxFunc *f)
{
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
        check(fn, pyx_arena_printf(A, "!%s", s->cname), f->def->loc);
    }
}

/* The C body of a Python/C function. */
void emit_function(Emit *E, PyxFunc *f)
{
    if (f->generator) {   /* a resumable body and the function that makes the generator */
        emit_generator(E, f);
        return;
    }
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, f, pyx_arena_printf(E->a, "%s.%s", E->m->qualname, f->qualname));
    PyxType *rt = f->ret;
    /* the cells of the enclosing functions' variables, from the closure */
    for (int i = 0; i < f->nfree; i++)   /* (a method naming 'super' has __class__, used or not) */
        buf_printf(E->a, &fn->decl, "    %sPyObject *%s = PyTuple_GET_ITEM(pyx_closure, %d);   /* borrowed */\n",
                   strcmp(f->freevars[i]->name, "__class__") == 0 ? "PYX_UNUSED " : "", f->freevars[i]->cname, i);
    /* locals */
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->is_param)
            continue;
        /* a C local the source never reads would draw gcc's unused warnings */
        const char *unused = s->read ? "" : "PYX_UNUSED ";
        if (s->type->kind == PYX_TY_OBJECT || s->kind == PYX_SYM_CELL)
            buf_printf(E->a, &fn->decl, "    PyObject *%s = NULL;\n", s->cname);
        else if (s->type->kind == PYX_TY_ARRAY)
            buf_printf(E->a, &fn->decl, "    %s%s;\n", unused, pyx_type_decl(E->a, s->type, s->cname));
        else
            buf_printf(E->a, &fn->decl, "    %s%s = 0;\n", unused, pyx_type_decl(E->a, s->type, s->cname));
    }
    /* object parameters are owned by the body: a reassignment releases them;
       a C parameter the body never reads would draw -Wunused-parameter */
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i]->type->kind == PYX_TY_OBJECT)
            line(fn, "Py_INCREF(%s);", f->params[i]->cname);
        else if (!f->params[i]->read)
            line(fn, "(void)%s;", f->params[i]->cname);
    make_cells(fn, f);
    trace_enter(fn);   /* profiled functions (emit_trace.c) */
    emit_stmts(fn, &f->def->body);
    /* falling off the end returns None (or 0 / nothing for C functions) */
    if (rt->kind == PYX_TY_OBJECT && (!f->flow || f->flow->falls_off_end)) {
        line(fn, "Py_INCREF(Py_None);");
        line(fn, "pyx_r = Py_None;");
    }
    Buf out = {0};
    buf_printf(E->a, &out, "/* %s:%u: %s %s */\n", E->src_comment, f->def->loc.line,
               f->is_c ? (f->is_py ? "cpdef" : "cdef") : "def", f->name);
    if (f->profile)   /* the body, inlined into the function and its reported calls (emit_trace.c) */
        buf_printf(E->a, &out, "static inline PYX_ALWAYS_INLINE %s\n{\n", c_signature_as(E, f, f->trace_body, "PyxRtTrace *pyx_trace"));
    else
        buf_printf(E->a, &out, "static %s%s\n{\n", (f->def->flags & PYX_F(INLINE)) ? "inline " : "", c_signature(E, f));
    if (rt->kind == PYX_TY_OBJECT)
        buf_printf(E->a, &out, "    PyObject *pyx_r = NULL;\n");
    else if (rt->kind != PYX_TY_VOID)
        buf_printf(E->a, &out, "    %s = 0;\n", pyx_type_decl(E->a, rt, "pyx_r"));
    if (fn->lineno_used)
        buf_printf(E->a, &out, "    int pyx_lineno = 0;\n");
    buf_append(E->a, &out, &fn->decl);
    drop_trailing_jump(fn, &fn->ret_main);   /* a last 'return' falls through to the exit */
    bool errors = fn->err_main.used || fn->err_main_skip.used;
    if (errors && f->nothrow)
        pyx_unreachable(__FILE__, __LINE__, pyx_arena_printf(E->a, "'%s' was found not to raise, but its C "
                                                             "checks for errors (analysis.c missed a case)", f->name));
    if (errors)
        line(fn, "goto %s;", jump(&fn->ret_main));   /* around the error block */
    buf_append(E->a, &out, &fn->body);
    buf_printf(E->a, &out, "%s", LINE_RESET);
    if (errors) {
        if (fn->err_main.used) {
            buf_printf(E->a, &out, "pyx_L_error:;\n");
            for (int i = 0; i < fn->notemps; i++)
                buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", fn->otemps[i]);
            buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", %s, pyx_lineno, NULL);\n", fn->tb_name, E->src_lit);
            if (trace_exception(fn))
                buf_printf(E->a, &out, "    %s\n", trace_exception(fn));
        }
        if (fn->err_main_skip.used)
            buf_printf(E->a, &out, "pyx_L_error_tb:;\n");
        if (f->is_c && f->exc == PYX_EXC_NONE) {
            buf_printf(E->a, &out, "    pyx_rt_write_unraisable(\"%s\");\n", fn->tb_name);
            if (rt->kind == PYX_TY_OBJECT)
                buf_printf(E->a, &out, "    Py_XSETREF(pyx_r, Py_None);\n    Py_INCREF(Py_None);\n");
            else if (rt->kind != PYX_TY_VOID)
                buf_printf(E->a, &out, "    pyx_r = 0;\n");
        } else if (rt->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &out, "    Py_CLEAR(pyx_r);\n");
        } else if (rt->kind != PYX_TY_VOID) {
            buf_printf(E->a, &out, "    pyx_r = %s;\n", f->exc_value ? f->exc_value : "0");
        }
    }
    if (fn->ret_main.used)
        buf_printf(E->a, &out, "pyx_L_done:;\n");
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->type->kind == PYX_TY_OBJECT || s->kind == PYX_SYM_CELL)
            buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", s->cname);
    }
    if (rt->kind != PYX_TY_VOID)
        buf_printf(E->a, &out, "    return pyx_r;\n");
    buf_printf(E->a, &out, "}\n\n");
    trace_shell(fn, &out);
    buf_append(E->a, &E->funcs, &out);
}

/* co_cellvars: the names of f's own variables that live in cells, by name
   (CPython's order).  Its comprehensions' are theirs, not f's. */
static void cellvar_names(Emit *E, PyxFunc *f, Buf *out)
{
    const char **names = pyx_arena_alloc(E->a, sizeof(char *) * (size_t)(f->nlocals + 1));
    int n = 0;
    for (int i = 0; i < f->nlocals; i++) {
        PyxSymbol *s = f->locals[i];
        if (s->kind != PYX_SYM_CELL || s->hidden)
            continue;
        int at = n++;
        while (at > 0 && strcmp(names[at - 1], s->name) > 0) {
            names[at] = names[at - 1];
            at--;
        }
        names[at] = s->name;
    }
    for (int i = 0; i < n; i++)
        buf_printf(E->a, out, "\"%s\", ", names[i]);
}

/* The Python-callable wrapper: binds the call to the signature, converts
   typed arguments with Cython's errors, calls the C body and boxes a C
   result. */
void emit_wrapper(Emit *E, PyxFunc *f)
{
    PyxNode *def = f->def;
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, f, pyx_arena_printf(E->a, "%s.%s", E->m->qualname, f->qualname));
    int n = f->nparams, npos = 0, nposonly = 0, nrequired = 0, nkwonly = 0;
    Buf names = {0}, refs = {0}, kwreq = {0};
    bool seen_default = false;
    bool varargs = false, varkw = false;
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (p->op == PYX_PARAM_VARARGS || p->op == PYX_PARAM_VARKW) {
            varargs |= p->op == PYX_PARAM_VARARGS;
            varkw |= p->op == PYX_PARAM_VARKW;
            continue;
        }
        buf_printf(E->a, &names, "\"%s\", ", p->name);
        buf_printf(E->a, &refs, "&%s, ", name_const(E, p->name));
        if (p->op == PYX_PARAM_KWONLY) {
            nkwonly++;
            buf_printf(E->a, &kwreq, "%d, ", p->value == NULL);
        } else {
            npos++;
            if (p->op == PYX_PARAM_POSONLY)
                nposonly++;
            if (p->value)
                seen_default = true;
            else if (!seen_default)
                nrequired++;
        }
    }
    /* the signature: the wrapper binds calls to it, the function object shows it */
    buf_printf(E->a, &E->statics, "static const PyxRtArgSpec %s = {\n"
                                  "    .qualname = \"%s\", .names = (const char *const[]){%sNULL},\n"
                                  "    .name_refs = (PyObject **const[]){%sNULL},\n"
                                  "    .npos = %d, .nposonly = %d, .nrequired = %d, .nkwonly = %d,\n"
                                  "    .kwonly_required = %s, .varargs = %d, .varkw = %d,\n};\n",
               f->spec, f->qualname, names.p ? names.p : "", refs.p ? refs.p : "", npos, nposonly, nrequired, nkwonly,
               nkwonly ? pyx_arena_printf(E->a, "(const unsigned char[]){%s}", kwreq.p) : "NULL", varargs, varkw);
    Buf out = {0};
    buf_printf(E->a, &out, "static PyObject *%s(PyObject *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)\n{\n", f->wcname);
    buf_printf(E->a, &out, "    PyObject *values[%d];\n", n ? n : 1);
    if (varargs || varkw)
        buf_printf(E->a, &out, "    PyObject *star_args = NULL, *star_kwargs = NULL;\n");
    buf_printf(E->a, &out, "    (void)self;\n");
    /* a call from Python: RecursionError rather than a C stack overflow */
    buf_printf(E->a, &out, "    if (PYX_UNLIKELY(pyx_rt_stack_check() < 0))\n        return NULL;\n");
    buf_printf(E->a, &out, "    if (pyx_rt_parse_args(&%s, args, nargs, kwnames, values, %s, %s) < 0)\n        return NULL;\n",
               f->spec, varargs ? "&star_args" : "NULL", varkw ? "&star_kwargs" : "NULL");
    Buf call = {0};
    if (f->nfree)   /* the closure's cells, from the function object */
        buf_printf(E->a, &call, "PYX_FUNC_CLOSURE(self)%s", n ? ", " : "");
    bool any_conv = false;
    int vi = 0;   /* index into values: *args and **kwargs have no slot */
    int k = 0;    /* index into a closure's defaults */
    for (int i = 0; i < n; i++) {
        PyxSymbol *p = f->params[i];
        PyxNode *pn = def->params.items[i];
        if (pn->op == PYX_PARAM_VARARGS || pn->op == PYX_PARAM_VARKW) {
            buf_printf(E->a, &call, "%s%s", i ? ", " : "", pn->op == PYX_PARAM_VARARGS ? "star_args" : "star_kwargs");
            continue;
        }
        int v = vi++;
        const char *dflt = f->dflt[i];
        if (pn->value && f->closure)   /* a closure's defaults are its function object's */
            dflt = pyx_arena_printf(E->a, "PYX_FUNC_DEFAULT(self, %d)", k++);
        if (p->type->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &out, "    PyObject *%s = values[%d]%s;\n", p->cname, v,
                       pn->value ? pyx_arena_printf(E->a, " ? values[%d] : %s", v, dflt) : "");
            if (p->type->builtin != PYX_BI_NONE) {
                any_conv = true;
                buf_printf(E->a, &out, "    if (pyx_rt_arg_type_test(%s, %s, %d, \"%s\") < 0) goto pyx_L_error;\n",
                           p->cname, type_object_of(p->type->builtin), !(pn->flags & PYX_F(NOT_NONE)), p->name);
            } else if (pn->flags & PYX_F(NOT_NONE)) {
                any_conv = true;
                buf_printf(E->a, &out, "    if (%s == Py_None) { PyErr_SetString(PyExc_TypeError, \"Argument '%s' must not be None\"); goto pyx_L_error; }\n",
                           p->cname, p->name);
            }
        } else {
            any_conv = true;
            buf_printf(E->a, &out, "    %s;\n", pyx_type_decl(E->a, p->type, p->cname));
            const char *rt = p->type->kind == PYX_TY_BINT ? "bint" : p->type->rt;
            const char *conv;
            if (p->type->kind == PYX_TY_FLOAT && p->type != &pyx_type_double)
                conv = pyx_arena_printf(E->a, "{ double d_; if (pyx_rt_as_double(values[%d], &d_) < 0) goto pyx_L_error; %s = (float)d_; }", v, p->cname);
            else
                conv = pyx_arena_printf(E->a, "if (pyx_rt_as_%s(values[%d], &%s) < 0) goto pyx_L_error;", rt, v, p->cname);
            if (pn->value && f->closure)   /* the default is an object too: converted the same way */
                buf_printf(E->a, &out, "    if (!values[%d]) values[%d] = %s;\n    %s\n", v, v, dflt, conv);
            else if (pn->value)
                buf_printf(E->a, &out, "    if (!values[%d]) %s = %s; else %s\n", v, p->cname, dflt, conv);
            else
                buf_printf(E->a, &out, "    %s\n", conv);
        }
        buf_printf(E->a, &call, "%s%s", i ? ", " : "", p->cname);
    }
    PyxType *rt = f->ret;
    if (varargs || varkw) {
        /* the body takes its own references: release the wrapper's after the call */
        /* (only def functions take them, so the result is an object) */
        buf_printf(E->a, &out, "    PyObject *res = %s(%s);\n", f->cname, call.p ? call.p : "");
        buf_printf(E->a, &out, "    Py_XDECREF(star_args);\n    Py_XDECREF(star_kwargs);\n    return res;\n");
    } else if (rt->kind == PYX_TY_OBJECT) {
        buf_printf(E->a, &out, "    return %s(%s);\n", f->cname, call.p ? call.p : "");
    } else if (rt->kind == PYX_TY_VOID) {
        buf_printf(E->a, &out, "    %s(%s);\n", f->cname, call.p ? call.p : "");
        if (f->exc != PYX_EXC_NONE && !f->nothrow)
            buf_printf(E->a, &out, "    if (PyErr_Occurred()) return NULL;\n");
        buf_printf(E->a, &out, "    Py_RETURN_NONE;\n");
    } else {
        buf_printf(E->a, &out, "    %s = %s(%s);\n", pyx_type_decl(E->a, rt, "r"), f->cname, call.p ? call.p : "");
        const char *test = f->exc != PYX_EXC_NONE ? exc_test(fn, f, "r") : NULL;
        if (test)
            buf_printf(E->a, &out, "    if (%s) return NULL;\n", test);
        buf_printf(E->a, &out, "    return %s(r);\n", rt->kind == PYX_TY_INT && rt->rank < 4 && !rt->is_signed ? "PyLong_FromLong" : rt->from_c);
    }
    if (any_conv) {
        buf_printf(E->a, &out, "pyx_L_error:\n");
        if (varargs || varkw)
            buf_printf(E->a, &out, "    Py_XDECREF(star_args);\n    Py_XDECREF(star_kwargs);\n");
        buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", %s, %u, NULL);\n", fn->tb_name, E->src_lit, def->loc.line);
        buf_printf(E->a, &out, "    return NULL;\n");
    }
    buf_printf(E->a, &out, "}\n\n");
    buf_append(E->a, &E->funcs, &out);
    /* the method definition */
    buf_printf(E->a, &E->statics, "static PyObject *%s(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);\n", f->wcname);
    buf_printf(E->a, &E->statics, "static PyMethodDef %s = {\"%s\", (PyCFunction)(void (*)(void))%s, METH_FASTCALL | METH_KEYWORDS, %s};\n",
               f->mdef, f->name, f->wcname, f->doc ? c_string(E->a, f->doc, (uint32_t)f->doc_len) : "NULL");
    /* the function object's description (runtime/rt_func.c) */
    const char *star[2] = {"NULL", "NULL"};
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (p->op == PYX_PARAM_VARARGS || p->op == PYX_PARAM_VARKW)
            star[p->op == PYX_PARAM_VARKW] = pyx_arena_printf(E->a, "\"%s\"", p->name);
    }
    Buf ann = {0};
    for (int i = 0; i < f->nannotations; i++)
        buf_printf(E->a, &ann, "\"%s\", ", f->annotations[i].name);
    Buf cl = {0}, cv = {0};
    cellvar_names(E, f, &cv);
    if (f->closure || cv.p) {   /* its code object's co_freevars and co_cellvars */
        Buf fv = {0};
        for (int i = 0; i < f->nfree; i++)
            buf_printf(E->a, &fv, "\"%s\", ", f->freevars[i]->name);
        buf_printf(E->a, &cl, "    .freevars = %s, .cellvars = %s, .nested = %d,%s\n",
                   fv.p ? pyx_arena_printf(E->a, "(const char *const[]){%sNULL}", fv.p) : "NULL",
                   cv.p ? pyx_arena_printf(E->a, "(const char *const[]){%sNULL}", cv.p) : "NULL", f->nested,
                   f->closure ? "\n    .cache = &(PyxRtFuncCache){NULL, NULL, NULL}," : "");
    }
    buf_printf(E->a, &E->statics, "static const PyxRtFuncDef %s = {\n"
                                  "    .ml = &%s, .spec = &%s, .varargs = %s, .varkw = %s,\n"
                                  "    .annotated = %s, .nannotations = %d,\n"
                                  "    .filename = %s, .firstlineno = %u,\n%s%s};\n",
               f->fdef, f->mdef, f->spec, star[0], star[1],
               ann.p ? pyx_arena_printf(E->a, "(const char *const[]){%sNULL}", ann.p) : "NULL", f->nannotations,
               E->src_lit, def->loc.line, cl.p ? cl.p : "", f->async_gen ? "    .generator = 3,\n" : f->coroutine ? "    .generator = 2,\n" : f->generator ? "    .generator = 1,\n" : "");
}

/* A literal: its object is a constant of the module, alive as long as it. */
static bool is_literal(const PyxNode *e)
{
    switch (e->kind) {
    case PYX_NODE_INT: case PYX_NODE_FLOAT: case PYX_NODE_IMAG: case PYX_NODE_STR: case PYX_NODE_TRUE:
    case PYX_NODE_FALSE: case PYX_NODE_NONE: case PYX_NODE_ELLIPSIS:
        return true;
    default:
        return false;
    }
}

/* v as an object this code owns (a borrowed one increfed into a temp). */
Val owned_object(Fn *fn, Val v, PyxLoc loc)
{
    v = to_object(fn, v, loc);
    if (v.owned)
        return v;
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = %s; Py_INCREF(%s);", t, v.c, t);
    return (Val){t, &pyx_type_object, true};
}

/* An interned str constant holding text (an annotation as a string). */
const char *text_const(Emit *E, const char *text)
{
    uint32_t n = (uint32_t)strlen(text);
    const char *c = new_const(E, "PyUnicode_DecodeUTF8(%s, %u, \"surrogatepass\")", c_string(E->a, text, n), n);
    buf_printf(E->a, &E->const_init, "    PyUnicode_InternInPlace(&%s);\n", c);
    return c;
}

/* 'def f(...)' executing in the module body: evaluate the defaults, make the
   function object and bind it in the module dict. */
void emit_def_statement(Fn *fn, PyxNode *s)
{
    PyxFunc *f = s->func;
    if (f == NULL)
        return;
    if (f->closure) {   /* a def in a loop: each object keeps its own defaults */
        store_symbol(fn, s->sym, emit_closure(fn, s), s->loc);
        return;
    }
    /* the decorators first, top to bottom (CPython's order), each kept as an object */
    int ndec = f->decorators.len;
    Val *decs = pyx_arena_alloc(A, sizeof *decs * (size_t)(ndec + 1));
    for (int i = 0; i < ndec; i++) {
        decs[i] = emit_value(fn, f->decorators.items[i]);
        if (!decs[i].owned) {
            const char *t = temp(fn, &pyx_type_object);
            line(fn, "%s = %s; Py_INCREF(%s);", t, decs[i].c, t);
            decs[i] = (Val){t, &pyx_type_object, true};
        }
    }
    for (int i = 0; i < s->params.len; i++) {
        PyxNode *p = s->params.items[i];
        if (!p->value)
            continue;
        const char *slot = f->dflt[i];
        Val v = emit_value(fn, p->value);
        if (p->sym->type->kind == PYX_TY_OBJECT)
            store_object(fn, slot, v, p->loc);
        else
            line(fn, "%s = %s;", slot, v.c);
    }
    if (!f->is_py)
        return;   /* a cdef function is no Python object */
    /* the defaults as objects, in signature order (the C ones boxed) */
    Buf dv = {0};
    Val *owned = pyx_arena_alloc(A, sizeof *owned * (size_t)(s->params.len + f->nannotations + 1));
    int nowned = 0;
    for (int i = 0; i < s->params.len; i++) {
        PyxNode *p = s->params.items[i];
        if (!p->value)
            continue;
        Val v = to_object(fn, cval(f->dflt[i], p->sym->type), p->loc);
        if (v.owned)
            owned[nowned++] = v;
        buf_printf(A, &dv, "%s%s", dv.p ? ", " : "", v.c);
    }
    /* then the annotations: evaluated, or strings (signature.c decided) */
    Buf av = {0};
    for (int i = 0; i < f->nannotations; i++) {
        PyxAnnotation *an = &f->annotations[i];
        Val v;
        if (an->text) {
            v = cval(text_const(fn->E, an->text), &pyx_type_object);
        } else {
            v = to_object(fn, emit_value(fn, an->expr), an->expr->loc);
            if (v.owned)
                owned[nowned++] = v;
        }
        buf_printf(A, &av, "%s%s", av.p ? ", " : "", v.c);
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_function_new(&%s, pyx_m, %s, %s);", t, f->fdef,
         dv.p ? pyx_arena_printf(A, "(PyObject *const[]){%s}", dv.p) : "NULL",
         av.p ? pyx_arena_printf(A, "(PyObject *const[]){%s}", av.p) : "NULL");
    for (int i = 0; i < nowned; i++)
        release(fn, owned[i]);
    check(fn, pyx_arena_printf(A, "!%s", t), s->loc);
    for (int i = ndec - 1; i >= 0; i--) {   /* applied bottom-up: f = d1(d2(f)) */
        const char *d = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_CallFunctionObjArgs(%s, %s, NULL);", d, decs[i].c, t);
        line(fn, "Py_CLEAR(%s);", t);
        release(fn, decs[i]);
        check(fn, pyx_arena_printf(A, "!%s", d), f->decorators.items[i]->loc);
        t = d;
    }
    const char *r = temp(fn, &pyx_type_int);
    line(fn, "%s = PyDict_SetItem(pyx_d, %s, %s);", r, name_const(fn->E, f->name), t);
    line(fn, "Py_CLEAR(%s);", t);
    check(fn, pyx_arena_printf(A, "%s < 0", r), s->loc);
}

/* A def inside a function, or a lambda, running: its decorators (top to
   bottom), its defaults and annotations are evaluated where it stands, its
   closure is made of the cells it uses, and pyx_rt_closure_new makes a new
   function object, to which the decorators apply bottom-up.  Returns it
   (owned). */
Val emit_closure(Fn *fn, PyxNode *def)
{
    PyxFunc *f = def->func;
    int ndec = f->decorators.len;
    Val *decs = pyx_arena_alloc(A, sizeof *decs * (size_t)(ndec + 1));
    for (int i = 0; i < ndec; i++)
        decs[i] = owned_object(fn, emit_value(fn, f->decorators.items[i]), f->decorators.items[i]->loc);
    /* the defaults, each kept (what a later one runs cannot take it away) */
    Val *owned = pyx_arena_alloc(A, sizeof *owned * (size_t)(def->params.len + f->nannotations + 2));
    int nowned = 0;
    Buf dv = {0}, av = {0};
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *p = def->params.items[i];
        if (!p->value)
            continue;
        Val v = to_object(fn, emit_value(fn, p->value), p->loc);
        if (!v.owned && !is_literal(p->value))
            v = owned_object(fn, v, p->loc);
        if (v.owned)
            owned[nowned++] = v;
        buf_printf(A, &dv, "%s%s", dv.p ? ", " : "", v.c);
    }
    for (int i = 0; i < f->nannotations; i++) {
        PyxAnnotation *an = &f->annotations[i];
        Val v;
        if (an->text) {
            v = cval(text_const(fn->E, an->text), &pyx_type_object);
        } else {
            v = owned_object(fn, emit_value(fn, an->expr), an->expr->loc);
            owned[nowned++] = v;
        }
        buf_printf(A, &av, "%s%s", av.p ? ", " : "", v.c);
    }
    const char *cells = "NULL";
    if (f->nfree) {
        Buf cb = {0};
        for (int i = 0; i < f->nfree; i++)
            buf_printf(A, &cb, ", %s", f->closure_src[i]->cname);
        cells = temp(fn, &pyx_type_object);
        line(fn, "%s = PyTuple_Pack(%d%s);", cells, f->nfree, cb.p);
        check(fn, pyx_arena_printf(A, "!%s", cells), def->loc);
        owned[nowned++] = (Val){cells, &pyx_type_object, true};
    }
    const char *t = temp(fn, &pyx_type_object);
    line(fn, "%s = pyx_rt_closure_new(&%s, pyx_m, %s, %s, %s);", t, f->fdef,
         dv.p ? pyx_arena_printf(A, "(PyObject *const[]){%s}", dv.p) : "NULL",
         av.p ? pyx_arena_printf(A, "(PyObject *const[]){%s}", av.p) : "NULL", cells);
    for (int i = 0; i < nowned; i++)
        release(fn, owned[i]);
    check(fn, pyx_arena_printf(A, "!%s", t), def->loc);
    for (int i = ndec - 1; i >= 0; i--) {   /* applied bottom-up: f = d1(d2(f)) */
        const char *d = temp(fn, &pyx_type_object);
        line(fn, "%s = PyObject_CallFunctionObjArgs(%s, %s, NULL);", d, decs[i].c, t);
        line(fn, "Py_CLEAR(%s);", t);
        release(fn, decs[i]);
        check(fn, pyx_arena_printf(A, "!%s", d), f->decorators.items[i]->loc);
        t = d;
    }
    return (Val){t, &pyx_type_object, true};
}
