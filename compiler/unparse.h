/* unparse.h - an expression of the AST back to source text.
 *
 * Two styles, for the two places a compiled module shows expressions as
 * text: CPython's (ast.unparse, the strings of 'from __future__ import
 * annotations': constants written as their repr, parentheses exactly where
 * CPython puts them) and Cython 3's (its ExpressionWriter, used for the
 * annotation strings of .pyx functions and for embedsignature: numbers as
 * written, parentheses only around an operator that binds more loosely than
 * the one it is an operand of).
 */
#ifndef PYX_UNPARSE_H
#define PYX_UNPARSE_H

#include "ast.h"

typedef enum PyxUnparseStyle {
    PYX_UNPARSE_CPYTHON,
    PYX_UNPARSE_CYTHON,
} PyxUnparseStyle;

/* The text of expression e.  In CPython's style, NULL when e holds a form
   this writer does not know (f-strings, lambdas, comprehensions, yield,
   await, ':='); Cython's style writes those as '...', as Cython does. */
const char *pyx_unparse(PyxArena *a, const PyxNode *e, PyxUnparseStyle style);

/* Python's repr() of a str (UTF-8, len bytes) or, with bytes set, of a
   bytes value.  Non-ASCII characters are kept except the ones CPython
   escapes that this table knows (C1 controls, separators, format
   characters, surrogates, private use). */
const char *pyx_repr_str(PyxArena *a, const char *s, uint32_t len, bool bytes);

/* inspect.cleandoc(): tabs expanded, the common indentation of the lines
   after the first removed, leading and trailing blank lines dropped. */
const char *pyx_cleandoc(PyxArena *a, const char *doc, uint32_t len);

#endif
