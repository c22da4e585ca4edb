/* stubs.h - the .pyi type stub of a compiled module (pyxc --pyi).
 *
 * Reads what sema produced, read-only: every function callable from Python
 * (def, cpdef) with its parameters (kinds and defaults from the AST, types
 * from the PyxSymbols: C integers are int, C floating types float, bint
 * bool, typed builtins their class, untyped objects Any), and the module's
 * Python globals as Any.
 */
#ifndef PYX_STUBS_H
#define PYX_STUBS_H

#include <stdio.h>

#include "sema.h"

/* Writes the stub to out; 0, or -1 after a write error. */
int pyx_emit_pyi(const PyxModuleInfo *m, FILE *out);

#endif
