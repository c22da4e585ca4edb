/* cwriter.c - writing C text: growable buffers, lines at the current
 * indentation, labels, temps and the error checks that jump to the error
 * label in force.  Everything lives in the compilation's arena.
 */
#include "emit_int.h"

static void buf_vprintf(PyxArena *a, Buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    pyx_buf_reserve(a, b, (size_t)n);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}
void buf_printf(PyxArena *a, Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(a, b, fmt, ap);
    va_end(ap);
}

void buf_append(PyxArena *a, Buf *dst, const Buf *src)
{
    if (src->len)
        buf_printf(a, dst, "%.*s", (int)src->len, src->p);
}
void line(Fn *fn, const char *fmt, ...)
{
    for (int i = 0; i < fn->indent; i++)
        buf_printf(A, &fn->body, "    ");
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(A, &fn->body, fmt, ap);
    va_end(ap);
    buf_printf(A, &fn->body, "\n");
}

Label *new_label(Fn *fn, const char *what)
{
    Label *l = pyx_arena_new(A, Label);
    l->name = pyx_name_label(A, what, ++fn->nlabel);
    return l;
}

/* An error label with its companion that skips adding the traceback entry. */
Label *new_error_label(Fn *fn, const char *what)
{
    Label *l = new_label(fn, what);
    l->skip = pyx_arena_new(A, Label);
    l->skip->name = pyx_name_label_tb(A, l->name);
    return l;
}

/* Removes a 'goto l;' that is the last line written: control falls
   through to l instead.  True when there was one. */
bool drop_trailing_jump(Fn *fn, Label *l)
{
    Buf *b = &fn->body;
    if (b->len < 2 || b->p[b->len - 1] != '\n')
        return false;
    size_t start = b->len - 1;
    while (start > 0 && b->p[start - 1] != '\n')
        start--;
    size_t i = start;
    while (i < b->len && b->p[i] == ' ')
        i++;
    size_t n = strlen(l->name);
    if (strncmp(b->p + i, "goto ", 5) != 0 || strncmp(b->p + i + 5, l->name, n) != 0
        || strcmp(b->p + i + 5 + n, ";\n") != 0 || l->njumps == 0)
        return false;
    b->len = start;
    b->p[b->len] = '\0';
    if (--l->njumps == 0)
        l->used = false;
    return true;
}

void place_label(Fn *fn, Label *l)
{
    drop_trailing_jump(fn, l);
    if (l->used)
        buf_printf(A, &fn->body, "%s:;\n", l->name);
}

const char *jump(Label *l)
{
    l->used = true;
    l->njumps++;
    return l->name;
}

const char *temp(Fn *fn, PyxType *t)
{
    const char *name = pyx_name_temp(A, ++fn->ntemp);
    if (t->kind == PYX_TY_OBJECT) {
        buf_printf(A, &fn->decl, "    PyObject *%s = NULL;  /* owned */\n", name);
        if (fn->notemps == fn->cap_otemps) {
            int cap = fn->cap_otemps ? fn->cap_otemps * 2 : 16;
            const char **n = pyx_arena_alloc(A, sizeof *n * (size_t)cap);
            if (fn->notemps)
                memcpy(n, fn->otemps, sizeof *n * (size_t)fn->notemps);
            fn->otemps = n;
            fn->cap_otemps = cap;
        }
        fn->otemps[fn->notemps++] = name;
    } else {
        buf_printf(A, &fn->decl, "    %s = 0;\n", pyx_type_decl(A, t, name));
    }
    return name;
}

/* 'if (cond) goto error' with the statement's line for the traceback */
void check(Fn *fn, const char *cond, PyxLoc loc)
{
    fn->lineno_used = 1;
    line(fn, "if (PYX_UNLIKELY(%s)) { pyx_lineno = %u; goto %s; }", cond, loc.line, jump(fn->err));
}

void goto_error(Fn *fn, PyxLoc loc)
{
    fn->lineno_used = 1;
    line(fn, "pyx_lineno = %u; goto %s;", loc.line, jump(fn->err));
}

void release(Fn *fn, Val v)
{
    if (v.owned)
        line(fn, "Py_CLEAR(%s);", v.c);
}

Val cval(const char *c, PyxType *t)
{
    Val v = {c, t, false};
    return v;
}

/* Closes n blocks opened with 'if (...) {'. */
void close_blocks(Fn *fn, int n)
{
    while (n-- > 0) {
        fn->indent--;
        line(fn, "}");
    }
}

/* ---- constants ------------------------------------------------------------------- */

/* A C string literal for arbitrary bytes. */
const char *c_string(PyxArena *a, const char *s, uint32_t len)
{
    Buf b = {0};
    buf_printf(a, &b, "\"");
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(a, &b, "\\%c", c);
        else if (c == '?')
            buf_printf(a, &b, "\\?");
        else if (c >= 0x20 && c < 0x7F)
            buf_printf(a, &b, "%c", c);
        else
            buf_printf(a, &b, "\\%03o", c);
    }
    buf_printf(a, &b, "\"");
    return b.p;
}

/* Text that can stand inside a C comment: no '*' '/' pair closes it, and
   control characters (a newline in a file name) become '?'. */
const char *c_comment_text(PyxArena *a, const char *s, size_t len)
{
    char *r = pyx_arena_strndup(a, s, len);
    for (char *p = r; *p; p++) {
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            *p = '?';
        else if (*p == '*' && p[1] == '/')
            p[1] = '\\';
    }
    return r;
}

/* Inside a loop's body break and continue go straight to the loop again. */
void push_loop(Fn *fn, const Loop *loop)
{
    Loop l = *loop;
    l.in_flight = fn->nin_flight;
    l.outer_brk = fn->brk;
    l.outer_cont = fn->cont;
    fn->brk = fn->cont = NULL;
    PYX_VEC_PUSH(A, fn->loops, fn->nloops, fn->cap_loops, l);
}

void pop_loop(Fn *fn)
{
    Loop *l = &fn->loops[--fn->nloops];
    fn->brk = l->outer_brk;
    fn->cont = l->outer_cont;
}

/* break or continue: through the cleanup of the blocks around it
   (Fn.brk/cont), else out of the innermost loop, dropping the exceptions
   of the finally blocks being run inside it. */
void emit_loop_exit(Fn *fn, bool is_continue)
{
    Label *via = is_continue ? fn->cont : fn->brk;
    if (via) {
        line(fn, "goto %s;", jump(via));
        return;
    }
    leave_to_loop(fn);
    if (is_continue)
        line(fn, "continue;");
    else if (fn->loops[fn->nloops - 1].break_by_goto)
        line(fn, "goto %s;", jump(fn->loops[fn->nloops - 1].brk));
    else
        line(fn, "break;");
}

/* The top of a loop's body: check for signals when the loop does (Ctrl-C). */
void start_iteration(Fn *fn, const Loop *loop, PyxLoc loc)
{
    if (!loop->poll)
        return;
    if (!fn->poll_declared) {
        buf_printf(A, &fn->decl, "    unsigned pyx_poll = 0;\n");
        fn->poll_declared = true;
    }
    check(fn, "pyx_rt_poll(&pyx_poll) < 0", loc);
}

/* Leaving the innermost loop's body by break or continue: exceptions that
   finally blocks inside the loop were running for are dropped. */
void leave_to_loop(Fn *fn)
{
    for (int i = fn->nin_flight - 1; i >= fn->loops[fn->nloops - 1].in_flight; i--)
        line(fn, "pyx_rt_finally_drop(%s);", fn->in_flight[i]);
}
