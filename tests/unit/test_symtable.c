/* test_symtable.c - the scopes of Cython code, which CPython cannot check:
   cdef locals, module-level cdef/extern/cimport/ctypedef names (flagged
   PYX_SYMF_C), cdef function scopes, and the queries sema uses.  Python
   scoping itself is checked against CPython by the symtable suite
   (tests/run.py --only symtable). */
#include "support.h"

#include "symtable.h"

/* Parses, lowers and analyses 'text'; the program must be valid. */
static PyxScope *scopes_of(const char *text, Compiled **out)
{
    Compiled *c = compile_text(text);
    if (c->module == NULL || c->diag.errors)
        fail_msg("syntax errors in:\n%s\n%s", text, c->messages);
    PyxScope *top = pyx_symtable(&c->arena, c->module, &c->diag);
    fflush(c->out);
    if (c->diag.errors)
        fail_msg("unexpected errors for:\n%s\n%s", text, c->messages);
    *out = c;
    return top;
}

/* The diagnostics pyx_symtable gives for 'text'. */
static char *errors_of(const char *text, Compiled **out)
{
    Compiled *c = compile_text(text);
    if (c->module == NULL || c->diag.errors)
        fail_msg("syntax errors in:\n%s\n%s", text, c->messages);
    pyx_symtable(&c->arena, c->module, &c->diag);
    fflush(c->out);
    *out = c;
    return c->messages ? c->messages : "";
}

static PyxScopeEntry *entry(const PyxScope *s, const char *name)
{
    PyxScopeEntry *e = pyx_scope_entry(s, name);
    if (e == NULL)
        fail_msg("no entry '%s' in scope '%s'", name, s->name);
    return e;
}

static PyxScope *child(const PyxScope *s, const char *name)
{
    for (int i = 0; i < s->nchildren; i++)
        if (strcmp(s->children[i]->name, name) == 0)
            return s->children[i];
    fail_msg("no scope '%s' in '%s'", name, s->name);
    return NULL;
}

/* entry name in s has binding b and all of 'on' and none of 'off' flags */
#define assert_entry(scope, id, b, on, off)                                                 \
    do {                                                                                    \
        PyxScopeEntry *e_ = entry((scope), (id));                                           \
        if (e_->binding != (b) || (e_->flags & (on)) != (on) || (e_->flags & (off)))        \
            fail_msg("'%s' in '%s': binding %d flags %#x", (id), (scope)->name, e_->binding, \
                     e_->flags);                                                            \
    } while (0)

static void test_symtable_cdef_locals(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("def f(n):\n"
                              "    cdef int i, total = 0\n"
                              "    cdef double *p\n"
                              "    for i in range(n):\n"
                              "        total += i\n"
                              "    return total\n",
                              &c);
    PyxScope *f = child(top, "f");
    assert_int_equal(f->kind, PYX_SCOPE_FUNCTION);
    assert_ptr_equal(c->module->body.items[0]->scope, f);
    assert_entry(f, "i", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, PYX_SYMF_PARAM);
    assert_entry(f, "total", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, 0);
    assert_entry(f, "p", PYX_BIND_LOCAL, PYX_SYMF_C, PYX_SYMF_USED);
    assert_entry(f, "n", PYX_BIND_LOCAL, PYX_SYMF_PARAM | PYX_SYMF_USED, PYX_SYMF_C);
    assert_entry(f, "range", PYX_BIND_GLOBAL_IMPLICIT, PYX_SYMF_USED, PYX_SYMF_C);
    /* cdef locals are not module names */
    assert_null(pyx_scope_entry(top, "total"));
    compiled_free(c);
}

static void test_symtable_cdef_local_captured_is_a_cell(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("def f():\n"
                              "    cdef int x = 1\n"
                              "    cdef:\n"
                              "        double y\n"
                              "    return lambda: x + y\n",
                              &c);
    PyxScope *f = child(top, "f");
    assert_entry(f, "x", PYX_BIND_CELL, PYX_SYMF_C, 0);
    assert_entry(f, "y", PYX_BIND_CELL, PYX_SYMF_C, 0);
    PyxScope *lam = child(f, "lambda");
    assert_entry(lam, "x", PYX_BIND_FREE, PYX_SYMF_USED, PYX_SYMF_C);
    assert_ptr_equal(pyx_scope_resolve(lam, "x"), pyx_scope_entry(f, "x"));
    compiled_free(c);
}

static void test_symtable_module_c_names(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("cimport numpy as np, libc.math\n"
                              "from libc.stdlib cimport malloc as alloc, free\n"
                              "import os\n"
                              "cdef extern from \"m.h\" nogil:\n"
                              "    int ext_f(int, char *)\n"
                              "    ctypedef int ext_t\n"
                              "    int ext_var\n"
                              "    cdef struct ext_s:\n"
                              "        int field\n"
                              "ctypedef double (*binop)(double a, double b)\n"
                              "ctypedef struct Point:\n"
                              "    double x\n"
                              "cdef union U:\n"
                              "    int member\n"
                              "cdef enum Color:\n"
                              "    RED, GREEN = 2\n"
                              "cpdef enum Mode:\n"
                              "    FAST\n"
                              "ctypedef fused number:\n"
                              "    int\n"
                              "    double\n"
                              "DEF SIZE = 8\n"
                              "cdef int counter = 0\n"
                              "cdef:\n"
                              "    double scale\n"
                              "cdef int cfunc(int v):\n"
                              "    return v\n"
                              "cpdef int pfunc(int v):\n"
                              "    return v\n"
                              "cdef int forward(int w)\n"
                              "cdef class Box:\n"
                              "    cdef public int width\n"
                              "def pyfunc():\n"
                              "    return counter\n"
                              "py_var = 1\n",
                              &c);
    static const char *const c_bound[] = {"ext_f", "ext_t", "ext_var", "ext_s", "binop", "Point", "U", "Color",
                                          "RED", "GREEN", "Mode", "FAST", "number", "SIZE", "counter", "scale",
                                          "cfunc", "pfunc", "forward", "Box"};
    for (size_t i = 0; i < sizeof c_bound / sizeof *c_bound; i++)
        assert_entry(top, c_bound[i], PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, PYX_SYMF_IMPORTED);
    static const char *const c_imported[] = {"np", "libc", "alloc", "free"};
    for (size_t i = 0; i < sizeof c_imported / sizeof *c_imported; i++)
        assert_entry(top, c_imported[i], PYX_BIND_LOCAL, PYX_SYMF_IMPORTED | PYX_SYMF_C, PYX_SYMF_ASSIGNED);
    assert_entry(top, "os", PYX_BIND_LOCAL, PYX_SYMF_IMPORTED, PYX_SYMF_C);
    assert_entry(top, "py_var", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED, PYX_SYMF_C);
    assert_entry(top, "pyfunc", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_NAMESPACE, PYX_SYMF_C);
    /* struct fields, C parameter names and the names in C types bind nothing */
    static const char *const unbound[] = {"field", "x", "member", "a", "b", "malloc", "numpy", "int", "double", "w"};
    for (size_t i = 0; i < sizeof unbound / sizeof *unbound; i++)
        if (pyx_scope_entry(top, unbound[i]))
            fail_msg("'%s' is in the module scope", unbound[i]);
    /* a module function reads the cdef global as a global */
    assert_entry(child(top, "pyfunc"), "counter", PYX_BIND_GLOBAL_IMPLICIT, PYX_SYMF_USED, 0);
    compiled_free(c);
}

static void test_symtable_cdef_function_scopes(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("cdef extern from \"math.h\":\n"
                              "    double sin(double angle)\n"
                              "cdef inline double area(double r, n) nogil:\n"
                              "    cdef double t = r * r\n"
                              "    return t * sin(n)\n"
                              "cpdef object apply(object fn, int (*cb)(int q)):\n"
                              "    return fn(<double>cb(1)) + sizeof(double)\n"
                              "cdef int declared(int k)\n",
                              &c);
    /* declarations without a body open no scope */
    assert_int_equal(top->nchildren, 2);
    assert_null(c->module->body.items[3]->scope);
    PyxScope *area = child(top, "area");
    assert_int_equal(area->kind, PYX_SCOPE_FUNCTION);
    assert_ptr_equal(c->module->body.items[1]->scope, area);
    assert_entry(area, "r", PYX_BIND_LOCAL, PYX_SYMF_PARAM | PYX_SYMF_C | PYX_SYMF_USED, 0);
    assert_entry(area, "n", PYX_BIND_LOCAL, PYX_SYMF_PARAM | PYX_SYMF_USED, PYX_SYMF_C);
    assert_entry(area, "t", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C | PYX_SYMF_USED, 0);
    assert_entry(area, "sin", PYX_BIND_GLOBAL_IMPLICIT, PYX_SYMF_USED, 0);
    assert_null(pyx_scope_entry(area, "angle"));
    assert_null(pyx_scope_entry(area, "double"));
    PyxScope *apply = child(top, "apply");
    assert_entry(apply, "cb", PYX_BIND_LOCAL, PYX_SYMF_PARAM | PYX_SYMF_C | PYX_SYMF_USED, 0);
    assert_null(pyx_scope_entry(apply, "q"));
    assert_entry(top, "apply", PYX_BIND_LOCAL, PYX_SYMF_C | PYX_SYMF_NAMESPACE, 0);
    compiled_free(c);
}

static void test_symtable_cdef_class(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("cdef class Vec:\n"
                              "    cdef public double x\n"
                              "    cdef readonly double y\n"
                              "    def __init__(self, double x, y):\n"
                              "        self.x = x\n"
                              "    cdef double norm(self):\n"
                              "        cdef double s = self.x * self.x\n"
                              "        return s\n"
                              "    def total(self):\n"
                              "        return super().total() + x\n",
                              &c);
    assert_entry(top, "Vec", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C | PYX_SYMF_NAMESPACE, 0);
    PyxScope *vec = child(top, "Vec");
    assert_int_equal(vec->kind, PYX_SCOPE_CLASS);
    assert_entry(vec, "x", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, 0);
    assert_entry(vec, "y", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, 0);
    assert_entry(vec, "norm", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_C, 0);
    assert_entry(vec, "total", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED, PYX_SYMF_C);
    assert_entry(child(vec, "norm"), "s", PYX_BIND_LOCAL, PYX_SYMF_C, 0);
    /* class attributes are not visible in methods; super() needs the class cell */
    PyxScope *total = child(vec, "total");
    assert_entry(total, "x", PYX_BIND_GLOBAL_IMPLICIT, PYX_SYMF_USED, 0);
    assert_entry(total, "__class__", PYX_BIND_FREE, PYX_SYMF_USED, 0);
    assert_true(vec->needs_class_cell);
    assert_non_null(vec->class_cell);
    assert_null(pyx_scope_entry(vec, "__class__"));
    assert_ptr_equal(pyx_scope_resolve(total, "__class__"), vec->class_cell);
    compiled_free(c);
}

static void test_symtable_resolve_skips_class_bodies(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("def outer():\n"
                              "    v = 1\n"
                              "    class K:\n"
                              "        v = 2\n"
                              "        def m(self):\n"
                              "            def deeper():\n"
                              "                return v\n"
                              "            return deeper\n"
                              "    return K\n",
                              &c);
    PyxScope *outer = child(top, "outer");
    PyxScope *k = child(outer, "K");
    PyxScope *m = child(k, "m");
    PyxScope *deeper = child(m, "deeper");
    assert_entry(outer, "v", PYX_BIND_CELL, PYX_SYMF_ASSIGNED, 0);
    assert_entry(k, "v", PYX_BIND_LOCAL, PYX_SYMF_ASSIGNED | PYX_SYMF_FREE_CLASS, 0);
    /* m never mentions v, but passes it through */
    assert_entry(m, "v", PYX_BIND_FREE, 0, PYX_SYMF_USED);
    assert_true(m->has_free);
    assert_true(k->child_has_free);
    assert_ptr_equal(pyx_scope_resolve(deeper, "v"), pyx_scope_entry(outer, "v"));
    assert_ptr_equal(pyx_scope_resolve(m, "v"), pyx_scope_entry(outer, "v"));
    assert_ptr_equal(pyx_scope_resolve(k, "v"), pyx_scope_entry(k, "v"));
    assert_null(pyx_scope_resolve(deeper, "missing"));
    compiled_free(c);
}

static void test_symtable_scopes_on_nodes(void **state)
{
    (void)state;
    Compiled *c;
    PyxScope *top = scopes_of("async def f(xs):\n"
                              "    a = [x for x in xs]\n"
                              "    b = (x async for x in xs)\n"
                              "    yield lambda: 0\n",
                              &c);
    assert_ptr_equal(c->module->scope, top);
    assert_int_equal(top->kind, PYX_SCOPE_MODULE);
    assert_string_equal(top->name, "top");
    PyxScope *f = child(top, "f");
    assert_true(f->is_coroutine);
    assert_true(f->is_generator);
    PyxNode *def = c->module->body.items[0];
    assert_ptr_equal(def->body.items[0]->value->scope, child(f, "listcomp"));
    PyxScope *gen = child(f, "genexpr");
    assert_ptr_equal(def->body.items[1]->value->scope, gen);
    assert_true(gen->is_generator);
    assert_int_equal(gen->kind, PYX_SCOPE_COMPREHENSION);
    assert_entry(gen, ".0", PYX_BIND_LOCAL, PYX_SYMF_PARAM, 0);
    assert_entry(gen, "x", PYX_BIND_LOCAL, PYX_SYMF_COMP_ITER, 0);
    assert_ptr_equal(def->body.items[2]->value->value->scope, child(f, "lambda"));
    assert_int_equal(child(f, "lambda")->kind, PYX_SCOPE_LAMBDA);
    compiled_free(c);
}

static void test_symtable_errors_in_cython_code(void **state)
{
    (void)state;
    Compiled *c;
    char *msgs = errors_of("def f():\n"
                           "    cdef int x = 1\n"
                           "    global x\n",
                           &c);
    assert_contains(msgs, "t.pyx:3:5: error: name 'x' is assigned to before global declaration");
    compiled_free(c);
    msgs = errors_of("cdef int g(int a, double a):\n"
                     "    return a\n",
                     &c);
    assert_contains(msgs, "t.pyx:1:26: error: duplicate argument 'a' in function definition");
    compiled_free(c);
}

static void test_symtable_mangle(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    assert_string_equal(pyx_symtable_mangle(&a, "C", "__x"), "_C__x");
    assert_string_equal(pyx_symtable_mangle(&a, "_Priv", "__x"), "_Priv__x");
    assert_string_equal(pyx_symtable_mangle(&a, "C", "__x__"), "__x__");
    assert_string_equal(pyx_symtable_mangle(&a, "C", "_x"), "_x");
    assert_string_equal(pyx_symtable_mangle(&a, "C", "__a.b"), "__a.b");
    assert_string_equal(pyx_symtable_mangle(&a, "___", "__x"), "__x");
    assert_string_equal(pyx_symtable_mangle(&a, NULL, "__x"), "__x");
    pyx_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_symtable_cdef_locals),
        cmocka_unit_test(test_symtable_cdef_local_captured_is_a_cell),
        cmocka_unit_test(test_symtable_module_c_names),
        cmocka_unit_test(test_symtable_cdef_function_scopes),
        cmocka_unit_test(test_symtable_cdef_class),
        cmocka_unit_test(test_symtable_resolve_skips_class_bodies),
        cmocka_unit_test(test_symtable_scopes_on_nodes),
        cmocka_unit_test(test_symtable_errors_in_cython_code),
        cmocka_unit_test(test_symtable_mangle),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
