/* test_types.c - the type table and the rules between types: names, sign and
   size words, C's usual arithmetic conversions, assignability, and C
   declarator spelling. */
#include "support.h"

#include "types.h"

/* ---- names --------------------------------------------------------------- */

static void test_types_by_name_c_scalars(void **state)
{
    (void)state;
    assert_ptr_equal(pyx_type_by_name("char"), &pyx_type_char);
    assert_ptr_equal(pyx_type_by_name("short"), &pyx_type_short);
    assert_ptr_equal(pyx_type_by_name("int"), &pyx_type_int);
    assert_ptr_equal(pyx_type_by_name("long"), &pyx_type_long);
    assert_ptr_equal(pyx_type_by_name("float"), &pyx_type_float);
    assert_ptr_equal(pyx_type_by_name("double"), &pyx_type_double);
    assert_ptr_equal(pyx_type_by_name("bint"), &pyx_type_bint);
    assert_ptr_equal(pyx_type_by_name("Py_ssize_t"), &pyx_type_ssize_t);
    assert_ptr_equal(pyx_type_by_name("ssize_t"), &pyx_type_ssize_t);
    assert_ptr_equal(pyx_type_by_name("size_t"), &pyx_type_size_t);
    assert_ptr_equal(pyx_type_by_name("void"), &pyx_type_void);
    /* every scalar is C, and every one but void is numeric */
    const char *numeric[] = {"char", "short", "int", "long", "float", "double", "bint", "Py_ssize_t", "size_t"};
    for (size_t i = 0; i < sizeof numeric / sizeof numeric[0]; i++) {
        PyxType *t = pyx_type_by_name(numeric[i]);
        assert_true(pyx_type_is_c(t));
        assert_true(pyx_type_is_numeric(t));
        assert_false(pyx_type_is_object(t));
    }
    assert_false(pyx_type_is_numeric(&pyx_type_void));
}

static void test_types_by_name_cython_spellings(void **state)
{
    (void)state;
    assert_ptr_equal(pyx_type_by_name("cython.int"), &pyx_type_int);
    assert_ptr_equal(pyx_type_by_name("cython.longlong"), &pyx_type_longlong);
    assert_ptr_equal(pyx_type_by_name("cython.ulonglong"), &pyx_type_ulonglong);
    assert_ptr_equal(pyx_type_by_name("cython.uint"), &pyx_type_uint);
    assert_ptr_equal(pyx_type_by_name("cython.double"), &pyx_type_double);
    assert_ptr_equal(pyx_type_by_name("cython.bint"), &pyx_type_bint);
    assert_ptr_equal(pyx_type_by_name("cython.Py_ssize_t"), &pyx_type_ssize_t);
    assert_ptr_equal(pyx_type_by_name("cython.void"), &pyx_type_void);
}

static void test_types_by_name_builtin_objects(void **state)
{
    (void)state;
    static const struct { const char *name; PyxBuiltin b; const char *check; } objs[] = {
        {"list", PYX_BI_LIST, "PyList_CheckExact"}, {"dict", PYX_BI_DICT, "PyDict_CheckExact"},
        {"tuple", PYX_BI_TUPLE, "PyTuple_CheckExact"}, {"str", PYX_BI_STR, "PyUnicode_CheckExact"},
        {"unicode", PYX_BI_STR, "PyUnicode_CheckExact"}, {"bytes", PYX_BI_BYTES, "PyBytes_CheckExact"},
        {"set", PYX_BI_SET, "PySet_CheckExact"},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++) {
        PyxType *t = pyx_type_by_name(objs[i].name);
        assert_non_null(t);
        assert_int_equal(t->kind, PYX_TY_OBJECT);
        assert_int_equal(t->builtin, objs[i].b);
        assert_string_equal(t->check, objs[i].check);
        assert_string_equal(t->cname, "PyObject *");
        assert_ptr_equal(t, pyx_type_builtin(objs[i].b));
        assert_true(pyx_type_is_object(t));
        assert_false(pyx_type_is_c(t));
    }
    PyxType *o = pyx_type_by_name("object");
    assert_ptr_equal(o, &pyx_type_object);
    assert_int_equal(o->builtin, PYX_BI_NONE);
    assert_ptr_equal(pyx_type_builtin(PYX_BI_NONE), &pyx_type_object);
    /* 'int' and 'float' in a declaration are C types; the object types exist for inference */
    assert_int_equal(pyx_type_builtin(PYX_BI_INT)->kind, PYX_TY_OBJECT);
    assert_string_equal(pyx_type_builtin(PYX_BI_FLOAT)->name, "float");
}

static void test_types_by_name_unknown(void **state)
{
    (void)state;
    assert_null(pyx_type_by_name("foo"));
    assert_null(pyx_type_by_name("Int"));
    assert_null(pyx_type_by_name("long long"));   /* several words: pyx_type_by_words */
    assert_null(pyx_type_by_name(""));
}

/* ---- sign and size words ------------------------------------------------------ */

static void test_types_by_words_valid(void **state)
{
    (void)state;
    /* by_words(base, unsigned, signed, short, longs) */
    assert_ptr_equal(pyx_type_by_words("int", true, false, false, 0), &pyx_type_uint);
    assert_ptr_equal(pyx_type_by_words("int", false, true, false, 0), &pyx_type_int);
    assert_ptr_equal(pyx_type_by_words("int", false, false, true, 0), &pyx_type_short);
    assert_ptr_equal(pyx_type_by_words("int", true, false, true, 0), &pyx_type_ushort);
    assert_ptr_equal(pyx_type_by_words("int", false, false, false, 1), &pyx_type_long);
    assert_ptr_equal(pyx_type_by_words("int", false, true, false, 1), &pyx_type_long);
    assert_ptr_equal(pyx_type_by_words("int", true, false, false, 1), &pyx_type_ulong);
    assert_ptr_equal(pyx_type_by_words("int", false, false, false, 2), &pyx_type_longlong);
    assert_ptr_equal(pyx_type_by_words("int", true, false, false, 2), &pyx_type_ulonglong);
    assert_ptr_equal(pyx_type_by_words("char", true, false, false, 0), &pyx_type_uchar);
    assert_ptr_equal(pyx_type_by_words("char", false, true, false, 0), &pyx_type_schar);
    assert_ptr_equal(pyx_type_by_words("char", false, false, false, 0), &pyx_type_char);
    assert_string_equal(pyx_type_by_words("int", true, false, false, 2)->name, "unsigned long long");
    assert_string_equal(pyx_type_by_words("char", false, true, false, 0)->cname, "signed char");
}

static void test_types_by_words_invalid(void **state)
{
    (void)state;
    assert_null(pyx_type_by_words("double", true, false, false, 0));   /* unsigned double */
    assert_null(pyx_type_by_words("double", false, true, false, 0));   /* signed double */
    assert_null(pyx_type_by_words("float", false, false, true, 0));    /* short float */
    assert_null(pyx_type_by_words("float", false, false, false, 1));   /* long float */
    assert_null(pyx_type_by_words("int", false, false, true, 1));      /* short long */
    assert_null(pyx_type_by_words("int", false, false, false, 3));     /* long long long */
    assert_null(pyx_type_by_words("char", false, false, true, 0));     /* short char */
    assert_null(pyx_type_by_words("char", false, false, false, 1));    /* long char */
    assert_null(pyx_type_by_words("Py_ssize_t", true, false, false, 0));
    assert_null(pyx_type_by_words("bint", false, false, false, 1));
}

/* ---- promotion ------------------------------------------------------------------ */

static void test_types_promote_integers(void **state)
{
    (void)state;
    /* below int becomes int */
    assert_ptr_equal(pyx_type_promote(&pyx_type_char, &pyx_type_short), &pyx_type_int);
    assert_ptr_equal(pyx_type_promote(&pyx_type_uchar, &pyx_type_ushort), &pyx_type_int);
    /* same rank, mixed sign: unsigned wins */
    assert_ptr_equal(pyx_type_promote(&pyx_type_int, &pyx_type_uint), &pyx_type_uint);
    assert_ptr_equal(pyx_type_promote(&pyx_type_uint, &pyx_type_int), &pyx_type_uint);
    assert_ptr_equal(pyx_type_promote(&pyx_type_longlong, &pyx_type_ulonglong), &pyx_type_ulonglong);
    /* LP64: long is wider than unsigned int, so long holds every value of both */
    assert_ptr_equal(pyx_type_promote(&pyx_type_long, &pyx_type_uint), &pyx_type_long);
    assert_ptr_equal(pyx_type_promote(&pyx_type_uint, &pyx_type_long), &pyx_type_long);
    assert_ptr_equal(pyx_type_promote(&pyx_type_int, &pyx_type_longlong), &pyx_type_longlong);
    /* Py_ssize_t ranks with long */
    assert_ptr_equal(pyx_type_promote(&pyx_type_ssize_t, &pyx_type_int), &pyx_type_ssize_t);
    assert_ptr_equal(pyx_type_promote(&pyx_type_int, &pyx_type_ssize_t), &pyx_type_ssize_t);
    assert_ptr_equal(pyx_type_promote(&pyx_type_size_t, &pyx_type_int), &pyx_type_size_t);
    /* bint is an int for arithmetic */
    assert_ptr_equal(pyx_type_promote(&pyx_type_bint, &pyx_type_bint), &pyx_type_int);
    assert_ptr_equal(pyx_type_promote(&pyx_type_bint, &pyx_type_char), &pyx_type_int);
    assert_ptr_equal(pyx_type_promote(&pyx_type_bint, &pyx_type_long), &pyx_type_long);
    assert_ptr_equal(pyx_type_promote(&pyx_type_int, &pyx_type_int), &pyx_type_int);
}

static void test_types_promote_floats(void **state)
{
    (void)state;
    assert_ptr_equal(pyx_type_promote(&pyx_type_int, &pyx_type_double), &pyx_type_double);
    assert_ptr_equal(pyx_type_promote(&pyx_type_double, &pyx_type_ulonglong), &pyx_type_double);
    assert_ptr_equal(pyx_type_promote(&pyx_type_float, &pyx_type_float), &pyx_type_float);
    assert_ptr_equal(pyx_type_promote(&pyx_type_float, &pyx_type_double), &pyx_type_double);
    assert_ptr_equal(pyx_type_promote(&pyx_type_double, &pyx_type_float), &pyx_type_double);
    assert_ptr_equal(pyx_type_promote(&pyx_type_bint, &pyx_type_double), &pyx_type_double);
}

/* ---- assignability ----------------------------------------------------------------- */

static void test_types_assignable_objects_and_c_numbers(void **state)
{
    (void)state;
    PyxType *list = pyx_type_builtin(PYX_BI_LIST);
    PyxType *str = pyx_type_builtin(PYX_BI_STR), *pyfloat = pyx_type_builtin(PYX_BI_FLOAT);
    PyxType *pyint = pyx_type_builtin(PYX_BI_INT), *pybool = pyx_type_builtin(PYX_BI_BOOL);
    /* an untyped object converts to a C number at run time */
    assert_null(pyx_type_assignable(&pyx_type_int, &pyx_type_object));
    assert_null(pyx_type_assignable(&pyx_type_double, &pyx_type_object));
    assert_null(pyx_type_assignable(&pyx_type_int, pyint));
    assert_null(pyx_type_assignable(&pyx_type_double, pyfloat));
    assert_null(pyx_type_assignable(&pyx_type_bint, pybool));
    /* a known str or list never does */
    assert_non_null(pyx_type_assignable(&pyx_type_int, str));
    assert_non_null(pyx_type_assignable(&pyx_type_double, list));
    /* C numbers box into object and the matching builtin types */
    assert_null(pyx_type_assignable(&pyx_type_object, &pyx_type_int));
    assert_null(pyx_type_assignable(&pyx_type_object, &pyx_type_double));
    assert_null(pyx_type_assignable(pyint, &pyx_type_long));
    assert_null(pyx_type_assignable(pyfloat, &pyx_type_double));
    assert_non_null(pyx_type_assignable(pyint, &pyx_type_double));
    assert_non_null(pyx_type_assignable(list, &pyx_type_int));
    /* C numbers convert among themselves */
    assert_null(pyx_type_assignable(&pyx_type_int, &pyx_type_double));
    assert_null(pyx_type_assignable(&pyx_type_char, &pyx_type_ulonglong));
    assert_null(pyx_type_assignable(&pyx_type_bint, &pyx_type_int));
}

static void test_types_assignable_builtin_objects(void **state)
{
    (void)state;
    PyxType *list = pyx_type_builtin(PYX_BI_LIST), *tuple = pyx_type_builtin(PYX_BI_TUPLE);
    PyxType *pyint = pyx_type_builtin(PYX_BI_INT), *pybool = pyx_type_builtin(PYX_BI_BOOL);
    assert_non_null(pyx_type_assignable(list, tuple));
    assert_non_null(pyx_type_assignable(tuple, list));
    assert_null(pyx_type_assignable(list, list));
    assert_null(pyx_type_assignable(list, &pyx_type_object));   /* checked at run time */
    assert_null(pyx_type_assignable(&pyx_type_object, tuple));
    assert_null(pyx_type_assignable(pyint, pybool));           /* bool is a subclass of int */
    assert_non_null(pyx_type_assignable(pybool, pyint));
}

static void test_types_assignable_pointers(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxType *ip = pyx_type_ptr(&a, &pyx_type_int), *ip2 = pyx_type_ptr(&a, &pyx_type_int);
    PyxType *dp = pyx_type_ptr(&a, &pyx_type_double), *vp = pyx_type_ptr(&a, &pyx_type_void);
    PyxType *arr = pyx_type_array(&a, &pyx_type_int, 4);
    assert_non_null(pyx_type_assignable(&pyx_type_object, ip));
    assert_non_null(pyx_type_assignable(&pyx_type_object, arr));
    assert_non_null(pyx_type_assignable(ip, &pyx_type_object));
    assert_null(pyx_type_assignable(ip, &pyx_type_null));
    assert_null(pyx_type_assignable(vp, &pyx_type_null));
    assert_null(pyx_type_assignable(vp, ip));     /* void * <- int * */
    assert_null(pyx_type_assignable(ip, vp));     /* malloc's result */
    assert_null(pyx_type_assignable(ip, ip2));    /* equal, not identical */
    assert_null(pyx_type_assignable(ip, arr));    /* arrays decay */
    assert_non_null(pyx_type_assignable(ip, dp));
    assert_non_null(pyx_type_assignable(dp, ip));
    assert_non_null(pyx_type_assignable(ip, &pyx_type_int));
    assert_non_null(pyx_type_assignable(&pyx_type_int, ip));
    assert_null(pyx_type_assignable(&pyx_type_bint, ip));   /* 'if p:' */
    /* after a reported error everything is accepted, so errors do not cascade */
    assert_null(pyx_type_assignable(&pyx_type_error, ip));
    assert_null(pyx_type_assignable(ip, &pyx_type_error));
    pyx_arena_free(&a);
}

static void test_types_equal(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    assert_true(pyx_type_equal(pyx_type_ptr(&a, &pyx_type_int), pyx_type_ptr(&a, &pyx_type_int)));
    assert_false(pyx_type_equal(pyx_type_ptr(&a, &pyx_type_int), pyx_type_ptr(&a, &pyx_type_uint)));
    assert_true(pyx_type_equal(pyx_type_array(&a, &pyx_type_int, 3), pyx_type_array(&a, &pyx_type_int, 3)));
    assert_false(pyx_type_equal(pyx_type_array(&a, &pyx_type_int, 3), pyx_type_array(&a, &pyx_type_int, 4)));
    assert_false(pyx_type_equal(&pyx_type_int, &pyx_type_long));
    assert_false(pyx_type_equal(pyx_type_builtin(PYX_BI_LIST), pyx_type_builtin(PYX_BI_TUPLE)));
    pyx_arena_free(&a);
}

/* ---- spelling ----------------------------------------------------------------------- */

static PyxType *func(PyxArena *a, PyxType *ret, int n, PyxType *p0, PyxType *p1, bool varargs)
{
    PyxType *t = pyx_arena_new(a, PyxType);
    t->kind = PYX_TY_FUNC;
    t->base = ret;
    t->params = pyx_arena_alloc(a, sizeof(PyxType *) * 2);
    t->params[0] = p0;
    t->params[1] = p1;
    t->nparams = n;
    t->varargs = varargs;
    return t;
}

static void test_types_names(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    assert_string_equal(pyx_type_str(&a, pyx_type_ptr(&a, &pyx_type_char)), "char *");
    assert_string_equal(pyx_type_str(&a, pyx_type_array(&a, &pyx_type_double, 5)), "double[5]");
    assert_string_equal(pyx_type_str(&a, pyx_type_array(&a, &pyx_type_double, -1)), "double[]");
    assert_string_equal(pyx_type_array(&a, &pyx_type_double, 5)->cname, "double *");
    assert_string_equal(pyx_type_str(&a, &pyx_type_ulonglong), "unsigned long long");
    assert_string_equal(pyx_type_str(&a, pyx_type_builtin(PYX_BI_LIST)), "list");
    pyx_arena_free(&a);
}

static void test_types_decl_scalars_and_pointers(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    assert_string_equal(pyx_type_decl(&a, &pyx_type_double, "x"), "double x");
    assert_string_equal(pyx_type_decl(&a, &pyx_type_ulonglong, "n"), "unsigned long long n");
    assert_string_equal(pyx_type_decl(&a, &pyx_type_object, "o"), "PyObject *o");
    assert_string_equal(pyx_type_decl(&a, pyx_type_builtin(PYX_BI_LIST), "xs"), "PyObject *xs");
    assert_string_equal(pyx_type_decl(&a, pyx_type_ptr(&a, &pyx_type_int), "p"), "int *p");
    assert_string_equal(pyx_type_decl(&a, pyx_type_ptr(&a, pyx_type_ptr(&a, &pyx_type_char)), "argv"), "char **argv");
    assert_string_equal(pyx_type_decl(&a, &pyx_type_int, ""), "int");   /* abstract declarator */
    pyx_arena_free(&a);
}

static void test_types_decl_arrays(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxType *row = pyx_type_array(&a, &pyx_type_int, 3);
    /* an array of 2 arrays of 3: the outer dimension is written first */
    assert_string_equal(pyx_type_decl(&a, pyx_type_array(&a, row, 2), "m"), "int m[2][3]");
    assert_string_equal(pyx_type_decl(&a, pyx_type_array(&a, pyx_type_array(&a, row, 2), 4), "c"), "int c[4][2][3]");
    assert_string_equal(pyx_type_decl(&a, pyx_type_array(&a, pyx_type_ptr(&a, &pyx_type_double), 4), "ps"), "double *ps[4]");
    assert_string_equal(pyx_type_decl(&a, pyx_type_ptr(&a, row), "rp"), "int (*rp)[3]");
    pyx_arena_free(&a);
}

static void test_types_decl_functions(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxType *charp = pyx_type_ptr(&a, &pyx_type_char);
    PyxType *f2 = func(&a, &pyx_type_int, 2, &pyx_type_double, charp, false);
    PyxType *f0 = func(&a, &pyx_type_double, 0, NULL, NULL, false);
    PyxType *fv = func(&a, &pyx_type_int, 1, charp, NULL, true);
    PyxType *fp = func(&a, pyx_type_ptr(&a, &pyx_type_int), 1, &pyx_type_long, NULL, false);
    assert_string_equal(pyx_type_decl(&a, f2, "f"), "int f(double, char *)");
    assert_string_equal(pyx_type_decl(&a, f0, "g"), "double g(void)");
    assert_string_equal(pyx_type_decl(&a, fv, "printf"), "int printf(char *, ...)");
    assert_string_equal(pyx_type_decl(&a, fp, "h"), "int *h(long)");
    /* pointers to functions need parentheses */
    assert_string_equal(pyx_type_decl(&a, pyx_type_ptr(&a, f2), "cb"), "int (*cb)(double, char *)");
    assert_string_equal(pyx_type_decl(&a, pyx_type_ptr(&a, f0), ""), "double (*)(void)");
    /* an array of function pointers */
    assert_string_equal(pyx_type_decl(&a, pyx_type_array(&a, pyx_type_ptr(&a, f0), 8), "table"),
                        "double (*table[8])(void)");
    /* a function taking a function pointer */
    PyxType *takes_cb = func(&a, &pyx_type_void, 1, pyx_type_ptr(&a, f0), NULL, false);
    assert_string_equal(pyx_type_decl(&a, takes_cb, "on"), "void on(double (*)(void))");
    pyx_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_types_by_name_c_scalars),
        cmocka_unit_test(test_types_by_name_cython_spellings),
        cmocka_unit_test(test_types_by_name_builtin_objects),
        cmocka_unit_test(test_types_by_name_unknown),
        cmocka_unit_test(test_types_by_words_valid),
        cmocka_unit_test(test_types_by_words_invalid),
        cmocka_unit_test(test_types_promote_integers),
        cmocka_unit_test(test_types_promote_floats),
        cmocka_unit_test(test_types_assignable_objects_and_c_numbers),
        cmocka_unit_test(test_types_assignable_builtin_objects),
        cmocka_unit_test(test_types_assignable_pointers),
        cmocka_unit_test(test_types_equal),
        cmocka_unit_test(test_types_names),
        cmocka_unit_test(test_types_decl_scalars_and_pointers),
        cmocka_unit_test(test_types_decl_arrays),
        cmocka_unit_test(test_types_decl_functions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
