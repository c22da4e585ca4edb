/* test_flow.c - the control-flow graph and its analyses: definite
   assignment (which uses need no unbound check), liveness across yields
   (what a generator frame keeps), and whether a body can fall off its end.
   Built straight from the lowered tree, so yields can be tested before
   generators compile. */
#include "support.h"

#include "desugar.h"
#include "flow.h"

/* The flow of the first function of 'text', with its listed variables
   ('params' bound on entry). */
static PyxFlow *flow_of(Compiled **out, const char *text, const char *const *params, const char *const *locals)
{
    Compiled *c = compile_text(text);
    if (c->module == NULL || c->diag.errors)
        fail_msg("syntax errors in:\n%s\n%s", text, c->messages);
    pyx_desugar(&c->arena, c->module);
    PyxNode *def = stmt(c, 0);
    PyxFlow *f = pyx_flow_new(&c->arena);
    for (int i = 0; params[i]; i++)
        pyx_flow_var(f, params[i], true);
    for (int i = 0; locals[i]; i++)
        pyx_flow_var(f, locals[i], false);
    pyx_flow_build(f, &def->body);
    *out = c;
    return f;
}

static bool live(PyxFlow *f, int yield, const char *name)
{
    intptr_t k = (intptr_t)pyx_map_get(&f->var_index, name);
    assert_true(k > 0);
    assert_true(yield < f->nyields);
    return pyx_flow_bit(f->yields[yield].live, (int)k - 1);
}

/* The NAME node of the n-th use of 'name' (in source order) within 'n'. */
static PyxNode *find_use(PyxNode *n, const char *name, int *nth);

static void find_child(PyxNode *child, PyxSlot slot, void *ctx)
{
    (void)slot;
    void **args = ctx;
    if (!args[2])
        args[2] = find_use(child, args[0], args[1]);
}

static PyxNode *find_use(PyxNode *n, const char *name, int *nth)
{
    if (n->kind == PYX_NODE_NAME && strcmp(n->name, name) == 0 && (*nth)-- == 0)
        return n;
    void *args[3] = {(void *)name, nth, NULL};
    pyx_ast_children(n, find_child, args);
    return args[2];
}

static PyxNode *use(Compiled *c, const char *name, int nth)
{
    PyxNode *n = find_use(stmt(c, 0), name, &nth);
    assert_non_null(n);
    return n;
}

static void test_flow_live_across_yields(void **state)
{
    (void)state;
    Compiled *c;
    static const char *const params[] = {"a", NULL}, *const locals[] = {"b", "c", "d", NULL};
    PyxFlow *f = flow_of(&c, "def g(a):\n"
                             "    b = 1\n"
                             "    c = 2\n"
                             "    yield a + b\n"
                             "    d = b\n"
                             "    yield d\n", params, locals);
    pyx_flow_liveness(f);
    assert_int_equal(f->nyields, 2);
    /* yields are recorded walking backwards: the last one first */
    int first = f->yields[0].node->loc.line == 4 ? 0 : 1, second = 1 - first;
    assert_true(live(f, first, "b"));
    assert_false(live(f, first, "a"));
    assert_false(live(f, first, "c"));
    assert_false(live(f, first, "d"));
    assert_false(live(f, second, "d"));
    assert_false(live(f, second, "b"));
    compiled_free(c);
}

static void test_flow_handler_keeps_locals_live(void **state)
{
    (void)state;
    Compiled *c;
    static const char *const params[] = {"x", NULL}, *const locals[] = {"y", "z", NULL};
    PyxFlow *f = flow_of(&c, "def h(x):\n"
                             "    y = x\n"
                             "    z = 0\n"
                             "    try:\n"
                             "        yield 1\n"
                             "    except E:\n"
                             "        return y\n"
                             "    return 0\n", params, locals);
    pyx_flow_liveness(f);
    assert_int_equal(f->nyields, 1);
    assert_true(live(f, 0, "y"));   /* the handler reads it after an exception at the yield */
    assert_false(live(f, 0, "z"));
    assert_false(live(f, 0, "x"));
    compiled_free(c);
}

static void test_flow_definite_assignment(void **state)
{
    (void)state;
    Compiled *c;
    static const char *const params[] = {"n", NULL}, *const locals[] = {"i", "t", "u", "e", NULL};
    PyxFlow *f = flow_of(&c, "def k(n):\n"
                             "    t = 0\n"
                             "    for i in range(n):\n"
                             "        t = t + i\n"
                             "    if n:\n"
                             "        u = 1\n"
                             "    try:\n"
                             "        pass\n"
                             "    except E as e:\n"
                             "        pass\n"
                             "    return t, i, u, n, e\n", params, locals);
    pyx_flow_definite_assignment(f);
    assert_true(use(c, "t", 1)->sflags & PYX_SF(BOUND));    /* t + i inside the loop */
    assert_true(use(c, "i", 1)->sflags & PYX_SF(BOUND));
    assert_true(use(c, "t", 3)->sflags & PYX_SF(BOUND));    /* return t (2 is the store of t = t + i) */
    assert_false(use(c, "i", 2)->sflags & PYX_SF(BOUND));   /* range(0) leaves i unbound */
    assert_false(use(c, "u", 1)->sflags & PYX_SF(BOUND));
    assert_true(use(c, "n", 2)->sflags & PYX_SF(BOUND));    /* a parameter */
    assert_false(use(c, "e", 1)->sflags & PYX_SF(BOUND));   /* deleted at the end of the handler */
    assert_false(f->falls_off_end);
    compiled_free(c);
}

static void test_flow_end_reachable(void **state)
{
    (void)state;
    Compiled *c;
    static const char *const none[] = {NULL};
    PyxFlow *f = flow_of(&c, "def m():\n"
                             "    while True:\n"
                             "        pass\n", none, none);
    pyx_flow_definite_assignment(f);
    assert_false(f->falls_off_end);   /* only a break leaves 'while True' */
    compiled_free(c);
    f = flow_of(&c, "def m(x):\n"
                    "    if x:\n"
                    "        return 1\n", none, none);
    pyx_flow_definite_assignment(f);
    assert_true(f->falls_off_end);
    compiled_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flow_live_across_yields),
        cmocka_unit_test(test_flow_handler_keeps_locals_live),
        cmocka_unit_test(test_flow_definite_assignment),
        cmocka_unit_test(test_flow_end_reachable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
