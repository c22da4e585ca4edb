/* parse.h - source text -> tree-sitter CST, and syntax errors in words.
 *
 * pyx_parse runs the pyxc grammar (grammar/) over a source and reports every
 * ERROR and MISSING node as a diagnostic a Python/Cython user can act on
 * ("expected ':' after 'cdef class Point'"), never as a grammar node name.
 * Only lower.c looks at the returned tree.
 */
#ifndef PYX_PARSE_H
#define PYX_PARSE_H

#include <tree_sitter/api.h>

#include "diag.h"

/* Returns the tree (caller deletes it with ts_tree_delete) or NULL when the
   parser gave up; syntax errors are reported to 'd' either way. */
TSTree *pyx_parse(const PyxSource *src, PyxDiag *d);

/* The pyxc language, from grammar/src/parser.c. */
const TSLanguage *tree_sitter_pyxc(void);

#endif
