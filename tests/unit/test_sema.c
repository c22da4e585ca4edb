/* test_sema.c - names, typing and inference: the types pyx_sema leaves on the
   AST and on each function's locals, and the Cython 3 exception specs of
   C functions.  Error messages are checked end to end (tests/e2e/errors/sema_*). */
#include "support.h"

#include "desugar.h"
#include "symtable.h"
#include "sema.h"

/* Parses, lowers and types 'text' as module 't'; the program must be valid. */
static Compiled *typed(const char *text, PyxModuleInfo **m)
{
    Compiled *c = compile_text(text);
    if (c->module == NULL || c->diag.errors)
        fail_msg("syntax errors in:\n%s\n%s", text, c->messages);
    pyx_symtable(&c->arena, c->module, &c->diag);
    pyx_desugar(&c->arena, c->module);
    *m = pyx_sema(&c->arena, c->module, "t", &c->diag);
    fflush(c->out);
    if (c->diag.errors)
        fail_msg("unexpected errors for:\n%s\n%s", text, c->messages);
    return c;
}

static PyxFunc *func_named(PyxModuleInfo *m, const char *name)
{
    for (int i = 0; i < m->nfuncs; i++)
        if (strcmp(m->funcs[i]->name, name) == 0)
            return m->funcs[i];
    fail_msg("no function '%s'", name);
    return NULL;
}

static PyxSymbol *local_named(PyxFunc *f, const char *name)
{
    for (int i = 0; i < f->nlocals; i++)
        if (strcmp(f->locals[i]->name, name) == 0)
            return f->locals[i];
    fail_msg("no local '%s' in '%s'", name, f->name);
    return NULL;
}

/* Statement i of function f's body. */
static PyxNode *body_stmt(PyxFunc *f, int i)
{
    assert_true(i < f->def->body.len);
    return f->def->body.items[i];
}

/* The value of the assignment or return that is statement i of f. */
static PyxNode *value_of(PyxFunc *f, int i)
{
    PyxNode *s = body_stmt(f, i);
    assert_non_null(s->value);
    return s->value;
}

/* ---- constants ------------------------------------------------------------------ */

static void test_sema_folds_integer_literals(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f():\n"
                        "    a = 10**6\n"
                        "    b = 2 * 3 + 1\n"
                        "    c = -5\n"
                        "    d = 7 // -2\n"
                        "    return a\n", &m);
    PyxFunc *f = func_named(m, "f");
    PyxNode *a = value_of(f, 0), *b = value_of(f, 1), *neg = value_of(f, 2), *d = value_of(f, 3);
    /* folded values are recorded on the nodes; the tree keeps its shape */
    assert_int_equal(a->kind, PYX_NODE_BINOP);
    assert_true(a->sflags & PYX_SF(CONST));
    assert_int_equal(a->ival, 1000000);
    assert_ptr_equal(a->type, &pyx_type_int);   /* C's type for the literal */
    assert_true(b->sflags & PYX_SF(CONST));
    assert_int_equal(b->ival, 7);
    assert_int_equal(neg->kind, PYX_NODE_UNARYOP);
    assert_true(neg->sflags & PYX_SF(CONST));
    assert_int_equal(neg->ival, -5);
    /* Python's floor division, not C's truncation */
    assert_int_equal(d->ival, -4);
    compiled_free(c);
}

static void test_sema_folding_that_leaves_64_bits_is_python(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f():\n"
                        "    a = -(-9223372036854775807 - 1)\n"
                        "    b = 2 ** 64\n"
                        "    c = 0x7fffffffffffffff\n"
                        "    d = True + (2**63 - 1)\n"
                        "    e = 2 ** -1\n"
                        "    g = 1 // 0\n"
                        "    h = 10 ** 200\n"
                        "    return a\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(value_of(f, 0)->type, &pyx_type_object);
    assert_ptr_equal(value_of(f, 1)->type, &pyx_type_object);
    assert_true(value_of(f, 2)->sflags & PYX_SF(CONST));
    assert_ptr_equal(value_of(f, 2)->type, &pyx_type_long);
    assert_ptr_equal(value_of(f, 3)->type, &pyx_type_object);
    assert_ptr_equal(value_of(f, 4)->type, &pyx_type_object);   /* 0.5: Python computes it */
    assert_ptr_equal(value_of(f, 5)->type, &pyx_type_object);   /* ZeroDivisionError at run time */
    assert_ptr_equal(value_of(f, 6)->type, &pyx_type_object);
    compiled_free(c);
}

static void test_sema_literal_types(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f():\n"
                        "    a = 1.5\n"
                        "    b = 'text'\n"
                        "    c = b'raw'\n"
                        "    d = True\n"
                        "    e = [1, 2]\n"
                        "    g = (1,)\n"
                        "    h = {}\n"
                        "    return a\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(value_of(f, 0)->type, &pyx_type_double);
    assert_ptr_equal(value_of(f, 1)->type, pyx_type_builtin(PYX_BI_STR));
    assert_ptr_equal(value_of(f, 2)->type, pyx_type_builtin(PYX_BI_BYTES));
    assert_ptr_equal(value_of(f, 3)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 4)->type, pyx_type_builtin(PYX_BI_LIST));
    assert_ptr_equal(value_of(f, 5)->type, pyx_type_builtin(PYX_BI_TUPLE));
    assert_ptr_equal(value_of(f, 6)->type, pyx_type_builtin(PYX_BI_DICT));
    compiled_free(c);
}

/* ---- inference ------------------------------------------------------------------- */

static void test_sema_infers_double_for_float_only_locals(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("from libc.math cimport sqrt\n"
                        "def f(double k, bint flag):\n"
                        "    x = 0.5\n"
                        "    if flag:\n"
                        "        x = sqrt(k)\n"
                        "    y = 1.5\n"
                        "    y = 2\n"
                        "    z = k / 3\n"
                        "    return x, y, z\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(local_named(f, "x")->type, &pyx_type_double);
    assert_ptr_equal(local_named(f, "z")->type, &pyx_type_double);
    /* one integer assignment keeps it a Python object */
    assert_ptr_equal(local_named(f, "y")->type, &pyx_type_object);
    assert_false(local_named(f, "y")->declared);
    compiled_free(c);
}

static void test_sema_range_target_without_arithmetic_is_c_long(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f(list xs, int n):\n"
                        "    total = 0\n"
                        "    for i in range(n):\n"
                        "        total += xs[i]\n"
                        "    for j in range(10):\n"
                        "        print(j)\n"
                        "    return total\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(local_named(f, "i")->type, &pyx_type_long);
    assert_ptr_equal(local_named(f, "j")->type, &pyx_type_long);
    /* the accumulator is an object: Python ints do not overflow */
    assert_ptr_equal(local_named(f, "total")->type, &pyx_type_object);
    /* the loops run in C */
    assert_int_equal(body_stmt(f, 1)->loop_kind, PYX_LOOP_RANGE);
    assert_int_equal(body_stmt(f, 2)->loop_kind, PYX_LOOP_RANGE);
    compiled_free(c);
}

static void test_sema_range_target_in_arithmetic_stays_object(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f(int n):\n"
                        "    s = 0\n"
                        "    for i in range(n):\n"
                        "        s = s + i * i\n"
                        "    for k in range(n):\n"
                        "        s -= k\n"
                        "    for j in xs_of(n):\n"
                        "        print(j)\n"
                        "    return s\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(local_named(f, "i")->type, &pyx_type_object);
    assert_ptr_equal(local_named(f, "k")->type, &pyx_type_object);
    assert_true(local_named(f, "i")->arith);
    /* not a range loop */
    assert_ptr_equal(local_named(f, "j")->type, &pyx_type_object);
    compiled_free(c);
}

static void test_sema_seed_tutorial_loop_variable_stays_object(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def cythonized_function():\n"
                        "    cdef int result = 0\n"
                        "    for i in range(10**6):\n"
                        "        result += i\n"
                        "    return result\n", &m);
    PyxFunc *f = func_named(m, "cythonized_function");
    PyxSymbol *result = local_named(f, "result");
    assert_ptr_equal(result->type, &pyx_type_int);
    assert_true(result->declared);
    assert_string_equal(result->cname, "v_result");
    /* 'i' is an operand of '+=': it stays a Python int, so 'result += i'
       converts back to a C int and overflows with OverflowError, as in Cython */
    assert_ptr_equal(local_named(f, "i")->type, &pyx_type_object);
    PyxNode *range = body_stmt(f, 1)->value;
    assert_true(range->items.items[0]->sflags & PYX_SF(CONST));
    assert_int_equal(range->items.items[0]->ival, 1000000);
    assert_int_equal(body_stmt(f, 1)->loop_kind, PYX_LOOP_ITER);
    compiled_free(c);
}

static void test_sema_inference_pass_reports_errors_once(void **state)
{
    (void)state;
    Compiled *c = compile_text("cdef int add(int a, int b):\n"
                               "    return a + b\n"
                               "def f():\n"
                               "    y = 2.0\n"
                               "    x = add(1)\n"
                               "    return x, y\n");
    pyx_symtable(&c->arena, c->module, &c->diag);
    pyx_desugar(&c->arena, c->module);
    pyx_sema(&c->arena, c->module, "t", &c->diag);
    fflush(c->out);
    assert_int_equal(c->diag.errors, 1);
    assert_contains(c->messages, "t.pyx:5:9: error: add() missing required argument 'b'");
    compiled_free(c);
}

/* ---- functions ------------------------------------------------------------------- */

static void test_sema_function_kinds_and_names(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def p(x):\n    return x\n"
                        "cdef double q(int n):\n    return n\n"
                        "cpdef long r(long n):\n    return n\n", &m);
    PyxFunc *p = func_named(m, "p"), *q = func_named(m, "q"), *r = func_named(m, "r");
    assert_true(p->is_py);
    assert_false(p->is_c);
    assert_ptr_equal(p->ret, &pyx_type_object);
    assert_ptr_equal(p->params[0]->type, &pyx_type_object);
    assert_false(q->is_py);
    assert_true(q->is_c);
    assert_ptr_equal(q->ret, &pyx_type_double);
    assert_ptr_equal(q->params[0]->type, &pyx_type_int);
    assert_true(q->params[0]->declared);
    assert_true(r->is_py && r->is_c);
    assert_string_equal(q->cname, "pyx_f_t_q");
    assert_string_equal(r->wcname, "pyx_pw_t_r");
    compiled_free(c);
}

static void test_sema_exception_spec_defaults(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("cdef int i():\n    return 0\n"
                        "cdef bint b():\n    return 0\n"
                        "cdef double d():\n    return 0.0\n"
                        "cdef void v():\n    pass\n"
                        "cdef int *p():\n    return NULL\n"
                        "cdef object o():\n    return None\n"
                        "cdef list l():\n    return []\n"
                        "cpdef long c():\n    return 0\n", &m);
    PyxFunc *f;
    f = func_named(m, "i");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "-1");
    f = func_named(m, "b");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "-1");
    f = func_named(m, "d");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "-1.0");
    f = func_named(m, "v");
    assert_int_equal(f->exc, PYX_EXC_STAR);
    f = func_named(m, "p");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "NULL");
    f = func_named(m, "o");
    assert_int_equal(f->exc, PYX_EXC_NULL);
    assert_string_equal(f->exc_value, "NULL");
    assert_int_equal(func_named(m, "l")->exc, PYX_EXC_NULL);
    f = func_named(m, "c");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "-1");
    compiled_free(c);
}

static void test_sema_exception_spec_explicit(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("cdef int n() noexcept:\n    return 0\n"
                        "cdef void vn() noexcept:\n    pass\n"
                        "cdef int v() except -1:\n    return 0\n"
                        "cdef int q() except? -2:\n    return 0\n"
                        "cdef int s() except *:\n    return 0\n"
                        "cdef void vs() except *:\n    pass\n"
                        "cdef double dv() except -1.5:\n    return 0.0\n"
                        "cdef int big() except 0x7f:\n    return 0\n", &m);
    PyxFunc *f;
    assert_int_equal(func_named(m, "n")->exc, PYX_EXC_NONE);
    assert_int_equal(func_named(m, "vn")->exc, PYX_EXC_NONE);
    f = func_named(m, "v");
    assert_int_equal(f->exc, PYX_EXC_VALUE);
    assert_string_equal(f->exc_value, "-1");
    f = func_named(m, "q");
    assert_int_equal(f->exc, PYX_EXC_CHECK);
    assert_string_equal(f->exc_value, "-2");
    assert_int_equal(func_named(m, "s")->exc, PYX_EXC_STAR);
    assert_int_equal(func_named(m, "vs")->exc, PYX_EXC_STAR);
    f = func_named(m, "dv");
    assert_int_equal(f->exc, PYX_EXC_VALUE);
    assert_string_equal(f->exc_value, "-1.5");
    f = func_named(m, "big");
    assert_int_equal(f->exc, PYX_EXC_VALUE);
    assert_string_equal(f->exc_value, "127");
    compiled_free(c);
}

static void test_sema_c_calls_typed_by_return_type(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("from libc.math cimport sqrt\n"
                        "from libc.string cimport strlen\n"
                        "from libc.stdlib cimport malloc\n"
                        "cdef double half(int x):\n    return x / 2.0\n"
                        "cdef bint odd(long x):\n    return x % 2\n"
                        "def py(x):\n    return x\n"
                        "def f():\n"
                        "    a = half(3)\n"
                        "    b = odd(3)\n"
                        "    c = sqrt(2.0)\n"
                        "    d = strlen(NULL)\n"
                        "    cdef void *e = malloc(8)\n"
                        "    g = py(1)\n"
                        "    return a\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(value_of(f, 0)->type, &pyx_type_double);
    assert_ptr_equal(value_of(f, 1)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 2)->type, &pyx_type_double);
    assert_ptr_equal(value_of(f, 3)->type, &pyx_type_size_t);
    PyxNode *e = body_stmt(f, 4)->items.items[0]->value;   /* cdef void *e = malloc(8) */
    assert_int_equal(e->type->kind, PYX_TY_PTR);
    assert_ptr_equal(e->type->base, &pyx_type_void);
    /* a def function is called through Python */
    assert_ptr_equal(value_of(f, 5)->type, &pyx_type_object);
    assert_int_equal(value_of(f, 0)->value->sym->kind, PYX_SYM_FUNC);
    assert_int_equal(value_of(f, 2)->value->sym->kind, PYX_SYM_EXTERN);
    assert_ptr_equal(local_named(f, "a")->type, &pyx_type_double);
    compiled_free(c);
}

static void test_sema_builtins_computed_in_c(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f(int a, double b, short s, list xs, o):\n"
                        "    r1 = abs(a)\n"
                        "    r2 = min(a, b)\n"
                        "    r3 = max(a, s)\n"
                        "    r4 = abs(s)\n"
                        "    r5 = len(xs)\n"
                        "    r6 = abs(o)\n"
                        "    r7 = max(a, o)\n"
                        "    r8 = min(xs)\n"
                        "    return r1\n", &m);
    PyxFunc *f = func_named(m, "f");
    PyxNode *n;
    n = value_of(f, 0);
    assert_int_equal(n->call_kind, PYX_CALL_BUILTIN);
    assert_int_equal(n->builtin, PYX_BUILTIN_ABS);
    assert_ptr_equal(n->type, &pyx_type_int);
    n = value_of(f, 1);   /* min(1, 2.5) is the int 1 in Python: its own call */
    assert_int_equal(n->call_kind, PYX_CALL_PYTHON);
    assert_ptr_equal(n->type, &pyx_type_object);
    n = value_of(f, 2);
    assert_int_equal(n->builtin, PYX_BUILTIN_MAX);
    assert_ptr_equal(n->type, &pyx_type_int);
    n = value_of(f, 3);   /* short promotes to int, as in C */
    assert_int_equal(n->builtin, PYX_BUILTIN_ABS);
    assert_ptr_equal(n->type, &pyx_type_int);
    n = value_of(f, 4);
    assert_int_equal(n->builtin, PYX_BUILTIN_LEN);
    assert_ptr_equal(n->type, &pyx_type_ssize_t);
    assert_ptr_equal(n->items.items[0]->conv, &pyx_type_object);
    /* an object argument: the Python builtin */
    for (int i = 5; i <= 7; i++) {
        n = value_of(f, i);
        assert_int_equal(n->call_kind, PYX_CALL_PYTHON);
        assert_ptr_equal(n->type, &pyx_type_object);
    }
    compiled_free(c);
}

static void test_sema_builtin_shadowed_by_module_function(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def abs(x):\n    return x\n"
                        "def f(int a):\n    return abs(a)\n", &m);
    PyxNode *call = value_of(func_named(m, "f"), 0);
    assert_int_equal(call->call_kind, PYX_CALL_PYTHON);
    assert_ptr_equal(call->type, &pyx_type_object);
    compiled_free(c);
}

/* ---- operators ------------------------------------------------------------------ */

static void test_sema_arithmetic_on_c_values(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f(int a, int b, long l, float x, unsigned int u, o):\n"
                        "    r1 = a / b\n"
                        "    r2 = a // b\n"
                        "    r3 = a % b\n"
                        "    r4 = a + l\n"
                        "    r5 = x * x\n"
                        "    r6 = x / 2.0\n"
                        "    r7 = a + u\n"
                        "    r8 = a + o\n"
                        "    r9 = -a\n"
                        "    r10 = a ** 2\n"
                        "    r11 = a ** b\n"
                        "    return r1\n", &m);
    PyxFunc *f = func_named(m, "f");
    /* '/' is true division, even on C ints */
    assert_ptr_equal(value_of(f, 0)->type, &pyx_type_double);
    assert_ptr_equal(value_of(f, 1)->type, &pyx_type_int);
    assert_ptr_equal(value_of(f, 2)->type, &pyx_type_int);
    assert_ptr_equal(value_of(f, 3)->type, &pyx_type_long);
    assert_ptr_equal(value_of(f, 4)->type, &pyx_type_float);
    assert_ptr_equal(value_of(f, 5)->type, &pyx_type_double);
    assert_ptr_equal(value_of(f, 6)->type, &pyx_type_uint);
    assert_ptr_equal(value_of(f, 7)->type, &pyx_type_object);
    assert_ptr_equal(value_of(f, 8)->type, &pyx_type_int);
    /* a small literal exponent stays integral; a variable one may be negative */
    assert_ptr_equal(value_of(f, 9)->type, &pyx_type_int);
    assert_ptr_equal(value_of(f, 10)->type, &pyx_type_double);
    compiled_free(c);
}

static void test_sema_comparisons_of_c_values_are_bint(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("def f(int a, double b, o):\n"
                        "    cdef int *p = NULL\n"
                        "    r1 = a < b\n"
                        "    r2 = 0 <= a < 10\n"
                        "    r3 = a == o\n"
                        "    r4 = p is NULL\n"
                        "    r5 = a in o\n"
                        "    r6 = not o\n"
                        "    r7 = a > 1 and b < 2.0\n"
                        "    return r1\n", &m);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(value_of(f, 1)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 2)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 3)->type, &pyx_type_object);
    assert_ptr_equal(value_of(f, 4)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 5)->type, &pyx_type_object);
    assert_ptr_equal(value_of(f, 6)->type, &pyx_type_bint);
    assert_ptr_equal(value_of(f, 7)->type, &pyx_type_bint);
    compiled_free(c);
}

/* ---- scopes ----------------------------------------------------------------------- */

static void test_sema_symbols_and_scopes(void **state)
{
    (void)state;
    PyxModuleInfo *m;
    Compiled *c = typed("cdef double scale = 2.0\n"
                        "counter = 0\n"
                        "ctypedef long index_t\n"
                        "def f(index_t n):\n"
                        "    global counter\n"
                        "    counter = counter + 1\n"
                        "    cdef index_t k = n\n"
                        "    return k * scale\n", &m);
    assert_int_equal(m->ncglobals, 1);
    assert_string_equal(m->cglobals[0]->cname, "pyx_g_scale");
    assert_ptr_equal(m->cglobals[0]->type, &pyx_type_double);
    PyxFunc *f = func_named(m, "f");
    assert_ptr_equal(f->params[0]->type, &pyx_type_long);   /* through the ctypedef */
    assert_ptr_equal(local_named(f, "k")->type, &pyx_type_long);
    /* 'counter' is the module's, not a local */
    for (int i = 0; i < f->nlocals; i++)
        assert_string_not_equal(f->locals[i]->name, "counter");
    PyxNode *assign = body_stmt(f, 1);
    assert_int_equal(assign->items.items[0]->sym->kind, PYX_SYM_PYGLOBAL);
    PyxNode *ret = value_of(f, 3);
    assert_ptr_equal(ret->type, &pyx_type_double);
    assert_int_equal(ret->right->sym->kind, PYX_SYM_CGLOBAL);
    compiled_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sema_folds_integer_literals),
        cmocka_unit_test(test_sema_folding_that_leaves_64_bits_is_python),
        cmocka_unit_test(test_sema_literal_types),
        cmocka_unit_test(test_sema_infers_double_for_float_only_locals),
        cmocka_unit_test(test_sema_range_target_without_arithmetic_is_c_long),
        cmocka_unit_test(test_sema_range_target_in_arithmetic_stays_object),
        cmocka_unit_test(test_sema_seed_tutorial_loop_variable_stays_object),
        cmocka_unit_test(test_sema_inference_pass_reports_errors_once),
        cmocka_unit_test(test_sema_function_kinds_and_names),
        cmocka_unit_test(test_sema_exception_spec_defaults),
        cmocka_unit_test(test_sema_exception_spec_explicit),
        cmocka_unit_test(test_sema_c_calls_typed_by_return_type),
        cmocka_unit_test(test_sema_builtins_computed_in_c),
        cmocka_unit_test(test_sema_builtin_shadowed_by_module_function),
        cmocka_unit_test(test_sema_arithmetic_on_c_values),
        cmocka_unit_test(test_sema_comparisons_of_c_values_are_bint),
        cmocka_unit_test(test_sema_symbols_and_scopes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
