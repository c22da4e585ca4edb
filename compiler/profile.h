/* profile.h - which functions report to profilers and tracers (the
 * 'profile' and 'linetrace' directives), and whether the Python being
 * built for can run them.  See profile.c.
 */
#ifndef PYX_PROFILE_H
#define PYX_PROFILE_H

#include "diag.h"
#include "sema.h"

/* Decides f->profile and f->linetrace from the directives in force for f
   (the module's, then its decorators); 'stem' names its C objects. */
void pyx_profile_decide(PyxModuleInfo *m, PyxFunc *f, const char *stem);

/* 0, or -1 after an error at the first profiled function when the target
   Python (sys.hexversion) cannot report compiled calls to its profilers. */
int pyx_profile_check_target(const PyxModuleInfo *m, int hexversion, PyxDiag *d);

#endif
