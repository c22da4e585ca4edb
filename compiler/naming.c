/* naming.c - the generated code's identifiers (see naming.h). */
#include "naming.h"

#include <string.h>

void pyx_naming_init(PyxNaming *n, PyxArena *a, const char *module)
{
    n->a = a;
    n->module = module;
    n->hidden = 0;
    n->nested = 0;
}

const char *pyx_name_local(PyxNaming *n, const char *name)
{
    if (name[0] == '.')   /* a generator expression's '.0' (no user name is a number) */
        name++;
    return pyx_arena_printf(n->a, "v_%s", name);
}

const char *pyx_name_hidden(PyxNaming *n, const char *name)
{
    return pyx_arena_printf(n->a, "h%d_%s", ++n->hidden, name);
}

const char *pyx_name_cell(PyxNaming *n, const char *name)
{
    return pyx_arena_printf(n->a, "cell_%s", name);
}

const char *pyx_name_nested(PyxNaming *n, const char *name)
{
    return pyx_arena_printf(n->a, "%dn_%s", ++n->nested, name);
}

const char *pyx_name_cglobal(PyxNaming *n, const char *name)
{
    return pyx_arena_printf(n->a, "pyx_g_%s", name);
}

const char *pyx_name_func_body(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_f_%s_%s", n->module, func);
}

const char *pyx_name_func_wrapper(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_pw_%s_%s", n->module, func);
}

const char *pyx_name_method_def(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_mdef_%s", func);
}

const char *pyx_name_default(PyxNaming *n, const char *func, int param)
{
    return pyx_arena_printf(n->a, "pyx_dflt_%s_%d", func, param);
}

const char *pyx_name_arg_spec(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_spec_%s", func);
}

const char *pyx_name_func_def(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_fdef_%s", func);
}

const char *pyx_name_trace_code(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_code_%s", func);
}

const char *pyx_name_trace_body(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_fb_%s_%s", n->module, func);
}

const char *pyx_name_trace_cold(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_ft_%s_%s", n->module, func);
}

const char *pyx_name_trace_plain(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_fu_%s_%s", n->module, func);
}

const char *pyx_name_gen_body(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_gb_%s_%s", n->module, func);
}

const char *pyx_name_gen_frame(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_gs_%s_%s", n->module, func);
}

const char *pyx_name_gen_def(PyxNaming *n, const char *func)
{
    return pyx_arena_printf(n->a, "pyx_gdef_%s", func);
}

const char *pyx_name_temp(PyxArena *a, int serial)
{
    return pyx_arena_printf(a, "pyx_t_%d", serial);
}

const char *pyx_name_unpack(PyxArena *a, int serial)
{
    return pyx_arena_printf(a, "pyx_u_%d", serial);
}

const char *pyx_name_label(PyxArena *a, const char *what, int serial)
{
    return pyx_arena_printf(a, "pyx_L_%s_%d", what, serial);
}

const char *pyx_name_label_tb(PyxArena *a, const char *label)
{
    return pyx_arena_printf(a, "%s_tb", label);
}

const char *pyx_name_frame_locals(void)
{
    return "pyx_frame_locals";
}

const char *pyx_name_saved_exc(PyxArena *a, const char *what, int serial)
{
    return pyx_arena_printf(a, "pyx_%s_%d", what, serial);
}

const char *pyx_name_const(PyxArena *a, int serial)
{
    return pyx_arena_printf(a, "pyx_k_%d", serial);
}

const char *pyx_name_interned(PyxArena *a, int serial)
{
    return pyx_arena_printf(a, "pyx_n_%d", serial);
}

const char *pyx_name_global_cache(PyxArena *a, int serial)
{
    return pyx_arena_printf(a, "pyx_gc_%d", serial);
}

int pyx_name_is_temp(const char *c)
{
    if (strncmp(c, "pyx_t_", 6) != 0 || !c[6])
        return 0;
    for (const char *p = c + 6; *p; p++)
        if (*p < '0' || *p > '9')
            return 0;
    return 1;
}
