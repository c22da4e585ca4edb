/* naming.h - every C identifier of the generated code is minted here.
 *
 * The prefixes keep the name spaces apart, so no two names collide and no
 * user name collides with pyxc's own:
 *   v_<name>            a Python or cdef local (or parameter) named <name>
 *   h<N>_<name>         a hidden local: a comprehension's variable <name>
 *                       (N counts per module; no user name starts with 'h')
 *   cell_<name>         the cell a local <name> lives in (a closure's variable)
 *   <N>n_<name>         the stem of the N-th def or lambda inside a function
 *                       ('lambda' for a lambda): pyx_f_<mod>_<N>n_<name>...
 *   pyx_g_<name>        a module-level cdef variable
 *   pyx_f_<mod>_<name>  the C body of function <name>
 *   pyx_pw_<mod>_<name> its Python wrapper;  pyx_mdef_<name> its PyMethodDef
 *   pyx_dflt_<name>_<i> the default of parameter i of function <name>
 *   pyx_spec_<name>, pyx_fdef_<name>  its argument spec and the description
 *                       of its function object (runtime/pyx_rt.h)
 *   pyx_code_<name>     what profilers see of a profiled function <name> (its
 *                       PyxRtCode); pyx_fb_<mod>_<name> its body, pyx_ft_<mod>_<name>
 *                       its reported calls, pyx_fu_<mod>_<name> its calls that
 *                       need no test; pyx_trace, in the body, the call's PyxRtTrace
 *   pyx_frame_locals    the dict locals() returns in a function (CPython 3.11's
 *                       f_locals, made at the first call)
 *   pyx_gb_<mod>_<name> the resumable body of generator function <name>,
 *                       pyx_gs_<mod>_<name> its frame's struct, pyx_gdef_<name>
 *                       its PyxRtGenDef; in the body pyx_gen, pyx_fr (its frame),
 *                       pyx_sent, pyx_y, pyx_at, pyx_L_resume_<N> (yield points)
 *   pyx_t_<N> temps, pyx_u_<N> unpacking arrays, pyx_L_<what>_<N> labels,
 *   pyx_exc_<N> / pyx_hx_<N> saved exception state (N counts per function);
 *   pyx_k_<N> constants, pyx_n_<N> interned names (N counts per module).
 * Counters live in the module's or the function's state, never in statics,
 * so the same source gives the same C whatever else is compiled in the run.
 */
#ifndef PYX_NAMING_H
#define PYX_NAMING_H

#include "arena.h"

typedef struct PyxNaming {
    PyxArena *a;
    const char *module;   /* the module's name, for function names */
    int hidden;           /* hidden locals minted so far */
    int nested;           /* nested functions so far */
} PyxNaming;

void pyx_naming_init(PyxNaming *n, PyxArena *a, const char *module);

const char *pyx_name_local(PyxNaming *n, const char *name);
const char *pyx_name_hidden(PyxNaming *n, const char *name);
const char *pyx_name_cell(PyxNaming *n, const char *name);
const char *pyx_name_nested(PyxNaming *n, const char *name);
const char *pyx_name_cglobal(PyxNaming *n, const char *name);
const char *pyx_name_func_body(PyxNaming *n, const char *func);
const char *pyx_name_func_wrapper(PyxNaming *n, const char *func);
const char *pyx_name_method_def(PyxNaming *n, const char *func);
const char *pyx_name_default(PyxNaming *n, const char *func, int param);
const char *pyx_name_arg_spec(PyxNaming *n, const char *func);
const char *pyx_name_func_def(PyxNaming *n, const char *func);
const char *pyx_name_trace_code(PyxNaming *n, const char *func);
const char *pyx_name_trace_body(PyxNaming *n, const char *func);
const char *pyx_name_trace_cold(PyxNaming *n, const char *func);
const char *pyx_name_trace_plain(PyxNaming *n, const char *func);
const char *pyx_name_gen_body(PyxNaming *n, const char *func);
const char *pyx_name_gen_frame(PyxNaming *n, const char *func);
const char *pyx_name_gen_def(PyxNaming *n, const char *func);

/* Per-function and per-module serial names: temps, labels, constants. */
const char *pyx_name_frame_locals(void);
const char *pyx_name_temp(PyxArena *a, int serial);
/* Is c exactly a temp's name (pyx_t_<N>)? */
int pyx_name_is_temp(const char *c);
const char *pyx_name_unpack(PyxArena *a, int serial);
const char *pyx_name_label(PyxArena *a, const char *what, int serial);
const char *pyx_name_label_tb(PyxArena *a, const char *label);
const char *pyx_name_saved_exc(PyxArena *a, const char *what, int serial);
const char *pyx_name_const(PyxArena *a, int serial);
const char *pyx_name_interned(PyxArena *a, int serial);
const char *pyx_name_global_cache(PyxArena *a, int serial);

#endif
