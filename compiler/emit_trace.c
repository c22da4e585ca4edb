/* emit_trace.c - the C of profiled functions (profile.c decides which):
 * they report their calls to Python's profilers and, with linetrace,
 * their lines and exceptions to its tracers, through runtime/rt_profile.c.
 * A profiled function f is three C functions:
 *
 *   static PyxRtCode pyx_code_f = {.name = "f", ..., .line = 3};
 *   static inline PYX_ALWAYS_INLINE long pyx_fb_m_f(PyxRtTrace *pyx_trace, int v_n)
 *   {   ...the body; with linetrace each statement reports its line:
 *       if (PYX_UNLIKELY(pyx_trace != NULL) && pyx_rt_trace_line(pyx_trace, 5) < 0) ...
 *   }
 *   static PYX_COLD long pyx_ft_m_f(int v_n)      a reported call
 *   {   call event, pyx_fb_m_f(&t, v_n), return event   }
 *   static long pyx_fu_m_f(int v_n)               the plain function
 *   {   return pyx_fb_m_f(NULL, v_n);   }
 *   static long pyx_f_m_f(int v_n)                what callers call
 *   {
 *       if (PYX_UNLIKELY(pyx_rt_trace_armed))
 *           return pyx_ft_m_f(v_n);
 *       return pyx_fu_m_f(v_n);
 *   }
 *
 * The body is inlined into both: in pyx_fu_m_f, with pyx_trace NULL, every
 * report folds away, and gcc sees the plain function behind one test of
 * a flag.  While nothing profiles, that test is the whole cost; a function
 * found not to raise calls the plain functions directly from its plain
 * body (trace_callee), so gcc still unrolls a recursive fib.  A function that cannot pass errors on (noexcept,
 * or found not to raise) prints a profiler's as unraisable instead.
 *
 * Lines are reported where CPython 3.11 reports them: at each statement
 * that runs code (not docstrings or declarations), a loop's header each
 * time round (and when it ends), an 'except' clause when it is tested, a
 * 'with' line when __exit__ runs.  A statement spread over several lines
 * reports its first only.
 */
#include "emit_int.h"

/* Can f pass a profiler's error on to its caller? */
static bool passes_errors(const PyxFunc *f)
{
    return !f->nothrow && !(f->is_c && f->exc == PYX_EXC_NONE);
}

/* At the top of a profiled function's body. */
void trace_enter(Fn *fn)
{
    PyxFunc *f = fn->f;
    if (f == NULL || !f->profile)
        return;
    fn->trace_lines = f->linetrace;
    line(fn, "(void)pyx_trace;");
}

/* The code object's static, the reported call and the function callers
   call, after the body (out). */
void trace_shell(Fn *fn, Buf *out)
{
    PyxFunc *f = fn->f;
    if (!f->profile)
        return;
    Emit *E = fn->E;
    buf_printf(A, &E->statics, "static PyxRtCode %s = {.name = \"%s\", .qualname = \"%s\", .file = %s, .line = %u%s%s};\n",
               f->trace_code, f->name, fn->tb_name, E->src_lit, f->def->loc.line, f->linetrace ? ", .lines = 1" : "",
               passes_errors(f) ? "" : ", .nothrow = 1");
    Buf args = {0};
    if (f->nfree)   /* a closure's cells */
        buf_printf(A, &args, ", pyx_closure");
    for (int i = 0; i < f->nparams; i++)
        buf_printf(A, &args, ", %s", f->params[i]->cname);
    const char *rest = args.p ? args.p : "";
    PyxType *rt = f->ret->kind == PYX_TY_ERROR ? &pyx_type_object : f->ret;
    bool value = rt->kind != PYX_TY_VOID;
    /* what the call returns when a profiler raised */
    const char *error = rt->kind == PYX_TY_OBJECT ? "NULL" : f->exc_value ? f->exc_value : "0";
    buf_printf(A, out, "static PYX_COLD %s\n{\n", c_signature_as(E, f, f->trace_cold, NULL));
    buf_printf(A, out, "    PyxRtTrace t;\n    int traced = pyx_rt_trace_call(&t, &%s, pyx_d);\n", f->trace_code);
    if (passes_errors(f))
        buf_printf(A, out, "    if (traced < 0)\n        return%s%s;\n", value ? " " : "", value ? error : "");
    buf_printf(A, out, "    %s%s(traced > 0 ? &t : NULL%s);\n", value ? pyx_type_decl(A, rt, "r = ") : "", f->trace_body, rest);
    const char *result = rt->kind == PYX_TY_OBJECT ? "r" : "NULL";
    if (!passes_errors(f))
        buf_printf(A, out, "    if (traced > 0)\n        (void)pyx_rt_trace_return(&t, %s);   /* errors: printed */\n", result);
    else if (rt->kind == PYX_TY_OBJECT)
        buf_printf(A, out, "    if (traced > 0 && pyx_rt_trace_return(&t, r) < 0)\n        Py_CLEAR(r);\n");
    else if (value)
        buf_printf(A, out, "    if (traced > 0 && pyx_rt_trace_return(&t, NULL) < 0)\n        r = %s;\n", error);
    else   /* the caller checks PyErr_Occurred() */
        buf_printf(A, out, "    if (traced > 0)\n        (void)pyx_rt_trace_return(&t, NULL);\n");
    if (value)
        buf_printf(A, out, "    return r;\n");
    buf_printf(A, out, "}\n\n");
    const char *plain = args.p ? args.p + 2 : "";
    buf_printf(A, out, "static %s\n{\n    %s%s(NULL%s);\n}\n\n", c_signature_as(E, f, f->trace_plain, NULL),
               value ? "return " : "", f->trace_body, rest);
    buf_printf(A, out, "static %s%s\n{\n", (f->def->flags & PYX_F(INLINE)) ? "inline " : "", c_signature(E, f));
    buf_printf(A, out, "    if (PYX_UNLIKELY(pyx_rt_trace_armed))\n        %s%s(%s);\n", value ? "return " : "",
               f->trace_cold, plain);
    if (!value)
        buf_printf(A, out, "    else\n        %s(%s);\n}\n\n", f->trace_plain, plain);
    else
        buf_printf(A, out, "    return %s(%s);\n}\n\n", f->trace_plain, plain);
}

/* The prototype of a profiled function's untested calls (trace_callee). */
void trace_protos(Emit *E, PyxFunc *f)
{
    if (f->profile)
        buf_printf(E->a, &E->protos, "static PYX_UNUSED %s;\n", c_signature_as(E, f, f->trace_plain, NULL));
}

/* The C function a call of f from fn's body goes to.  A function found
   not to raise runs no Python code of its own, so no profiler starts while
   it runs: when its own call was not reported, the calls it makes skip the
   test too, and gcc sees plain recursion (fib).  Its reported calls test
   as usual.  (A noexcept function it calls could start one: the caller's
   later calls are then seen once the caller has returned.) */
const char *trace_callee(Fn *fn, PyxFunc *f)
{
    if (!f->profile || fn->f == NULL || !fn->f->profile || !fn->f->nothrow)
        return f->cname;
    return pyx_arena_printf(A, "(pyx_trace ? %s : %s)", f->cname, f->trace_plain);
}

/* Where an error enters an error block with this frame's traceback entry:
   the tracer's 'exception' event.  NULL when the function has no lines. */
const char *trace_exception(Fn *fn)
{
    if (!fn->trace_lines)
        return NULL;
    return "if (PYX_UNLIKELY(pyx_trace != NULL)) pyx_rt_trace_exception(pyx_trace, pyx_lineno);";
}

void trace_line_at(Fn *fn, unsigned lineno)
{
    if (!fn->trace_lines)
        return;
    if (!passes_errors(fn->f)) {
        line(fn, "if (PYX_UNLIKELY(pyx_trace != NULL)) (void)pyx_rt_trace_line(pyx_trace, %u);", lineno);
        return;
    }
    PyxLoc loc = {0};
    loc.line = lineno;
    check(fn, pyx_arena_printf(A, "pyx_trace != NULL && pyx_rt_trace_line(pyx_trace, %u) < 0", lineno), loc);
}

/* Does statement s run code of its own, for CPython a line to report? */
static bool runs_code(Fn *fn, PyxNode *s)
{
    switch (s->kind) {
    case PYX_NODE_EXPR_STMT:   /* a docstring is no statement */
        return !(s->value->kind == PYX_NODE_STR && fn->f->doc && fn->f->def->body.len
                 && fn->f->def->body.items[0] == s);
    case PYX_NODE_GLOBAL: case PYX_NODE_CIMPORT: case PYX_NODE_CIMPORT_FROM: case PYX_NODE_EXTERN_BLOCK:
    case PYX_NODE_CTYPEDEF: case PYX_NODE_DEF_CONST: case PYX_NODE_CDEF_BLOCK: case PYX_NODE_FUNCTION_DEF:
        return false;
    case PYX_NODE_CDEF_VARS:
        for (int i = 0; i < s->items.len; i++)
            if (s->items.items[i]->value)
                return true;
        return false;
    case PYX_NODE_WITH:
        return !(s->sflags & PYX_SF(DIRECTIVES));   /* 'with cython.x(...)': only its body runs */
    default:
        return true;
    }
}

void trace_statement(Fn *fn, PyxNode *s)
{
    if (fn->trace_lines && runs_code(fn, s))
        trace_line_at(fn, s->loc.line);
}

/* Opens 'for (init; cond; step) {'.  A statement loop of a line-traced
   function reports its header each time round, the last (failing) test
   included: the step marks the way back, and the test moves into the
   body, after the report. */
void open_loop(Fn *fn, const Loop *loop, const char *init, const char *cond, const char *step)
{
    if (!fn->trace_lines || !loop->trace_line) {
        if (!*init && !*cond && !*step)
            line(fn, "for (;;) {");
        else
            line(fn, "for (%s; %s; %s) {", init, cond, step);
        fn->indent++;
        return;
    }
    line(fn, "for (%s; ; %s%spyx_rt_trace_back(pyx_trace)) {", init, step, *step ? ", " : "");
    fn->indent++;
    trace_line_at(fn, loop->trace_line);
    if (*cond)
        line(fn, "if (!(%s)) break;", cond);
}

/* ---- the module ------------------------------------------------------------------------------ */

/* After the #include: Python 3.12 cannot run profiled code (profile.c;
   pyxc says so before building, this guards the C file built elsewhere). */
void trace_module_header(Emit *E, FILE *out)
{
    if (E->m->first_profiled == NULL)
        return;
    fprintf(out, "#if PY_VERSION_HEX >= 0x030C0000 && PY_VERSION_HEX < 0x030D0000\n"
                 "#error \"profiled code ('profile'/'linetrace' directives) cannot be built for Python 3.12\"\n"
                 "#endif\n");
}

/* In the exec slot, before the body runs: profilers can be noticed. */
void trace_module_init(Emit *E, Buf *out)
{
    if (E->m->first_profiled == NULL)
        return;
    buf_printf(E->a, out, "    if (pyx_rt_trace_init() < 0)\n        goto pyx_L_error;\n");
}
