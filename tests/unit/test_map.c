/* test_map.c - the arena hash map: lookups, replacement, growth, and
   iteration in insertion order (which keeps generated C deterministic). */
#include "support.h"

#include "map.h"

static void test_map_put_get_and_replace(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxMap m;
    pyx_map_init(&m, &a);
    assert_null(pyx_map_get(&m, "x"));
    int one = 1, two = 2;
    pyx_map_put(&m, "x", &one);
    pyx_map_put(&m, "y", &two);
    assert_ptr_equal(pyx_map_get(&m, "x"), &one);
    assert_ptr_equal(pyx_map_get(&m, "y"), &two);
    assert_null(pyx_map_get(&m, "xy"));
    assert_null(pyx_map_get(&m, ""));
    pyx_map_put(&m, "x", &two);
    assert_ptr_equal(pyx_map_get(&m, "x"), &two);
    assert_int_equal(m.len, 2);
    pyx_arena_free(&a);
}

static void test_map_grows_and_keeps_insertion_order(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxMap m;
    pyx_map_init(&m, &a);
    enum { N = 5000 };
    static int values[N];
    for (int i = 0; i < N; i++) {
        values[i] = i;
        pyx_map_put(&m, pyx_arena_printf(&a, "name_%d", i), &values[i]);
    }
    assert_int_equal(m.len, N);
    for (int i = 0; i < N; i++) {
        int *v = pyx_map_get(&m, pyx_arena_printf(&a, "name_%d", i));
        assert_non_null(v);
        assert_int_equal(*v, i);
        assert_int_equal(*(int *)m.entries[i].value, i);
    }
    assert_null(pyx_map_get(&m, "name_5000"));
    pyx_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_map_put_get_and_replace),
        cmocka_unit_test(test_map_grows_and_keeps_insertion_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
