/* emit_py.h - AST -> plain Python source (pyxc --emit-py).
 *
 * Reads only the AST that lower.c built: C types are stripped (typed
 * parameters and 'cdef' declarations lose their types, casts to C numbers
 * become int()/float(), cdef/cpdef functions become def), so CPython runs the
 * module as the interpreted baseline of 'pyxc bench'.  Constructs that only
 * mean something in C (pointers, '&x', sizeof, extern functions) are errors
 * at their location, by name.
 */
#ifndef PYX_EMIT_PY_H
#define PYX_EMIT_PY_H

#include <stdio.h>

#include "ast.h"
#include "diag.h"

/* Writes the module as Python to out.  0, or -1 after a write error;
   untranslatable constructs are reported to d (check d->errors). */
int pyx_emit_py(PyxArena *a, PyxNode *module, PyxDiag *d, FILE *out);

#endif
