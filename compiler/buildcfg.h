/* buildcfg.h - what a source file says about its own build, and C compiler
 * messages taken back to the source.
 *
 * '# distutils: key = value' comment lines at the top of a .pyx (as Cython
 * reads them) add to the PyxBuildOptions the command line filled in; a C
 * compiler message about the generated C, whose file is a deleted temporary,
 * is reported at the source line whose code it is about.
 */
#ifndef PYX_BUILDCFG_H
#define PYX_BUILDCFG_H

#include "ast.h"
#include "build.h"
#include "diag.h"

/* Reads the '# distutils:' lines of the comment block that starts the file:
   libraries, library_dirs, include_dirs, extra_compile_args,
   extra_link_args, sources (lists split on commas or blanks); relative
   directories and sources are taken from the source file's directory when
   they exist there.  Unknown keys and 'language = c++' are errors at the
   line.  Returns the number of errors reported. */
int pyx_read_distutils(PyxArena *a, const PyxSource *src, PyxBuildOptions *o, PyxDiag *d);

typedef struct PyxCcMap {
    PyxArena *a;
    const char *c_path;     /* the generated C file as cc was given it */
    const char *c_text;     /* its contents (read before it is deleted) */
    const PyxSource *src;
    PyxNode *module;        /* the AST: extern blocks name their headers */
    PyxDiag *d;
} PyxCcMap;

/* A PyxCcOutput (build.h) for cc's output about c_path: each 'c_path:L:C:
   error|warning|note: msg' becomes a diagnostic at the source line whose
   code it is in, gcc's quotes of the C are dropped, every other line
   (messages about other files, linker errors) is printed as it is. */
void pyx_cc_map_output(void *map, const char *text);

#endif
