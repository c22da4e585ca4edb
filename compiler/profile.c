/* profile.c - profiling compiled code: which functions report their calls
 * to profilers (cProfile, sys.setprofile) and their lines to tracers
 * (sys.settrace, sys.monitoring), decided as Cython decides it.
 *
 * A function is profiled when 'profile' or 'linetrace' is on for it (the
 * module's '# cython:' header or pyxc --profile, then its decorators) --
 * def, cpdef and cdef alike, so calls between compiled functions show too
 * -- unless it says @cython.profile(False), or is 'inline' without its own
 * @cython.profile(True) or @cython.linetrace(True): inline functions are
 * meant to vanish into their callers.  'linetrace' adds line and exception
 * events.  emit_trace.c writes the calls, runtime/rt_profile.c reports them.
 */
#include "profile.h"

#include <string.h>

/* Does one of def's decorators set directive 'which'? */
static bool decorated(const PyxNode *def, PyxDirective which)
{
    for (int i = 0; i < def->decorators.len; i++)
        if (pyx_directive_of(def->decorators.items[i]) == (int)which)
            return true;
    return false;
}

void pyx_profile_decide(PyxModuleInfo *m, PyxFunc *f, const char *stem)
{
    const PyxDirectives *d = &f->directives;
    bool own_profile = decorated(f->def, PYX_DIR_PROFILE);
    bool own_linetrace = decorated(f->def, PYX_DIR_LINETRACE);
    bool on = d->value[PYX_DIR_PROFILE] || d->value[PYX_DIR_LINETRACE];
    if (own_profile && !d->value[PYX_DIR_PROFILE])
        on = false;   /* @cython.profile(False) */
    if ((f->def->flags & PYX_F(INLINE)) && !own_profile && !(own_linetrace && d->value[PYX_DIR_LINETRACE]))
        on = false;
    f->profile = on;
    f->linetrace = on && d->value[PYX_DIR_LINETRACE];
    if (!on)
        return;
    f->trace_code = pyx_name_trace_code(&m->naming, stem);
    f->trace_body = pyx_name_trace_body(&m->naming, stem);
    f->trace_cold = pyx_name_trace_cold(&m->naming, stem);
    f->trace_plain = pyx_name_trace_plain(&m->naming, stem);
    if (m->first_profiled == NULL)
        m->first_profiled = f;
}

int pyx_profile_check_target(const PyxModuleInfo *m, int hexversion, PyxDiag *d)
{
    /* 3.12's cProfile listens to sys.monitoring (PEP 669), which offers
       compiled code no way to report its calls until 3.13's C API */
    if (m->first_profiled == NULL || hexversion < 0x030C0000 || hexversion >= 0x030D0000)
        return 0;
    pyx_diag_error(d, m->first_profiled->def->loc,
                   "profiling compiled code ('%s' is profiled) is not supported on Python 3.12, whose "
                   "profilers use sys.monitoring: build for Python 3.8-3.11 or 3.13+, or turn 'profile' "
                   "and 'linetrace' off", m->first_profiled->name);
    return -1;
}
