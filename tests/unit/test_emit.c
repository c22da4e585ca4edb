/* test_emit.c - the C the emitter writes for small programs: the shape of
   typed code (plain C, no Python API in loops), error paths and the checks
   that calls of C functions need or not.  Whole files are pinned by the
   golden suite (tests/e2e/emit); these tests name one property each. */
#include "support.h"

#include "analysis.h"
#include "desugar.h"
#include "symtable.h"
#include "emit.h"
#include "sema.h"

/* Parses, lowers, types and emits 'text' as module 't'; returns the C. */
static char *emit_text(Compiled **out, const char *text)
{
    Compiled *c = compile_text(text);
    if (c->module == NULL || c->diag.errors)
        fail_msg("syntax errors in:\n%s\n%s", text, c->messages);
    pyx_symtable(&c->arena, c->module, &c->diag);
    pyx_desugar(&c->arena, c->module);
    PyxModuleInfo *m = pyx_sema(&c->arena, c->module, "t", &c->diag);
    fflush(c->out);
    if (c->diag.errors)
        fail_msg("unexpected errors for:\n%s\n%s", text, c->messages);
    pyx_analyse_raises(&c->arena, m);
    pyx_analyse_recursion(&c->arena, m);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    PyxEmitOptions o = {0, "t.pyx", "t.pyx", NULL, 0};
    assert_int_equal(pyx_emit_module(&c->arena, m, &o, f), 0);
    fclose(f);
    char *copy = pyx_arena_strdup(&c->arena, buf);
    free(buf);
    *out = c;
    return copy;
}

/* The text of C function 'name': from its definition line ('static ...
   name(...)' followed by a line '{') to its closing brace. */
static char *function_text(Compiled *c, const char *code, const char *name)
{
    char *needle = pyx_arena_printf(&c->arena, "%s(", name);
    for (const char *p = strstr(code, needle); p; p = strstr(p + 1, needle)) {
        const char *bol = p;
        while (bol > code && bol[-1] != '\n')
            bol--;
        const char *eol = strchr(p, '\n');
        if ((p[-1] != ' ' && p[-1] != '*') || strncmp(bol, "static ", 7) != 0 || eol == NULL || strncmp(eol, "\n{\n", 3) != 0)
            continue;
        const char *end = strstr(eol, "\n}\n");
        assert_non_null(end);
        return pyx_arena_strndup(&c->arena, bol, (size_t)(end - bol + 2));
    }
    fail_msg("no function %s in\n%s", name, code);
    return NULL;
}

#define assert_not_contains(hay, needle) \
    do { \
        if (strstr((hay), (needle)) != NULL) \
            fail_msg("did not expect\n  %s\nin\n%s", (needle), (hay)); \
    } while (0)

static void test_emit_typed_range_loop_is_plain_c(void **state)
{
    (void)state;
    Compiled *c;
    char *code = emit_text(&c, "cdef long f(long n):\n"
                               "    cdef long s = 0\n"
                               "    cdef long i\n"
                               "    for i in range(n):\n"
                               "        s += i * i\n"
                               "    return s\n");
    char *f = function_text(c, code, "pyx_f_t_f");
    assert_contains(f, "for (");
    assert_not_contains(f, "PyNumber_");
    assert_not_contains(f, "PyLong_");
    assert_not_contains(f, "PyObject");
    compiled_free(c);
}

static void test_emit_call_of_nothrow_c_function_has_no_check(void **state)
{
    (void)state;
    Compiled *c;
    char *code = emit_text(&c, "cdef int twice(int x):\n"
                               "    return x * 2\n"
                               "def g(int y):\n"
                               "    return twice(y)\n");
    char *g = function_text(c, code, "pyx_f_t_g");
    assert_contains(g, "pyx_f_t_twice(v_y)");
    assert_not_contains(g, "PyErr_Occurred");
    compiled_free(c);
}

static void test_emit_call_of_raising_c_function_is_checked(void **state)
{
    (void)state;
    Compiled *c;
    char *code = emit_text(&c, "cdef int half(int x):\n"
                               "    return x // 0\n"
                               "def g(int y):\n"
                               "    return half(y)\n");
    char *g = function_text(c, code, "pyx_f_t_g");
    assert_contains(g, "== (int)-1 && PyErr_Occurred()");
    compiled_free(c);
}

static void test_emit_object_temps_released_at_error_label(void **state)
{
    (void)state;
    Compiled *c;
    char *code = emit_text(&c, "def f(a, b):\n"
                               "    return a + b * 2\n");
    char *f = function_text(c, code, "pyx_f_t_f");
    assert_contains(f, "pyx_rt_mul");
    assert_contains(f, "pyx_rt_add");
    assert_contains(f, "pyx_L_error:");
    assert_contains(f, "Py_XDECREF(pyx_t_");
    assert_contains(f, "pyx_rt_add_traceback(\"t.f\", \"t.pyx\"");
    compiled_free(c);
}

static void test_emit_module_init_is_multi_phase(void **state)
{
    (void)state;
    Compiled *c;
    char *code = emit_text(&c, "x = 1\n");
    assert_contains(code, "PyMODINIT_FUNC PyInit_t(void)");
    assert_contains(code, "PyModuleDef_Init(&");
    assert_contains(code, "Py_mod_exec");
    compiled_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_emit_typed_range_loop_is_plain_c),
        cmocka_unit_test(test_emit_call_of_nothrow_c_function_has_no_check),
        cmocka_unit_test(test_emit_call_of_raising_c_function_is_checked),
        cmocka_unit_test(test_emit_object_temps_released_at_error_label),
        cmocka_unit_test(test_emit_module_init_is_multi_phase),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
