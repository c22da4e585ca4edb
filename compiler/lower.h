/* lower.h - tree-sitter CST -> pyxc AST (ast.h).
 *
 * The one place that knows the grammar's node and field names.  Produces a
 * MODULE node; reports constructs it cannot represent (Python 2 forms, \N{}
 * escapes, ...) as diagnostics and keeps going, so one run shows them all.
 */
#ifndef PYX_LOWER_H
#define PYX_LOWER_H

#include <tree_sitter/api.h>

#include "ast.h"
#include "diag.h"

PyxNode *pyx_lower(PyxArena *a, const PyxSource *src, TSTree *tree, PyxDiag *d);

#endif
