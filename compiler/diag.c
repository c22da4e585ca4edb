/* diag.c - formatting and counting diagnostics (see diag.h). */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

void pyx_diag_init(PyxDiag *d, FILE *out)
{
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

static void report(PyxDiag *d, PyxLoc loc, const char *kind, const char *fmt, va_list ap)
{
    if (d->quiet)
        return;
    if (loc.src)
        fprintf(d->out, "%s:%u:%u: %s: ", loc.src->path, loc.line,
                pyx_source_char_col(loc.src, loc.start), kind);
    else
        fprintf(d->out, "pyxc: %s: ", kind);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    quote_line(d->out, loc);
}

void pyx_diag_error(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
{
    d->errors++;
    if (d->errors > d->max_errors) {
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
