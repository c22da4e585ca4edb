/* analysis.h - analyses of the typed tree that the emitter relies on. */
#ifndef PYX_ANALYSIS_H
#define PYX_ANALYSIS_H

#include "sema.h"

/* Which C functions cannot raise (PyxFunc.nothrow), and PYX_SF(RAISES) on
   the statements and expressions that can. */
void pyx_analyse_raises(PyxArena *a, PyxModuleInfo *m);

/* PYX_SF(RECURSIVE) on the calls between C functions of one cycle of calls
   (a function calling itself, or f -> g -> f): the emitter keeps them calls
   (gcc would turn a tail call into a jump, and endless recursion into an
   endless loop). */
void pyx_analyse_recursion(PyxArena *a, PyxModuleInfo *m);

#endif
