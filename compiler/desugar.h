/* desugar.h - rewrites of the lowered AST into fewer forms, before any
 * analysis.  The only phase after lower.c that builds nodes. */
#ifndef PYX_DESUGAR_H
#define PYX_DESUGAR_H

#include "ast.h"

/* In place, over the whole module:
 *  - try/except/else/finally becomes try/finally around try/except/else;
 *  - 'except E as name' gets its target NAME node (EXCEPT.target);
 *  - each imported name gets the NAME it binds (ALIAS.target): 'as' name,
 *    or the first component of 'import a.b';
 *  - each name a match pattern captures gets the NAME it binds (target of
 *    PAT_CAPTURE, PAT_STAR, PAT_AS, and of PAT_MAPPING for '**rest');
 *  - a lambda's body becomes the statement 'return <its value>' (LAMBDA.body;
 *    its value slot is then empty), so that it is checked and compiled as
 *    a def's body is. */
void pyx_desugar(PyxArena *a, PyxNode *module);

#endif
