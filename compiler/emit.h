/* emit.h - typed AST -> C source of a CPython extension module.
 *
 * Reads what sema.c produced and never reports user errors: anything wrong
 * in the source was caught before.  The output is one C file that includes
 * runtime/pyx_rt.h and defines PyInit_<module> (multi-phase init, PEP 489).
 */
#ifndef PYX_EMIT_H
#define PYX_EMIT_H

#include <stdio.h>

#include "sema.h"

typedef struct PyxEmitOptions {
    int line_directives;     /* '#line N "file.pyx"' before each statement */
    const char *source_name; /* file name shown in tracebacks */
    const char *line_name;   /* the source as #line names it (its base name) */
    const char *c_name;      /* the C file being written (base name): #line returns to it
                                between functions */
    int embed;               /* --embed: also main(), which runs the module as __main__ */
} PyxEmitOptions;

/* Writes the module's C code to 'out'; returns 0, or -1 on a write error. */
int pyx_emit_module(PyxArena *a, PyxModuleInfo *m, const PyxEmitOptions *o, FILE *out);

#endif
