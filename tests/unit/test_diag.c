/* test_diag.c - the diagnostic format, and syntax errors explained in words. */
#include "support.h"

/* The first diagnostic line printed for 'text'. */
static char *first_error(Compiled *c)
{
    char *nl = strchr(c->messages, '\n');
    return nl ? pyx_arena_strndup(&c->arena, c->messages, (size_t)(nl - c->messages)) : c->messages;
}

static void expect_error(const char *text, const char *want)
{
    Compiled *c = compile_text(text);
    if (c->diag.errors == 0)
        fail_msg("no error for:\n%s", text);
    char *got = first_error(c);
    if (strcmp(got, want) != 0)
        fail_msg("for:\n%s\nexpected: %s\ngot:      %s", text, want, got);
    compiled_free(c);
}

static void test_diag_format_quotes_line_and_caret(void **state)
{
    (void)state;
    Compiled *c = compile_text("x = 1\ncdef class Point\n    pass\n");
    assert_int_equal(c->diag.errors, 1);
    assert_string_equal(c->messages,
                        "t.pyx:2:17: error: expected ':' after 'cdef class Point'\n"
                        "    cdef class Point\n"
                        "                    ^\n");
    compiled_free(c);
}

static void test_diag_columns_count_characters(void **state)
{
    (void)state;
    /* 'é' is two bytes; the column counts it once, and so does the caret */
    Compiled *c = compile_text("s = 'é' + )\n");
    assert_contains(c->messages, "t.pyx:1:11: error: unmatched ')'\n    s = 'é' + )\n              ^\n");
    compiled_free(c);
}

static void test_diag_caret_keeps_tabs(void **state)
{
    (void)state;
    Compiled *c = compile_text("if x:\n\ty = = 2\n");
    assert_contains(c->messages, "\n    \ty = = 2\n    \t    ^\n");
    compiled_free(c);
}

static void test_diag_limit_stops_printing(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    PyxDiag d;
    pyx_diag_init(&d, out);
    d.max_errors = 2;
    PyxSource *src = pyx_source_from_string(&a, "t.pyx", "x\n", 2);
    PyxLoc loc = {src, 1, 1, 0, 1};
    for (int i = 0; i < 5; i++)
        pyx_diag_error(&d, loc, "error %d", i);
    fclose(out);
    assert_int_equal(d.errors, 5);
    assert_non_null(strstr(buf, "error 1"));
    assert_null(strstr(buf, "error 2"));
    assert_non_null(strstr(buf, "too many errors, stopping after 2"));
    free(buf);
    pyx_arena_free(&a);
}

static void test_diag_unsupported_names_the_construct(void **state)
{
    (void)state;
    Compiled *c = compile_text("def f((a, b)):\n    pass\n");
    assert_contains(c->messages, "t.pyx:1:7: error: not supported yet: tuple parameters (Python 2)");
    compiled_free(c);
}

static void test_parse_missing_colon_after_headers(void **state)
{
    (void)state;
    expect_error("cdef class Point\n    cdef double x\n", "t.pyx:1:17: error: expected ':' after 'cdef class Point'");
    expect_error("if x > 1\n    pass\n", "t.pyx:1:9: error: expected ':' after 'if x > 1'");
    expect_error("class A:\n    def f(self)\n        pass\n", "t.pyx:2:16: error: expected ':' after 'def f(self)'");
    expect_error("cdef struct P\n    int x\n", "t.pyx:1:14: error: expected ':' after 'cdef struct P'");
}

static void test_parse_brackets(void **state)
{
    (void)state;
    expect_error("x = (1, 2\ny = 3\n", "t.pyx:1:5: error: '(' was never closed");
    expect_error("x = [1, 2)]\n", "t.pyx:1:10: error: closing parenthesis ')' does not match opening parenthesis '['");
}

static void test_parse_incomplete_expressions(void **state)
{
    (void)state;
    expect_error("def f():\n    return x +\n", "t.pyx:2:15: error: expected an expression after 'return x +'");
    expect_error("cdef int x =\n", "t.pyx:1:13: error: expected an expression after 'cdef int x ='");
}

static void test_parse_indentation(void **state)
{
    (void)state;
    expect_error("x = 1\n  y = 2\n", "t.pyx:2:3: error: unexpected indent");
    expect_error("def f():\n    try:\n    x = 1\n    except E:\n        pass\n",
                 "t.pyx:3:5: error: expected an indented block after 'try:'");
}

static void test_parse_cython_specific(void **state)
{
    (void)state;
    expect_error("cdef int f(int x) except:\n    pass\n",
                 "t.pyx:1:19: error: expected an exception value after 'except' (e.g. 'except -1', 'except? -1' or 'except *')");
    expect_error("s = \"abc\n", "t.pyx:1:5: error: unterminated string literal");
}

static void test_parse_reports_several_errors(void **state)
{
    (void)state;
    Compiled *c = compile_text("def f(self)\n    pass\n\nx = )\n\nif y\n    pass\n");
    assert_true(c->diag.errors >= 2);
    assert_contains(c->messages, "t.pyx:1:12: error: expected ':' after 'def f(self)'");
    assert_contains(c->messages, "t.pyx:4:5: error: unmatched ')'");
    compiled_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diag_format_quotes_line_and_caret),
        cmocka_unit_test(test_diag_columns_count_characters),
        cmocka_unit_test(test_diag_caret_keeps_tabs),
        cmocka_unit_test(test_diag_limit_stops_printing),
        cmocka_unit_test(test_diag_unsupported_names_the_construct),
        cmocka_unit_test(test_parse_missing_colon_after_headers),
        cmocka_unit_test(test_parse_brackets),
        cmocka_unit_test(test_parse_incomplete_expressions),
        cmocka_unit_test(test_parse_indentation),
        cmocka_unit_test(test_parse_cython_specific),
        cmocka_unit_test(test_parse_reports_several_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
