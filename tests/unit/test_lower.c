/* test_lower.c - CST -> AST lowering: one test per rule that does more than
   copy fields (flattening, decoding, declarator application, defaults). */
#include "support.h"

static Compiled *ok(const char *text)
{
    Compiled *c = compile_text(text);
    if (c->diag.errors)
        fail_msg("unexpected diagnostics for:\n%s\n%s", text, c->messages);
    assert_non_null(c->module);
    return c;
}

static void test_lower_augassign_on_subscript(void **state)
{
    (void)state;
    Compiled *c = ok("a[i + 1] //= 3\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->kind, PYX_NODE_AUG_ASSIGN);
    assert_int_equal(s->op, PYX_OP_FLOORDIV);
    assert_int_equal(s->target->kind, PYX_NODE_SUBSCRIPT);
    assert_int_equal(s->target->right->kind, PYX_NODE_BINOP);
    assert_int_equal(s->value->kind, PYX_NODE_INT);
    compiled_free(c);
}

static void test_lower_chained_assignment_is_flat(void **state)
{
    (void)state;
    Compiled *c = ok("a = b.c = d[0] = 1\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->kind, PYX_NODE_ASSIGN);
    assert_int_equal(s->items.len, 3);
    assert_int_equal(s->items.items[0]->kind, PYX_NODE_NAME);
    assert_int_equal(s->items.items[1]->kind, PYX_NODE_ATTRIBUTE);
    assert_int_equal(s->items.items[2]->kind, PYX_NODE_SUBSCRIPT);
    assert_string_equal(s->value->name, "1");
    compiled_free(c);
}

static void test_lower_annotated_assignment(void **state)
{
    (void)state;
    Compiled *c = ok("x: int = 5\ny: list\n");
    assert_non_null(stmt(c, 0)->annotation);
    assert_non_null(stmt(c, 0)->value);
    assert_non_null(stmt(c, 1)->annotation);
    assert_null(stmt(c, 1)->value);
    compiled_free(c);
}

static void test_lower_boolop_flattens_same_operator(void **state)
{
    (void)state;
    Compiled *c = ok("x = a and b and c or d\ny = a and (b and c)\n");
    PyxNode *v = stmt(c, 0)->value;
    assert_int_equal(v->kind, PYX_NODE_BOOLOP);
    assert_int_equal(v->op, PYX_OP_OR);
    assert_int_equal(v->items.len, 2);
    assert_int_equal(v->items.items[0]->items.len, 3);
    /* parentheses keep their grouping */
    assert_int_equal(stmt(c, 1)->value->items.len, 2);
    compiled_free(c);
}

static void test_lower_chained_comparison(void **state)
{
    (void)state;
    Compiled *c = ok("r = a < b <= c is not d not in e\n");
    PyxNode *v = stmt(c, 0)->value;
    assert_int_equal(v->kind, PYX_NODE_COMPARE);
    assert_int_equal(v->items.len, 4);
    assert_int_equal(v->items.items[0]->op, PYX_OP_LT);
    assert_int_equal(v->items.items[1]->op, PYX_OP_LE);
    assert_int_equal(v->items.items[2]->op, PYX_OP_IS_NOT);
    assert_int_equal(v->items.items[3]->op, PYX_OP_NOT_IN);
    compiled_free(c);
}

static void test_lower_string_escapes_are_decoded(void **state)
{
    (void)state;
    Compiled *c = ok("s = 'a\\tb\\x41\\u00e9\\101\\\\' \"!\"\nb = b'\\xff\\u0041'\nr = r'\\n'\n");
    PyxNode *s = stmt(c, 0)->value;
    assert_int_equal(s->kind, PYX_NODE_STR);
    assert_int_equal(s->len, strlen("a\tbA\xc3\xa9" "A\\!"));
    assert_memory_equal(s->name, "a\tbA\xc3\xa9" "A\\!", s->len);
    PyxNode *b = stmt(c, 1)->value;
    assert_true(b->flags & PYX_F(BYTES));
    assert_int_equal(b->len, 7);   /* \xff, then \u0041 kept as 6 characters */
    assert_int_equal((unsigned char)b->name[0], 0xff);
    assert_string_equal(stmt(c, 2)->value->name, "\\n");
    compiled_free(c);
}

static void test_lower_string_with_nul_keeps_length(void **state)
{
    (void)state;
    Compiled *c = ok("s = 'a\\0b'\n");
    assert_int_equal(stmt(c, 0)->value->len, 3);
    assert_int_equal(stmt(c, 0)->value->name[1], '\0');
    compiled_free(c);
}

static void test_lower_named_escapes_keep_unicode_escape_form(void **state)
{
    (void)state;
    Compiled *c = ok("s = 'x\\N{BULLET}\\t\u00e9\\\\' 'y'\nb = b'\\N{X}'\n");
    PyxNode *s = stmt(c, 0)->value;
    assert_true(s->flags & PYX_F(ESCAPED));
    assert_string_equal(s->name, "x\\N{BULLET}\t\\U000000e9\\\\y");
    /* in bytes \N is no escape */
    assert_false(stmt(c, 1)->value->flags & PYX_F(ESCAPED));
    assert_int_equal(stmt(c, 1)->value->len, 5);
    compiled_free(c);
}

static void test_lower_mixing_bytes_and_str_is_an_error(void **state)
{
    (void)state;
    Compiled *c = compile_text("x = b'a' 'b'\n");
    assert_int_equal(c->diag.errors, 1);
    assert_contains(c->messages, "t.pyx:1:5: error: cannot mix bytes and nonbytes literals");
    compiled_free(c);
}

static void test_lower_fstring_parts_and_self_documenting(void **state)
{
    (void)state;
    Compiled *c = ok("s = f'x{a!r:>{w}}{{y}}{b = }' 'tail'\n");
    PyxNode *f = stmt(c, 0)->value;
    assert_int_equal(f->kind, PYX_NODE_FSTRING);
    char *d = dump_of(c);
    assert_contains(d, "name='x'");
    assert_contains(d, "conversion='r'");
    assert_contains(d, "name='{y}b = '");     /* '{{y}}' and the text of '{b = }' merge */
    assert_contains(d, "name='tail'");
    compiled_free(c);
}

static void test_lower_parameters_kinds(void **state)
{
    (void)state;
    Compiled *c = ok("def f(a, b=1, /, c=2, *args, d, e=3, **kw): pass\ndef g(a, *, b): pass\n");
    PyxNodeList *p = &stmt(c, 0)->params;
    assert_int_equal(p->len, 7);
    assert_int_equal(p->items[0]->op, PYX_PARAM_POSONLY);
    assert_int_equal(p->items[1]->op, PYX_PARAM_POSONLY);
    assert_int_equal(p->items[2]->op, PYX_PARAM_NORMAL);
    assert_int_equal(p->items[3]->op, PYX_PARAM_VARARGS);
    assert_int_equal(p->items[4]->op, PYX_PARAM_KWONLY);
    assert_int_equal(p->items[5]->op, PYX_PARAM_KWONLY);
    assert_int_equal(p->items[6]->op, PYX_PARAM_VARKW);
    assert_int_equal(stmt(c, 1)->params.items[1]->op, PYX_PARAM_KWONLY);
    compiled_free(c);
}

static void test_lower_elif_chain_nests_in_orelse(void **state)
{
    (void)state;
    Compiled *c = ok("if a:\n    x = 1\nelif b:\n    x = 2\nelse:\n    x = 3\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->orelse.len, 1);
    PyxNode *elif = s->orelse.items[0];
    assert_int_equal(elif->kind, PYX_NODE_IF);
    assert_int_equal(elif->orelse.len, 1);
    assert_int_equal(elif->orelse.items[0]->kind, PYX_NODE_ASSIGN);
    compiled_free(c);
}

static void test_lower_cdef_declarators_bind_like_c(void **state)
{
    (void)state;
    Compiled *c = ok("cdef int *p, q = 3, a[10], *b[4]\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->kind, PYX_NODE_CDEF_VARS);
    assert_int_equal(s->items.len, 4);
    PyxNode *p = s->items.items[0], *q = s->items.items[1], *a = s->items.items[2], *b = s->items.items[3];
    assert_string_equal(p->name, "p");
    assert_int_equal(p->ctype->kind, PYX_NODE_CTYPE_PTR);
    assert_int_equal(q->ctype->kind, PYX_NODE_CTYPE_NAME);
    assert_non_null(q->value);
    assert_int_equal(a->ctype->kind, PYX_NODE_CTYPE_ARRAY);
    /* *b[4]: an array of 4 pointers */
    assert_int_equal(b->ctype->kind, PYX_NODE_CTYPE_ARRAY);
    assert_int_equal(b->ctype->ctype->kind, PYX_NODE_CTYPE_PTR);
    compiled_free(c);
}

static void test_lower_function_pointer_typedef(void **state)
{
    (void)state;
    Compiled *c = ok("ctypedef int (*cmp_t)(void *, double)\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->kind, PYX_NODE_CTYPEDEF);
    assert_string_equal(s->name, "cmp_t");
    assert_int_equal(s->ctype->kind, PYX_NODE_CTYPE_PTR);
    PyxNode *fn = s->ctype->ctype;
    assert_int_equal(fn->kind, PYX_NODE_CTYPE_FUNC);
    assert_int_equal(fn->params.len, 2);
    assert_string_equal(fn->ctype->name, "int");
    compiled_free(c);
}

static void test_lower_c_type_words(void **state)
{
    (void)state;
    Compiled *c = ok("cdef unsigned long long a\ncdef const char *s\ncdef short b\ncdef double[:, ::1] m\n");
    PyxNode *a = stmt(c, 0)->items.items[0]->ctype;
    assert_string_equal(a->name, "int");
    assert_int_equal(a->op, 2);
    assert_true(a->flags & PYX_F(UNSIGNED));
    PyxNode *s = stmt(c, 1)->items.items[0]->ctype;
    assert_int_equal(s->kind, PYX_NODE_CTYPE_PTR);
    assert_true(s->ctype->flags & PYX_F(CONST));
    assert_true(stmt(c, 2)->items.items[0]->ctype->flags & PYX_F(SHORT));
    PyxNode *m = stmt(c, 3)->items.items[0]->ctype;
    assert_int_equal(m->kind, PYX_NODE_CTYPE_MEMVIEW);
    assert_int_equal(m->items.len, 2);
    assert_non_null(m->items.items[1]->step);
    compiled_free(c);
}

static void test_lower_cdef_function_flags(void **state)
{
    (void)state;
    Compiled *c = ok("cdef inline double f(double x) except? -1 nogil:\n    return x\n"
                     "cpdef int g(int n) noexcept:\n    return n\n"
                     "cdef extern from \"m.h\":\n    int h(int, char *)\n");
    PyxNode *f = stmt(c, 0);
    assert_true(f->flags & PYX_F(CDEF));
    assert_true(f->flags & PYX_F(INLINE));
    assert_true(f->flags & PYX_F(NOGIL));
    assert_non_null(f->except_clause);
    assert_true(f->except_clause->flags & PYX_F(EXC_CHECK));
    PyxNode *g = stmt(c, 1);
    assert_true(g->flags & PYX_F(CPDEF));
    assert_true(g->flags & PYX_F(NOEXCEPT));
    PyxNode *h = stmt(c, 2)->body.items[0];
    assert_true(h->flags & PYX_F(DECL_ONLY));
    /* bare names in a declaration are types */
    assert_null(h->params.items[0]->name);
    assert_string_equal(h->params.items[0]->ctype->name, "int");
    assert_int_equal(h->params.items[1]->ctype->kind, PYX_NODE_CTYPE_PTR);
    compiled_free(c);
}

static void test_lower_typed_def_parameters(void **state)
{
    (void)state;
    Compiled *c = ok("def f(int n, list l not None, object o=None, x: float = 1.0, y=2): pass\n");
    PyxNodeList *p = &stmt(c, 0)->params;
    assert_string_equal(p->items[0]->name, "n");
    assert_string_equal(p->items[0]->ctype->name, "int");
    assert_true(p->items[1]->flags & PYX_F(NOT_NONE));
    assert_int_equal(p->items[2]->value->kind, PYX_NODE_NONE);
    assert_non_null(p->items[3]->annotation);
    assert_null(p->items[4]->ctype);
    compiled_free(c);
}

static void test_lower_cast_address_sizeof(void **state)
{
    (void)state;
    Compiled *c = ok("x = <double>a / b\ny = <Point?>o\nz = <int*>&q\nw = sizeof(unsigned long)\n");
    PyxNode *x = stmt(c, 0)->value;
    assert_int_equal(x->kind, PYX_NODE_BINOP);         /* the cast binds to 'a' only */
    assert_int_equal(x->left->kind, PYX_NODE_CAST);
    assert_true(stmt(c, 1)->value->flags & PYX_F(CHECKED));
    PyxNode *z = stmt(c, 2)->value;
    assert_int_equal(z->ctype->kind, PYX_NODE_CTYPE_PTR);
    assert_int_equal(z->value->kind, PYX_NODE_ADDRESS_OF);
    PyxNode *w = stmt(c, 3)->value;
    assert_int_equal(w->kind, PYX_NODE_SIZEOF);
    assert_non_null(w->ctype);
    compiled_free(c);
}

static void test_lower_match_patterns(void **state)
{
    (void)state;
    Compiled *c = ok("match p:\n"
                     "    case [1, *rest]: pass\n"
                     "    case {'k': -1, **more}: pass\n"
                     "    case Point(0, y=_) | None: pass\n"
                     "    case str() as s if s: pass\n"
                     "    case a.B: pass\n"
                     "    case _: pass\n");
    PyxNode *m = stmt(c, 0);
    assert_int_equal(m->items.len, 6);
    assert_int_equal(m->items.items[0]->target->kind, PYX_NODE_PAT_SEQUENCE);
    PyxNode *map = m->items.items[1]->target;
    assert_int_equal(map->kind, PYX_NODE_PAT_MAPPING);
    assert_string_equal(map->name, "more");
    assert_int_equal(map->items.items[0]->value->value->kind, PYX_NODE_UNARYOP);
    PyxNode *orp = m->items.items[2]->target;
    assert_int_equal(orp->kind, PYX_NODE_PAT_OR);
    assert_int_equal(orp->items.items[0]->kind, PYX_NODE_PAT_CLASS);
    assert_int_equal(orp->items.items[0]->keywords.len, 1);
    assert_int_equal(m->items.items[3]->target->kind, PYX_NODE_PAT_AS);
    assert_non_null(m->items.items[3]->test);
    assert_int_equal(m->items.items[4]->target->kind, PYX_NODE_PAT_VALUE);
    assert_int_equal(m->items.items[5]->target->kind, PYX_NODE_PAT_CAPTURE);
    assert_null(m->items.items[5]->target->name);
    compiled_free(c);
}

static void test_lower_comprehension_clauses(void **state)
{
    (void)state;
    Compiled *c = ok("x = [a * b for a in r if a for b in s if b if a < b]\n");
    PyxNode *v = stmt(c, 0)->value;
    assert_int_equal(v->kind, PYX_NODE_LIST_COMP);
    assert_int_equal(v->handlers.len, 2);
    assert_int_equal(v->handlers.items[0]->items.len, 1);
    assert_int_equal(v->handlers.items[1]->items.len, 2);
    compiled_free(c);
}

static void test_lower_imports(void **state)
{
    (void)state;
    Compiled *c = ok("import a.b as c, d\nfrom ..x import y as z\nfrom m import *\nfrom libc.math cimport sqrt\n");
    assert_int_equal(stmt(c, 0)->items.len, 2);
    assert_string_equal(stmt(c, 0)->items.items[0]->name, "a.b");
    assert_string_equal(stmt(c, 0)->items.items[0]->asname, "c");
    assert_int_equal(stmt(c, 1)->level, 2);
    assert_string_equal(stmt(c, 1)->name, "x");
    assert_true(stmt(c, 2)->flags & PYX_F(STAR));
    assert_int_equal(stmt(c, 3)->kind, PYX_NODE_CIMPORT_FROM);
    compiled_free(c);
}

static void test_lower_empty_block_is_an_error(void **state)
{
    (void)state;
    Compiled *c = compile_text("for i in range(3):\npass\n");
    assert_int_equal(c->diag.errors, 1);
    assert_contains(c->messages, "t.pyx:2:1: error: expected an indented block after 'for' statement on line 1");
    compiled_free(c);
}

static void test_lower_python2_forms_are_named(void **state)
{
    (void)state;
    Compiled *c = compile_text("print 'x'\n");
    assert_contains(c->messages, "Python 2 print statement");
    compiled_free(c);
    c = compile_file_text("t.py", "x = 10L\n");
    assert_contains(c->messages, "Python 2 long literal '10L'");
    compiled_free(c);
    c = compile_file_text("t.py", "x = 10UL\n");
    assert_contains(c->messages, "C integer literal '10UL' in a Python file");
    compiled_free(c);
    /* in Cython files the suffixes make C literals */
    c = compile_text("x = 10L\ny = 0xffULL\n");
    assert_int_equal(c->diag.errors, 0);
    assert_contains(dump_of(c), "INT 1:5 name='10' op=1");
    assert_contains(dump_of(c), "INT 2:5 name='0xff' op=2 flags=UNSIGNED");
    compiled_free(c);
}

/* The dump without the 'line:col' after each kind. */
static char *without_locations(Compiled *c)
{
    char *d = dump_of(c), *w = d;
    for (char *r = d; *r;) {
        if (*r == ' ' && r[1] >= '0' && r[1] <= '9') {
            char *q = r + 1;
            while (*q >= '0' && *q <= '9')
                q++;
            if (*q == ':' && q[1] >= '0' && q[1] <= '9') {
                q++;
                while (*q >= '0' && *q <= '9')
                    q++;
                r = q;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
    return d;
}

/* A for-from loop is the range loop it means: the same tree. */
static void test_lower_for_from_is_a_range_loop(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"for i from 0 <= i < n by 2:\n    pass\n", "for i in range(0, n, 2):\n    pass\n"},
        {"for i from a < i <= b:\n    pass\n", "for i in range(a + 1, b + 1):\n    pass\n"},
        {"for 0 <= i < n:\n    pass\nelse:\n    x = 1\n", "for i in range(0, n):\n    pass\nelse:\n    x = 1\n"},
        {"for i from n > i >= 0:\n    pass\n", "for i in range(n - 1, 0 - 1, -1):\n    pass\n"},
        {"for i from n >= i > m by k:\n    pass\n", "for i in range(n, m, -k):\n    pass\n"},
        {"x = [i for i from 0 <= i < 5]\n", "x = [i for i in range(0, 5)]\n"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        Compiled *a = compile_text(pairs[i][0]), *b = compile_text(pairs[i][1]);
        assert_int_equal(a->diag.errors, 0);
        assert_int_equal(b->diag.errors, 0);
        char *da = without_locations(a), *db = without_locations(b);
        /* the module names are the same file; everything else must match */
        if (strcmp(da, db) != 0)
            fail_msg("for-from case %zu:\n%s\nrange loop:\n%s", i, da, db);
        compiled_free(a);
        compiled_free(b);
    }
    Compiled *c = compile_text("for i from 0 <= j < n:\n    pass\n");
    assert_contains(c->messages, "variable name in for-from range does not match target 'i'");
    compiled_free(c);
    c = compile_text("for i from 0 <= i > n:\n    pass\n");
    assert_contains(c->messages, "relation directions in for-from do not match");
    compiled_free(c);
}

/* Legacy and C++ declarations lower to their own nodes. */
static void test_lower_issue11_forms(void **state)
{
    (void)state;
    Compiled *c = compile_text(
        "cdef class C:\n    property x:\n        def __get__(self):\n            return 1\n"
        "cdef extern from \"v.h\":\n    cppclass V[T, A=*]:\n        V() except +\n        T& operator[](int)\n"
        "    int f \"c_f\"(int) nogil\n"
        "IF 1:\n    a = 1\nELSE:\n    a = 2\n"
        "cdef x\n");
    assert_int_equal(c->diag.errors, 0);
    char *d = dump_of(c);
    assert_contains(d, "PROPERTY 2:5 name='x'");
    assert_contains(d, "CPPCLASS_DEF 6:5 name='V'");
    assert_contains(d, "TYPE_PARAM 6:19 name='A' flags=STAR");
    assert_contains(d, "FUNCTION_DEF 8:9 name='operator[]'");
    assert_contains(d, "CTYPE_REF");
    assert_contains(d, "FUNCTION_DEF 9:5 name='f' asname='c_f' flags=CDEF,NOGIL,DECL_ONLY");
    assert_contains(d, "COMPILE_IF 10:1");
    assert_contains(d, "C_VAR 14:6 name='x'\n          ctype:\n            CTYPE_NAME 14:6 name='object'");
    compiled_free(c);
}

/* A long 'and' chain is one flat BOOLOP, built without recursing down it;
   CRLF line ends read as '\n' inside strings too. */
static void test_lower_long_chains_and_crlf(void **state)
{
    (void)state;
    enum { TERMS = 10000 };
    char *src = malloc(TERMS * 6 + 16);
    char *w = src + sprintf(src, "x = a");
    for (int i = 1; i < TERMS; i++)
        w += sprintf(w, " and a");
    strcpy(w, "\n");
    Compiled *c = compile_text(src);
    free(src);
    assert_int_equal(c->diag.errors, 0);
    PyxNode *b = stmt(c, 0)->value;
    assert_int_equal(b->kind, PYX_NODE_BOOLOP);
    assert_int_equal(b->items.len, TERMS);
    compiled_free(c);
    c = compile_text("x = a or (b or c) or d and e\n");
    b = stmt(c, 0)->value;
    assert_int_equal(b->items.len, 3);   /* the parenthesized 'or' stays one operand */
    assert_int_equal(b->items.items[1]->kind, PYX_NODE_BOOLOP);
    assert_int_equal(b->items.items[2]->op, PYX_OP_AND);
    compiled_free(c);
    c = compile_text("x = '''a\r\nb\rc'''\r\ny = 1\r\n");
    assert_int_equal(c->diag.errors, 0);
    assert_string_equal(stmt(c, 0)->value->name, "a\nb\nc");
    compiled_free(c);
}

static void test_lower_locations_are_one_based(void **state)
{
    (void)state;
    Compiled *c = ok("\n\n  \nif x:\n    y = 1\n");
    PyxNode *s = stmt(c, 0);
    assert_int_equal(s->loc.line, 4);
    assert_int_equal(s->loc.col, 1);
    assert_int_equal(s->body.items[0]->loc.line, 5);
    assert_int_equal(s->body.items[0]->loc.col, 5);
    compiled_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lower_augassign_on_subscript),
        cmocka_unit_test(test_lower_chained_assignment_is_flat),
        cmocka_unit_test(test_lower_annotated_assignment),
        cmocka_unit_test(test_lower_boolop_flattens_same_operator),
        cmocka_unit_test(test_lower_chained_comparison),
        cmocka_unit_test(test_lower_string_escapes_are_decoded),
        cmocka_unit_test(test_lower_string_with_nul_keeps_length),
        cmocka_unit_test(test_lower_mixing_bytes_and_str_is_an_error),
        cmocka_unit_test(test_lower_named_escapes_keep_unicode_escape_form),
        cmocka_unit_test(test_lower_fstring_parts_and_self_documenting),
        cmocka_unit_test(test_lower_parameters_kinds),
        cmocka_unit_test(test_lower_elif_chain_nests_in_orelse),
        cmocka_unit_test(test_lower_cdef_declarators_bind_like_c),
        cmocka_unit_test(test_lower_function_pointer_typedef),
        cmocka_unit_test(test_lower_c_type_words),
        cmocka_unit_test(test_lower_cdef_function_flags),
        cmocka_unit_test(test_lower_typed_def_parameters),
        cmocka_unit_test(test_lower_cast_address_sizeof),
        cmocka_unit_test(test_lower_match_patterns),
        cmocka_unit_test(test_lower_comprehension_clauses),
        cmocka_unit_test(test_lower_imports),
        cmocka_unit_test(test_lower_empty_block_is_an_error),
        cmocka_unit_test(test_lower_python2_forms_are_named),
        cmocka_unit_test(test_lower_for_from_is_a_range_loop),
        cmocka_unit_test(test_lower_issue11_forms),
        cmocka_unit_test(test_lower_long_chains_and_crlf),
        cmocka_unit_test(test_lower_locations_are_one_based),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
