/* test_build.c - the build back end: module names, the interpreter query, the
   runtime cache, and a hand-written extension module built and imported.

   Every test shares one private cache ($PYXC_CACHE_DIR in a temp dir) so the
   user's own cache is never touched; the runtime sources come from
   $PYXC_RUNTIME_DIR, else runtime/ of the tree this file is in. */
#define _XOPEN_SOURCE 700   /* POSIX 2008 plus realpath */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"

static char *root;   /* the temp dir holding the cache and every test's files */

#define assert_contains(hay, needle) \
    do { \
        if (strstr((hay), (needle)) == NULL) \
            fail_msg("expected to find\n  %s\nin\n%s", (needle), (hay)); \
    } while (0)

/* ---- stderr capture ---- */

typedef struct Capture {
    int saved;
    FILE *f;
} Capture;

static void capture_start(Capture *c)
{
    fflush(stderr);
    c->f = tmpfile();
    assert_non_null(c->f);
    c->saved = dup(2);
    dup2(fileno(c->f), 2);
}

/* Everything written to fd 2 since capture_start, in the arena. */
static char *capture_end(Capture *c, PyxArena *a)
{
    fflush(stderr);
    dup2(c->saved, 2);
    close(c->saved);
    long n = ftell(c->f);
    char *buf = pyx_arena_alloc(a, (size_t)n + 1);
    rewind(c->f);
    size_t got = fread(buf, 1, (size_t)n, c->f);
    buf[got] = '\0';
    fclose(c->f);
    return buf;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void put_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Names in dir that contain 'part', joined with spaces ("" if none). */
static char *entries_with(PyxArena *a, const char *dir, const char *part)
{
    char *out = "";
    DIR *d = opendir(dir);
    if (d == NULL)
        return out;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strstr(e->d_name, part))
            out = pyx_arena_printf(a, "%s%s ", out, e->d_name);
    closedir(d);
    return out;
}

/* stdout of a shell command, trailing newline removed. */
static char *command_output(PyxArena *a, const char *cmd)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    pclose(p);
    while (n && buf[n - 1] == '\n')
        buf[--n] = '\0';
    return pyx_arena_strdup(a, buf);
}

static int setup(void **state)
{
    (void)state;
    char tmpl[] = "/tmp/pyxc-test-build-XXXXXX";
    if (mkdtemp(tmpl) == NULL)
        return -1;
    root = strdup(tmpl);
    char cache[4096];
    snprintf(cache, sizeof cache, "%s/cache", root);
    setenv("PYXC_CACHE_DIR", cache, 1);
    if (getenv("PYXC_RUNTIME_DIR") == NULL) {
        /* __FILE__ is tests/unit/test_build.c, relative to where make runs */
        char here[4096];
        snprintf(here, sizeof here, "%s", __FILE__);
        char *slash = strrchr(here, '/');
        snprintf(slash ? slash + 1 : here, sizeof here - (size_t)(slash ? slash + 1 - here : 0),
                 "../../runtime");
        char *rt = realpath(here, NULL);
        if (rt == NULL)
            return -1;
        setenv("PYXC_RUNTIME_DIR", rt, 1);
        free(rt);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    pyx_build_rmtree(root);
    free(root);
    return 0;
}

/* ---- module names ---- */

static void expect_bad_name(const char *path, const char *message)
{
    PyxArena a;
    pyx_arena_init(&a);
    Capture c;
    capture_start(&c);
    const char *name = pyx_module_name(&a, path);
    char *err = capture_end(&c, &a);
    if (name != NULL)
        fail_msg("'%s' was accepted as '%s'", path, name);
    assert_string_equal(err, message);
    pyx_arena_free(&a);
}

static void test_build_module_name_rules(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    assert_string_equal(pyx_module_name(&a, "dir/my_module.pyx"), "my_module");
    assert_string_equal(pyx_module_name(&a, "/abs/dir/_Priv2.py"), "_Priv2");
    assert_string_equal(pyx_module_name(&a, "a.b/c.pyx"), "c");
    pyx_arena_free(&a);

    expect_bad_name("decls.pxd",
                    "pyxc: error: cannot compile 'decls.pxd': a .pxd file declares the C interface "
                    "of a module; compile its .pyx (pyxc reads the .pxd with it)\n");
    expect_bad_name("noext",
                    "pyxc: error: cannot compile 'noext': not a Python or Cython source file (.py, .pyx)\n");
    expect_bad_name("notes.txt",
                    "pyxc: error: cannot compile 'notes.txt': not a Python or Cython source file (.py, .pyx)\n");
    expect_bad_name("dir/my-module.pyx",
                    "pyxc: error: cannot compile 'dir/my-module.pyx': module name 'my-module' is "
                    "not a Python identifier (use letters, digits and '_', not starting with a "
                    "digit)\n");
    expect_bad_name("2fast.pyx",
                    "pyxc: error: cannot compile '2fast.pyx': module name '2fast' is not a Python "
                    "identifier (use letters, digits and '_', not starting with a digit)\n");
    expect_bad_name("pkg/a.b.pyx",
                    "pyxc: error: cannot compile 'pkg/a.b.pyx': module name 'a.b' is not a Python "
                    "identifier (use letters, digits and '_', not starting with a digit)\n");
    expect_bad_name("caf\xc3\xa9.pyx",
                    "pyxc: error: cannot compile 'caf\xc3\xa9.pyx': module name 'caf\xc3\xa9' is "
                    "not ASCII, which pyxc does not support yet\n");
    expect_bad_name("dir/",
                    "pyxc: error: cannot compile 'dir/': the path has no file name to name the "
                    "module after\n");
}

/* ---- the interpreter ---- */

static void test_build_python_query_matches_interpreter(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, "python3", &py), 0);
    assert_string_equal(py.exe, "python3");
    assert_string_equal(py.version,
                        command_output(&a, "python3 -c 'import sys; print(\"%d.%d\" % "
                                           "sys.version_info[:2])'"));
    assert_int_equal(py.hexversion, atoi(command_output(&a, "python3 -c 'import sys; "
                                                            "print(sys.hexversion)'")));
    assert_true(exists(pyx_arena_printf(&a, "%s/Python.h", py.include)));
    assert_string_equal(py.ext_suffix,
                        command_output(&a, "python3 -c 'import sysconfig; "
                                           "print(sysconfig.get_config_var(\"EXT_SUFFIX\"))'"));
    assert_int_equal(py.debug, 0);

    /* NULL means python3 */
    PyxPython dflt;
    assert_int_equal(pyx_python_query(&a, NULL, &dflt), 0);
    assert_string_equal(dflt.exe, "python3");
    assert_string_equal(dflt.include, py.include);
    pyx_arena_free(&a);
}

/* A real executable's answer is cached; a script's (a pyenv shim, whose
   answer depends on the directory it runs in) never is. */
static void test_build_python_query_is_cached(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    const char *exe = command_output(&a, "python3 -c 'import sys; print(sys.executable)'");
    /* a cache of its own: other tests may have queried the same interpreter */
    char *saved_cache = strdup(getenv("PYXC_CACHE_DIR"));
    const char *cache = pyx_arena_printf(&a, "%s/cache-query", root);
    setenv("PYXC_CACHE_DIR", cache, 1);
    char *before = entries_with(&a, cache, "python-");
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, exe, &py), 0);
    char *after = entries_with(&a, cache, "python-");
    assert_string_not_equal(after, before);
    PyxPython again;
    assert_int_equal(pyx_python_query(&a, exe, &again), 0);
    assert_string_equal(entries_with(&a, cache, "python-"), after);
    assert_string_equal(again.exe, exe);
    assert_string_equal(again.version, py.version);
    assert_string_equal(again.version, py.version);
    assert_string_equal(again.include, py.include);
    assert_string_equal(again.platinclude, py.platinclude);
    assert_string_equal(again.ext_suffix, py.ext_suffix);
    assert_string_equal(again.soabi, py.soabi);
    assert_int_equal(again.hexversion, py.hexversion);
    setenv("PYXC_CACHE_DIR", saved_cache, 1);
    free(saved_cache);
    pyx_arena_free(&a);
}

static void expect_query_error(const char *exe, const char *message)
{
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    Capture c;
    capture_start(&c);
    int rc = pyx_python_query(&a, exe, &py);
    char *err = capture_end(&c, &a);
    assert_int_equal(rc, -1);
    assert_string_equal(err, message);
    pyx_arena_free(&a);
}

static void test_build_python_query_failures(void **state)
{
    (void)state;
    expect_query_error("/nonexistent/python3",
                       "pyxc: error: cannot run Python interpreter '/nonexistent/python3': "
                       "No such file or directory\n");
    expect_query_error("pyxc-no-such-python",
                       "pyxc: error: cannot run Python interpreter 'pyxc-no-such-python': "
                       "not found on PATH\n");
    expect_query_error("false", "pyxc: error: cannot run Python interpreter 'false': exit 1\n");
    expect_query_error("true", "pyxc: error: cannot run Python interpreter 'true': it did not "
                               "answer the sysconfig query (is it Python?)\n");
}

/* ---- temporary directories ---- */

static void test_build_tempdir_and_rmtree(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    char *outside = pyx_arena_printf(&a, "%s/outside.txt", root);
    put_file(outside, "keep me\n");

    char *t = pyx_build_tempdir(&a);
    assert_non_null(t);
    struct stat st;
    assert_int_equal(stat(t, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(st.st_mode & 0777, 0700);
    char *t2 = pyx_build_tempdir(&a);
    assert_string_not_equal(t, t2);

    assert_int_equal(mkdir(pyx_arena_printf(&a, "%s/sub", t), 0755), 0);
    assert_int_equal(mkdir(pyx_arena_printf(&a, "%s/sub/deeper", t), 0755), 0);
    put_file(pyx_arena_printf(&a, "%s/a.c", t), "int x;\n");
    put_file(pyx_arena_printf(&a, "%s/sub/deeper/b.o", t), "");
    /* links are removed, not followed */
    assert_int_equal(symlink(outside, pyx_arena_printf(&a, "%s/sub/link", t)), 0);
    assert_int_equal(symlink(root, pyx_arena_printf(&a, "%s/dirlink", t)), 0);

    pyx_build_rmtree(t);
    pyx_build_rmtree(t2);
    assert_false(exists(t));
    assert_false(exists(t2));
    assert_true(exists(outside));
    pyx_build_rmtree(pyx_arena_printf(&a, "%s/never-existed", root));   /* harmless */
    pyx_arena_free(&a);
}

/* ---- the runtime and extension modules ---- */

static const char e2e_module[] =
    "/* A module as pyxc would emit it: PEP 489 multi-phase init, libpyxrt. */\n"
    "#include \"pyx_rt.h\"\n"
    "\n"
    "static PyObject *pyx_pw_e2e_mod_twice(PyObject *self, PyObject *o)\n"
    "{\n"
    "    long v;\n"
    "    (void)self;\n"
    "    if (pyx_rt_as_long(o, &v) < 0)\n"
    "        return NULL;\n"
    "    return PyLong_FromLong(2 * v);\n"
    "}\n"
    "\n"
    "static PyMethodDef pyx_methods[] = {\n"
    "    {\"twice\", pyx_pw_e2e_mod_twice, METH_O, NULL},\n"
    "    {NULL, NULL, 0, NULL},\n"
    "};\n"
    "static PyModuleDef_Slot pyx_slots[] = {{0, NULL}};\n"
    "static struct PyModuleDef pyx_moduledef = {\n"
    "    PyModuleDef_HEAD_INIT, \"e2e_mod\", NULL, 0, pyx_methods, pyx_slots, NULL, NULL, NULL,\n"
    "};\n"
    "PyMODINIT_FUNC PyInit_e2e_mod(void) { return PyModuleDef_Init(&pyx_moduledef); }\n";

/* Imports e2e_mod from dir with the interpreter and calls it: small ints take
   the inline path, 2**40 the slow one in libpyxrt.a. */
static const char e2e_check[] =
    "import sys; sys.path.insert(0, sys.argv[1]); import e2e_mod\n"
    "try: e2e_mod.twice(2**70)\n"
    "except OverflowError as e: err = str(e)\n"
    "print(e2e_mod.twice(21), e2e_mod.twice(2**40), err, e2e_mod.__spec__.origin.endswith(sys.argv[2]))\n";

static void test_build_extension_end_to_end(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, "python3", &py), 0);
    PyxBuildOptions o;
    pyx_build_options_init(&o);

    char *dir = pyx_build_tempdir(&a);
    char *c_file = pyx_arena_printf(&a, "%s/e2e_mod.c", dir);
    char *so = pyx_arena_printf(&a, "%s/e2e_mod%s", dir, py.ext_suffix);
    put_file(c_file, e2e_module);
    assert_int_equal(pyx_build_extension(&a, &py, &o, c_file, so, NULL, NULL), 0);
    assert_true(exists(so));
    assert_string_equal(entries_with(&a, dir, ".tmp"), "");

    char *cmd = pyx_arena_printf(&a, "'%s' -c '%s' '%s' '%s'", py.exe, e2e_check, dir,
                                 py.ext_suffix);
    assert_string_equal(command_output(&a, cmd),
                        "42 2199023255552 Python int too large to convert to C long True");

    /* rebuilding over an existing module replaces it */
    assert_int_equal(pyx_build_extension(&a, &py, &o, c_file, so, NULL, NULL), 0);
    assert_string_equal(command_output(&a, cmd),
                        "42 2199023255552 Python int too large to convert to C long True");
    pyx_build_rmtree(dir);
    pyx_arena_free(&a);
}

static void test_build_runtime_is_cached(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, "python3", &py), 0);
    PyxBuildOptions o;
    pyx_build_options_init(&o);
    const char *rt = pyx_runtime_dir(&a, &py, &o);
    assert_non_null(rt);
    assert_true(exists(pyx_arena_printf(&a, "%s/pyx_rt.h", rt)));
    assert_true(exists(pyx_arena_printf(&a, "%s/build-info.txt", rt)));
    char *lib = pyx_arena_printf(&a, "%s/libpyxrt.a", rt);
    struct stat before, after;
    assert_int_equal(stat(lib, &before), 0);
    assert_string_equal(pyx_runtime_dir(&a, &py, &o), rt);
    assert_int_equal(stat(lib, &after), 0);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);

    /* different flags are a different runtime */
    o.debug_info = 1;
    const char *rt_g = pyx_runtime_dir(&a, &py, &o);
    assert_non_null(rt_g);
    assert_string_not_equal(rt_g, rt);
    assert_string_equal(entries_with(&a, getenv("PYXC_CACHE_DIR"), ".tmp"), "");
    pyx_arena_free(&a);
}

static void test_build_compiler_error_leaves_nothing(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, "python3", &py), 0);
    PyxBuildOptions o;
    pyx_build_options_init(&o);
    char *dir = pyx_build_tempdir(&a);
    char *c_file = pyx_arena_printf(&a, "%s/broken.c", dir);
    char *so = pyx_arena_printf(&a, "%s/broken%s", dir, py.ext_suffix);
    put_file(c_file, "#include \"pyx_rt.h\"\nint f(void) { return undeclared; }\n");
    Capture c;
    capture_start(&c);
    int rc = pyx_build_extension(&a, &py, &o, c_file, so, NULL, NULL);
    char *err = capture_end(&c, &a);
    assert_int_equal(rc, -1);
    assert_contains(err, "undeclared");   /* cc's own diagnostic is passed on */
    assert_contains(err, pyx_arena_printf(&a, "\npyxc: error: C compiler failed (exit 1) "
                                              "building %s\n", so));
    assert_string_equal(entries_with(&a, dir, ".so"), "");
    pyx_build_rmtree(dir);
    pyx_arena_free(&a);
}

static void test_build_runtime_failure_leaves_nothing(void **state)
{
    (void)state;
    PyxArena a;
    pyx_arena_init(&a);
    PyxPython py;
    assert_int_equal(pyx_python_query(&a, "python3", &py), 0);
    PyxBuildOptions o;
    pyx_build_options_init(&o);

    /* a runtime with a warning in it: -Werror must stop the build */
    char *src = pyx_build_tempdir(&a);
    char *cache = pyx_arena_printf(&a, "%s/cache", src);
    put_file(pyx_arena_printf(&a, "%s/pyx_rt.h", src), "#include <Python.h>\n");
    put_file(pyx_arena_printf(&a, "%s/rt_ok.c", src), "#include \"pyx_rt.h\"\nint pyx_ok;\n");
    put_file(pyx_arena_printf(&a, "%s/rt_bad.c", src),
             "#include \"pyx_rt.h\"\nint pyx_bad(int x) { int unused; return x; }\n");
    char *old_rt = strdup(getenv("PYXC_RUNTIME_DIR"));
    char *old_cache = strdup(getenv("PYXC_CACHE_DIR"));
    setenv("PYXC_RUNTIME_DIR", src, 1);
    setenv("PYXC_CACHE_DIR", cache, 1);

    Capture c;
    capture_start(&c);
    const char *rt = pyx_runtime_dir(&a, &py, &o);
    char *err = capture_end(&c, &a);
    setenv("PYXC_RUNTIME_DIR", old_rt, 1);
    setenv("PYXC_CACHE_DIR", old_cache, 1);
    free(old_rt);
    free(old_cache);

    assert_null(rt);
    assert_contains(err, "unused");
    assert_contains(err, "\npyxc: error: C compiler failed (exit 1) building the pyxc runtime "
                         "(rt_bad.c)\n");
    assert_string_equal(entries_with(&a, cache, "rt-"), "");
    pyx_build_rmtree(src);
    pyx_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_build_module_name_rules),
        cmocka_unit_test(test_build_python_query_matches_interpreter),
        cmocka_unit_test(test_build_python_query_is_cached),
        cmocka_unit_test(test_build_python_query_failures),
        cmocka_unit_test(test_build_tempdir_and_rmtree),
        cmocka_unit_test(test_build_extension_end_to_end),
        cmocka_unit_test(test_build_runtime_is_cached),
        cmocka_unit_test(test_build_compiler_error_leaves_nothing),
        cmocka_unit_test(test_build_runtime_failure_leaves_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
