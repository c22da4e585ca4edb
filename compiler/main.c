/* main.c - the pyxc driver: parse the command line, run the phases.
 *
 * Each input goes through load -> parse -> lower (-> later phases); the
 * driver stops after the first phase that reported errors and exits 1, so
 * nothing is written for a file with errors.  Usage errors exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "diag.h"
#include "lower.h"
#include "parse.h"
#include "version.h"

typedef struct Options {
    int syntax_only;
    int dump_ast;
    int max_errors;
    const char **files;
    int nfiles;
} Options;

static const char usage_text[] =
    "usage: pyxc [options] FILE...\n"
    "\n"
    "Compile Cython (.pyx, .pxd) or Python (.py) modules to CPython extension modules.\n"
    "\n"
    "options:\n"
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
    Options o = {0, 0, 20, NULL, 0};
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

/* Runs the front end on one file; returns 0 when it had no errors. */
static int compile_file(const Options *o, const char *path)
{
    PyxArena arena;
    pyx_arena_init(&arena);
    PyxDiag d;
    pyx_diag_init(&d, stderr);
    d.max_errors = o->max_errors;
    int status = 1;
    TSTree *tree = NULL;

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
    } else if (!o->syntax_only) {
        fprintf(stderr, "pyxc: error: %s: code generation is not available in this build yet; "
                        "use --syntax-only or --dump-ast\n", path);
        goto done;
    }
    status = 0;
done:
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
