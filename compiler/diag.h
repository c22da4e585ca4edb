/* diag.h - compiler diagnostics.
 *
 * Every user-facing problem with the input is reported through here in one
 * format:  file:line:col: error: message, then the source line and a caret.
 * A phase reports all the errors it finds (up to a limit); the driver stops
 * after a phase whose error count went up.  Compiler bugs are not
 * diagnostics: they go to PYX_UNREACHABLE().
 */
#ifndef PYX_DIAG_H
#define PYX_DIAG_H

#include <stdio.h>

#include "arena.h"
#include "source.h"

typedef struct PyxDiag {
    FILE *out;        /* stderr, or a memstream in tests */
    int errors;
    int warnings;
    int max_errors;   /* printing stops after this many; counting does not */
    int warnings_are_errors;
    int quiet;        /* count, but print nothing (sema's inference pass) */
    int no_warnings;  /* pyxc -q: count warnings, print none */
    /* while a phase is buffered: its diagnostics, printed in source order */
    PyxArena *buffer_arena;
    struct PyxDiagMsg *msgs;
    int nmsgs, cap_msgs;
} PyxDiag;

/* A phase that finds errors out of source order (sema checks function
   bodies before the module body) buffers them and prints them sorted. */
void pyx_diag_buffer(PyxDiag *d, PyxArena *a);
void pyx_diag_flush(PyxDiag *d);

void pyx_diag_init(PyxDiag *d, FILE *out);

void pyx_diag_error(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pyx_diag_warning(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pyx_diag_note(PyxDiag *d, PyxLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "not supported yet: <what>" - for constructs pyxc parses but cannot compile. */
void pyx_diag_unsupported(PyxDiag *d, PyxLoc loc, const char *what);

void pyx_unreachable(const char *file, int line, const char *msg) __attribute__((noreturn));
#define PYX_UNREACHABLE() pyx_unreachable(__FILE__, __LINE__, "unreachable code reached")
#define PYX_ASSERT(c) ((c) ? (void)0 : pyx_unreachable(__FILE__, __LINE__, "assertion failed: " #c))

#endif
