/* analysis.h - analyses of the typed tree that the emitter relies on. */
#ifndef PYX_ANALYSIS_H
#define PYX_ANALYSIS_H

#include "sema.h"

/* Which C functions cannot raise (PyxFunc.nothrow), and PYX_SF(RAISES) on
   the statements and expressions that can. */
void pyx_analyse_raises(PyxArena *a, PyxModuleInfo *m);

#endif
