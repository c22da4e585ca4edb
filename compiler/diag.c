/* diag.c - formatting and counting diagnostics (see diag.h). */
#define _POSIX_C_SOURCE 200809L   /* open_memstream */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

typedef struct PyxDiagMsg {
    const PyxSource *src;
    uint32_t start;
    int seq;              /* keeps the order of messages at one place */
    int is_error;
    bool is_note;         /* explains the message before it */
    char *text;
} PyxDiagMsg;

void pyx_diag_init(PyxDiag *d, FILE *out)
{
    d->buffer_arena = NULL;
    d->msgs = NULL;
    d->nmsgs = d->cap_msgs = 0;
    d->out = out;
    d->errors = 0;
    d->warnings = 0;
    d->max_errors = 20;
    d->warnings_are_errors = 0;
    d->quiet = 0;
}

/* Prints the source line of 'loc' and a caret under its first character.
   Tabs are copied into the caret line so the caret stays aligned. */
static void quote_line(FILE *out, PyxLoc loc)
{
    const PyxSource *s = loc.src;
    if (s == NULL)
        return;
    uint32_t b, n;
    pyx_source_line(s, loc.start, &b, &n);
    fprintf(out, "    %.*s\n    ", (int)n, s->text + b);
    for (uint32_t i = b; i < loc.start && i < b + n; i++) {
        unsigned char c = (unsigned char)s->text[i];
        if ((c & 0xC0) == 0x80)
            continue;
        fputc(c == '\t' ? '\t' : ' ', out);
    }
    fputc('^', out);
    /* underline the rest of the node when it stays on this line */
    uint32_t end = loc.end < b + n ? loc.end : b + n;
    for (uint32_t i = loc.start + 1; i < end; i++)
        if (((unsigned char)s->text[i] & 0xC0) != 0x80)
            fputc('~', out);
    fputc('\n', out);
}

static void report_to(PyxDiag *d, FILE *out, PyxLoc loc, const char *kind, const char *fmt, va_list ap);

static void report(PyxDiag *d, PyxLoc loc, const char *kind, const char *fmt, va_list ap)
{
    if (d->quiet)
        return;
    if (d->buffer_arena == NULL) {
        report_to(d, d->out, loc, kind, fmt, ap);
        return;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (mem == NULL) {
        report_to(d, d->out, loc, kind, fmt, ap);
        return;
    }
    report_to(d, mem, loc, kind, fmt, ap);
    fclose(mem);
    if (d->nmsgs == d->cap_msgs) {
        int cap = d->cap_msgs ? d->cap_msgs * 2 : 16;
        PyxDiagMsg *m = pyx_arena_alloc(d->buffer_arena, sizeof *m * (size_t)cap);
        if (d->nmsgs)
            memcpy(m, d->msgs, sizeof *m * (size_t)d->nmsgs);
        d->msgs = m;
        d->cap_msgs = cap;
    }
    PyxDiagMsg *m = &d->msgs[d->nmsgs];
    m->src = loc.src;
    m->start = loc.start;
    m->is_note = strcmp(kind, "note") == 0;
    if (m->is_note && d->nmsgs > 0) {
        /* a note sorts with the message it explains, right after it */
        m->src = d->msgs[d->nmsgs - 1].src;
        m->start = d->msgs[d->nmsgs - 1].start;
    }
    m->seq = d->nmsgs++;
    m->is_error = strcmp(kind, "error") == 0;
    m->text = pyx_arena_strndup(d->buffer_arena, text, len);
    free(text);   /* open_memstream's buffer, not ours */
}

void pyx_diag_buffer(PyxDiag *d, PyxArena *a)
{
    d->buffer_arena = a;
    d->nmsgs = 0;
}

static int msg_order(const void *pa, const void *pb)
{
    const PyxDiagMsg *a = pa, *b = pb;
    if (a->src != b->src)
        return a->seq - b->seq;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->seq - b->seq;
}

void pyx_diag_flush(PyxDiag *d)
{
    if (d->nmsgs > 1)
        qsort(d->msgs, (size_t)d->nmsgs, sizeof *d->msgs, msg_order);
    int errors = 0;
    bool shown = true;   /* the message the next notes explain was printed */
    for (int i = 0; i < d->nmsgs; i++) {
        PyxDiagMsg *m = &d->msgs[i];
        if (m->is_note) {
            if (shown)
                fputs(m->text, d->out);
            continue;
        }
        shown = !(m->is_error && ++errors > d->max_errors);
        if (!shown) {
            if (errors == d->max_errors + 1)
                fprintf(d->out, "pyxc: too many errors, stopping after %d\n", d->max_errors);
            continue;
        }
        fputs(m->text, d->out);
    }
    d->buffer_arena = NULL;
    d->nmsgs = 0;
}

static void report_to(PyxDiag *d, FILE *out, PyxLoc loc, const char *kind, const char *fmt, va_list ap)
{
    (void)d;
    if (loc.src)
        fprintf(out, "%s:%u:%u: %s: ", loc.src->path, loc.line,
                pyx_source_char_col(loc.src, loc.start), kind);
    else
        fprintf(out, "pyxc: %s: ", kind);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    quote_line(out, loc);
}

void pyx_diag_error(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
{
    d->errors++;
    if (d->errors > d->max_errors && d->buffer_arena == NULL) {
        if (d->errors == d->max_errors + 1 && !d->quiet)
            fprintf(d->out, "pyxc: too many errors, stopping after %d\n", d->max_errors);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "error", fmt, ap);
    va_end(ap);
}

void pyx_diag_warning(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
{
    d->warnings++;
    if (d->warnings_are_errors)
        d->errors++;
    else if (d->no_warnings)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "warning", fmt, ap);
    va_end(ap);
}

void pyx_diag_note(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "note", fmt, ap);
    va_end(ap);
}

void pyx_diag_unsupported(PyxDiag *d, PyxLoc loc, const char *what)
{
    pyx_diag_error(d, loc, "not supported yet: %s", what);
}

void pyx_unreachable(const char *file, int line, const char *msg)
{
    fprintf(stderr, "pyxc: internal compiler error at %s:%d: %s\n", file, line, msg);
    abort();
}
