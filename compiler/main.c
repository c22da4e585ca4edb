/* main.c - the pyxc driver: parse the command line, run the phases.
 *
 * Each input goes through load -> parse -> lower (-> later phases); the
 * driver stops after the first phase that reported errors and exits 1, so
 * nothing is written for a file with errors.  Usage errors exit 2.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "build.h"
#include "desugar.h"
#include "diag.h"
#include "emit.h"
#include "lower.h"
#include "parse.h"
#include "sema.h"
#include "version.h"

typedef struct Options {
    int syntax_only;
    int dump_ast;
    int emit_c;             /* write NAME.c and stop */
    int line_directives;
    int max_errors;
    const char *outdir;     /* -o: where the .so (or .c) goes; default: next to the source */
    const char *python;     /* --python, else $PYXC_PYTHON, else python3 */
    PyxBuildOptions build;
    const char **files;
    int nfiles;
} Options;

static const char usage_text[] =
    "usage: pyxc [options] FILE...\n"
    "\n"
    "Compile Cython (.pyx, .pxd) or Python (.py) modules to CPython extension modules.\n"
    "\n"
    "options:\n"
    "  -o, --output DIR     write the extension module (or C file) into DIR\n"
    "                       (default: next to the source file)\n"
    "  --python PATH        build for this CPython (default: $PYXC_PYTHON or python3)\n"
    "  --emit-c             write NAME.c and stop before the C compiler\n"
    "  --no-line-directives leave '#line' directives out of the C code\n"
    "  -g                   build with debug information\n"
    "  -v, --verbose        print the commands run\n"
    "  --syntax-only        check that every FILE parses; print nothing on success\n"
    "  --dump-ast           print the abstract syntax tree of FILE\n"
    "  --max-errors N       stop reporting after N errors per file (default 20)\n"
    "  -h, --help           show this help and exit\n"
    "  --version            show the version and exit\n";

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "pyxc: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    exit(2);
}

static Options parse_options(int argc, char **argv)
{
    Options o = {0};
    o.max_errors = 20;
    o.line_directives = 1;
    pyx_build_options_init(&o.build);
    o.files = calloc((size_t)argc, sizeof(char *));
    if (o.files == NULL)
        abort();
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            o.files[o.nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = 1;
        } else if (strcmp(a, "--syntax-only") == 0) {
            o.syntax_only = 1;
        } else if (strcmp(a, "--dump-ast") == 0) {
            o.dump_ast = 1;
        } else if (strcmp(a, "--emit-c") == 0) {
            o.emit_c = 1;
        } else if (strcmp(a, "--no-line-directives") == 0) {
            o.line_directives = 0;
        } else if (strcmp(a, "-g") == 0) {
            o.build.debug_info = 1;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            o.build.verbose = 1;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 || strcmp(a, "--python") == 0) {
            if (i + 1 >= argc)
                usage_error("%s needs an argument", a);
            if (strcmp(a, "--python") == 0)
                o.python = argv[++i];
            else
                o.outdir = argv[++i];
        } else if (strncmp(a, "--output=", 9) == 0) {
            o.outdir = a + 9;
        } else if (strncmp(a, "--python=", 9) == 0) {
            o.python = a + 9;
        } else if (strcmp(a, "--max-errors") == 0) {
            if (i + 1 >= argc)
                usage_error("%s needs a number", a);
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 100000)
                usage_error("--max-errors: '%s' is not a positive number", argv[i]);
            o.max_errors = (int)n;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(a, "--version") == 0) {
            printf("pyxc %s\n", PYX_VERSION);
            exit(0);
        } else {
            usage_error("unknown option '%s'", a);
        }
    }
    if (o.nfiles == 0)
        usage_error("%s", "no input files");
    if (o.dump_ast && o.nfiles != 1)
        usage_error("%s", "--dump-ast takes exactly one file");
    return o;
}

/* The directory part of a path ("." for none). */
static const char *dir_of(PyxArena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? pyx_arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path)) : ".";
}

static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* Emits the C code to path via a temporary file and rename, so a failed run
   never leaves a half-written file. */
static int write_c(PyxArena *a, PyxModuleInfo *m, const PyxEmitOptions *eo, const char *path)
{
    const char *tmp = pyx_arena_printf(a, "%s.tmp", path);
    PyxEmitOptions named = *eo;
    named.c_name = base_of(path);   /* not the directory: the same source gives the same C anywhere */
    eo = &named;
    FILE *f = fopen(tmp, "w+");
    if (f == NULL) {
        fprintf(stderr, "pyxc: error: cannot write %s: %s\n", tmp, strerror(errno));
        return -1;
    }
    int rc = pyx_emit_module(a, m, eo, f);
    if (fclose(f) != 0 || rc != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "pyxc: error: cannot write %s: %s\n", path, strerror(errno));
        remove(tmp);
        return -1;
    }
    return 0;
}

/* Runs every phase on one file; returns 0 when it had no errors. */
static int compile_file(const Options *o, const char *path)
{
    PyxArena arena;
    pyx_arena_init(&arena);
    PyxDiag d;
    pyx_diag_init(&d, stderr);
    d.max_errors = o->max_errors;
    int status = 1;
    TSTree *tree = NULL;
    char *tmpdir = NULL;

    PyxSource *src = pyx_source_load(&arena, path);
    if (src == NULL)
        goto done;
    tree = pyx_parse(src, &d);
    if (tree == NULL || d.errors)
        goto done;
    PyxNode *mod = pyx_lower(&arena, src, tree, &d);
    if (d.errors)
        goto done;
    if (o->dump_ast) {
        pyx_ast_dump(stdout, mod);
        status = 0;
        goto done;
    }
    if (o->syntax_only) {
        status = 0;
        goto done;
    }
    const char *modname = pyx_module_name(&arena, path);
    if (modname == NULL)
        goto done;
    pyx_desugar(&arena, mod);
    pyx_diag_buffer(&d, &arena);
    PyxModuleInfo *info = pyx_sema(&arena, mod, modname, &d);
    pyx_diag_flush(&d);
    if (d.errors)
        goto done;
    PyxEmitOptions eo = {o->line_directives, base_of(path), base_of(path), NULL};
    const char *outdir = o->outdir ? o->outdir : dir_of(&arena, path);
    if (o->emit_c) {
        status = write_c(&arena, info, &eo, pyx_arena_printf(&arena, "%s/%s.c", outdir, modname)) == 0 ? 0 : 1;
        goto done;
    }
    PyxPython py;
    if (pyx_python_query(&arena, o->python, &py) < 0)
        goto done;
    tmpdir = pyx_build_tempdir(&arena);
    if (tmpdir == NULL)
        goto done;
    const char *cfile = pyx_arena_printf(&arena, "%s/%s.c", tmpdir, modname);
    if (write_c(&arena, info, &eo, cfile) < 0)
        goto done;
    const char *so = pyx_arena_printf(&arena, "%s/%s%s", outdir, modname, py.ext_suffix);
    if (pyx_build_extension(&arena, &py, &o->build, cfile, so) < 0)
        goto done;
    status = 0;
done:
    if (tmpdir)
        pyx_build_rmtree(tmpdir);
    if (tree)
        ts_tree_delete(tree);
    pyx_arena_free(&arena);
    return status;
}

int main(int argc, char **argv)
{
    Options o = parse_options(argc, argv);
    int failed = 0;
    for (int i = 0; i < o.nfiles; i++)
        failed |= compile_file(&o, o.files[i]);
    free(o.files);
    return failed ? 1 : 0;
}
