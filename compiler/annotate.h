/* annotate.h - pyxc -a: which source lines still do Python's work.
 *
 * Takes the generated C (emitted without #line directives) and splits it at
 * the emitter's statement comments ('/' '* file.pyx:LINE: text *' '/'), so
 * every source line gets the C compiled from it.  Each line is scored by the
 * Python C-API work in that C (calls to Py* and pyx_rt_* functions, error
 * checks, reference counting), and lines that do such work get hints from
 * sema's results (read-only): untyped locals and parameters, module globals
 * read in functions.  Output: one self-contained HTML page (no scripts, no
 * external files) or the same data as JSON.
 */
#ifndef PYX_ANNOTATE_H
#define PYX_ANNOTATE_H

#include <stdio.h>

#include "sema.h"

typedef struct PyxAnnotateOptions {
    int json;                   /* JSON instead of HTML */
    const PyxSource *src;
    PyxNode *module;
    PyxModuleInfo *info;
    const char *c_text;         /* the module's C, without #line directives */
} PyxAnnotateOptions;

/* Writes the report to out; 0, or -1 after a write error. */
int pyx_annotate(PyxArena *a, const PyxAnnotateOptions *o, FILE *out);

#endif
