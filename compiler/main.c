/* main.c - the pyxc driver: parse the command line, run the phases.
 *
 * Each input goes through load -> parse -> lower (-> later phases); the
 * driver stops after the first phase that reported errors and exits 1, so
 * nothing is written for a file with errors.  Usage errors exit 2.
 * With -j N the files are compiled by up to N child processes, each one's
 * messages printed whole when it finishes.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "annotate.h"
#include "analysis.h"
#include "ast.h"
#include "build.h"
#include "cleanup.h"
#include "buildcfg.h"
#include "desugar.h"
#include "diag.h"
#include "directives.h"
#include "emit.h"
#include "emit_py.h"
#include "lower.h"
#include "parse.h"
#include "profile.h"
#include "sema.h"
#include "stubs.h"
#include "symtable.h"
#include "version.h"

typedef struct Options {
    int syntax_only;
    int dump_ast;
    int dump_symtable;
    int emit_c;             /* write NAME.c and stop */
    int emit_py;            /* write NAME.py: the module as plain Python */
    int annotate;           /* -a: NAME.html */
    int json;               /* with -a: the report as JSON on stdout */
    int pyi;                /* also write NAME.pyi */
    int line_directives;
    int max_errors;
    int jobs;               /* -j N */
    int quiet;              /* -q: no progress, no warnings */
    int print_runtime;      /* --runtime-dir */
    int embed;              /* --embed: an executable running the module as __main__ */
    const char *outdir;     /* -o DIR: where the outputs go; default: next to the source */
    const char *outfile;    /* -o FILE: the output's own name (one input only) */
    const char *python;     /* --python, else $PYXC_PYTHON, else python3 */
    PyxBuildOptions build;
    const char **files;
    int nfiles;
} Options;

static const char usage_text[] =
    "usage: pyxc [options] FILE...\n"
    "       pyxc bench FILE --call 'func(args)' [--repeat N] [--json]\n"
    "\n"
    "Compile Cython (.pyx, .pxd) or Python (.py) modules to CPython extension modules.\n"
    "\n"
    "options:\n"
    "  -o, --output PATH    a directory for the outputs, or with one FILE the output's\n"
    "                       name (my_module.so, my_module.c, report.html)\n"
    "                       (default: next to the source file)\n"
    "  --python PATH        build for this CPython (default: $PYXC_PYTHON or python3)\n"
    "  -I DIR, -L DIR, -l LIB\n"
    "                       C include directory, library directory, library to link\n"
    "                       (also '# distutils: include_dirs/library_dirs/libraries')\n"
    "  -j, --jobs N         compile N files at once\n"
    "  --emit-c             write NAME.c and stop before the C compiler\n"
    "  --emit-py            write NAME.py: the module with its C types stripped\n"
    "  --pyi                also write NAME.pyi, the module's type stubs\n"
    "  --embed              build an executable that runs the module as __main__, with\n"
    "                       the Python interpreter in it (NAME, or -o PATH; one FILE)\n"
    "  -a, --annotate       write NAME.html: each line shaded by its Python C-API work\n"
    "  --json               with -a: print the report as JSON instead\n"
    "  --no-line-directives leave '#line' directives out of the C code\n"
    "  --profile            report compiled functions to cProfile and other profilers\n"
    "                       (the 'profile' directive on for every module)\n"
    "  -X, --directive NAME=VALUE[,NAME=VALUE...]\n"
    "                       Cython directives for every module, as cython -X (its\n"
    "                       '# cython:' header and decorators still change them)\n"
    "  -g                   build with debug information\n"
    "  -q, --quiet          no progress lines and no warnings\n"
    "  -v, --verbose        print the commands run\n"
    "  --syntax-only        check that every FILE parses; print nothing on success\n"
    "  --dump-ast           print the abstract syntax tree of FILE\n"
    "  --dump-symtable      print the scopes of FILE and how each name binds\n"
    "  --max-errors N       stop reporting after N errors per file (default 20)\n"
    "  --runtime-dir        build the runtime for --python if needed and print its\n"
    "                       directory (pyx_rt.h, libpyxrt.a), for build systems\n"
    "  --directives         list the Cython directives pyxc knows and exit\n"
    "  -h, --help           show this help and exit\n"
    "  --version            show the version and exit\n";

/* Every option, for the nearest-match suggestion. */
static const char *const all_flags[] = {
    "-o", "--output", "--python", "-I", "-L", "-l", "-j", "--jobs", "--emit-c", "--emit-py",
    "--pyi", "--embed", "-a", "--annotate", "--json", "--no-line-directives", "--profile", "-X", "--directive", "-g", "-q", "--quiet", "-v",
    "--verbose", "--syntax-only", "--dump-ast", "--dump-symtable", "--max-errors", "--runtime-dir",
    "--directives", "-h", "--help",
    "--version", NULL};

static void usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "pyxc: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage_text);
    exit(2);
}

/* Levenshtein distance, for "did you mean". */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 99;
    int row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* One line: the unknown option and the nearest real one. */
static void unknown_option(const char *a)
{
    char name[80];
    snprintf(name, sizeof name, "%.*s", (int)strcspn(a, "="), a);
    const char *best = NULL;
    int bestd = 99;
    for (int i = 0; all_flags[i]; i++) {
        int dd = distance(name, all_flags[i]);
        if (dd < bestd) {
            bestd = dd;
            best = all_flags[i];
        }
    }
    size_t len = strlen(name);
    if (best && bestd <= (len > 6 ? 3 : 2) && bestd < (int)len)
        fprintf(stderr, "pyxc: error: unknown option '%s'; did you mean '%s'? (pyxc --help lists "
                "the options)\n", a, best);
    else
        fprintf(stderr, "pyxc: error: unknown option '%s' (pyxc --help lists the options)\n", a);
    exit(2);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "-I DIR", "-IDIR"; returns the value or NULL if a is not this flag. */
static const char *joined(const char *a, const char *flag, int argc, char **argv, int *i)
{
    size_t n = strlen(flag);
    if (strncmp(a, flag, n) != 0)
        return NULL;
    if (a[n] != '\0')
        return a[n] == '=' && flag[1] == '-' ? a + n + 1 : (flag[1] == '-' ? NULL : a + n);
    if (*i + 1 >= argc)
        usage_error("%s needs an argument", a);
    return argv[++*i];
}

static Options parse_options(PyxArena *a, int argc, char **argv)
{
    Options o = {0};
    o.max_errors = 20;
    o.line_directives = 1;
    o.jobs = 1;
    pyx_build_options_init(&o.build);
    o.files = calloc((size_t)argc, sizeof(char *));
    if (o.files == NULL)
        abort();
    int only_files = 0;
    const char *v, *output = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || arg[1] == '\0') {
            o.files[o.nfiles++] = arg;
        } else if (strcmp(arg, "--") == 0) {
            only_files = 1;
        } else if (strcmp(arg, "--syntax-only") == 0) {
            o.syntax_only = 1;
        } else if (strcmp(arg, "--dump-ast") == 0) {
            o.dump_ast = 1;
        } else if (strcmp(arg, "--dump-symtable") == 0) {
            o.dump_symtable = 1;
        } else if (strcmp(arg, "--emit-c") == 0) {
            o.emit_c = 1;
        } else if (strcmp(arg, "--emit-py") == 0) {
            o.emit_py = 1;
        } else if (strcmp(arg, "--pyi") == 0) {
            o.pyi = 1;
        } else if (strcmp(arg, "--embed") == 0) {
            o.embed = 1;
        } else if (strcmp(arg, "-a") == 0 || strcmp(arg, "--annotate") == 0) {
            o.annotate = 1;
        } else if (strcmp(arg, "--json") == 0) {
            o.json = 1;
        } else if (strcmp(arg, "--runtime-dir") == 0) {
            o.print_runtime = 1;
        } else if (strcmp(arg, "--no-line-directives") == 0) {
            o.line_directives = 0;
        } else if (strcmp(arg, "--profile") == 0) {
            pyx_directives_set_default(PYX_DIR_PROFILE, 1);   /* profile.c */
        } else if ((v = joined(arg, "--directive", argc, argv, &i)) || (v = joined(arg, "-X", argc, argv, &i))) {
            const char *why = pyx_directives_cmdline(v, a);
            if (why) {
                fprintf(stderr, "pyxc: error: -X: %s (pyxc --directives lists them)\n", why);
                exit(2);
            }
        } else if (strcmp(arg, "-g") == 0) {
            o.build.debug_info = 1;
        } else if (strcmp(arg, "-v") == 0 || strcmp(arg, "--verbose") == 0) {
            o.build.verbose = 1;
        } else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
            o.quiet = 1;
        } else if ((v = joined(arg, "--output", argc, argv, &i)) || (v = joined(arg, "-o", argc, argv, &i))) {
            output = v;
        } else if ((v = joined(arg, "--python", argc, argv, &i))) {
            o.python = v;
        } else if ((v = joined(arg, "-I", argc, argv, &i))) {
            pyx_strlist_push(a, &o.build.include_dirs, v);
        } else if ((v = joined(arg, "-L", argc, argv, &i))) {
            pyx_strlist_push(a, &o.build.library_dirs, v);
        } else if ((v = joined(arg, "-l", argc, argv, &i))) {
            pyx_strlist_push(a, &o.build.libraries, v);
        } else if ((v = joined(arg, "--jobs", argc, argv, &i)) || (v = joined(arg, "-j", argc, argv, &i))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 256)
                usage_error("-j: '%s' is not a number of jobs (1-256)", v);
            o.jobs = (int)n;
        } else if ((v = joined(arg, "--max-errors", argc, argv, &i))) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 1 || n > 100000)
                usage_error("--max-errors: '%s' is not a positive number", v);
            o.max_errors = (int)n;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage_text, stdout);
            exit(0);
        } else if (strcmp(arg, "--directives") == 0) {
            pyx_directives_list(stdout);
            exit(0);
        } else if (strcmp(arg, "--version") == 0) {
            printf("pyxc %s\n", PYX_VERSION);
            exit(0);
        } else {
            unknown_option(arg);
        }
    }
    if (o.print_runtime)
        return o;
    if (o.nfiles == 0)
        usage_error("%s", "no input files");
    if (o.dump_ast && o.nfiles != 1)
        usage_error("%s", "--dump-ast takes exactly one file");
    if (o.dump_symtable && o.nfiles != 1)
        usage_error("%s", "--dump-symtable takes exactly one file");
    if (o.json && !o.annotate)
        usage_error("%s", "--json goes with -a (the annotate report)");
    if (o.emit_c + o.emit_py + o.annotate > 1)
        usage_error("%s", "choose one of --emit-c, --emit-py and -a");
    if (o.embed && o.nfiles != 1)
        usage_error("%s", "--embed takes exactly one file");
    if (o.embed && (o.emit_py || o.annotate || o.pyi))
        usage_error("%s", "--embed goes with --emit-c (the C with its main()) or alone");
    o.build.embed = o.embed;
    /* -o: a directory (existing, or ending in '/'), else a file name when
       it has a file suffix, else a directory to create */
    if (output) {
        const char *dot = strrchr(output, '.');
        const char *slash = strrchr(output, '/');
        if (o.embed && !o.emit_c && !is_dir(output) && !ends_with(output, "/")) {
            o.outfile = output;   /* an executable's name has no suffix */
        } else if (is_dir(output) || ends_with(output, "/") || dot == NULL || (slash && dot < slash)) {
            o.outdir = output;
        } else {
            if (o.nfiles != 1)
                usage_error("-o %s names one output file, but there are several inputs", output);
            o.outfile = output;
        }
    }
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

/* Writes path via a temporary file and rename, so a failed run never leaves
   a half-written file.  write_fn returns 0 or -1. */
typedef int (*Writer)(void *ctx, FILE *f);

static int write_atomic(PyxArena *a, const char *path, Writer fn, void *ctx)
{
    const char *tmp;
    FILE *f = pyx_temp_create(a, path, &tmp);   /* exclusively: no planted link is followed */
    if (f == NULL) {
        fprintf(stderr, "pyxc: error: cannot write %s: %s\n", path, strerror(errno));
        return -1;
    }
    int rc = fn(ctx, f);
    int bad = fclose(f) != 0 || rc != 0 || rename(tmp, path) != 0;
    if (bad) {
        fprintf(stderr, "pyxc: error: cannot write %s: %s\n", path, strerror(errno));
        remove(tmp);
    }
    pyx_temp_done(tmp);
    return bad ? -1 : 0;
}

typedef struct CWrite {
    PyxArena *a;
    PyxModuleInfo *m;
    PyxEmitOptions eo;
} CWrite;

static int c_writer(void *ctx, FILE *f)
{
    CWrite *w = ctx;
    return pyx_emit_module(w->a, w->m, &w->eo, f);
}

static int write_c(PyxArena *a, PyxModuleInfo *m, const PyxEmitOptions *eo, const char *path)
{
    CWrite w = {a, m, *eo};
    w.eo.c_name = base_of(path);   /* not the directory: the same source gives the same C anywhere */
    return write_atomic(a, path, c_writer, &w);
}

typedef struct PyWrite {
    PyxArena *a;
    PyxNode *mod;
    PyxDiag *d;
} PyWrite;

static int py_writer(void *ctx, FILE *f)
{
    PyWrite *w = ctx;
    return pyx_emit_py(w->a, w->mod, w->d, f);
}

typedef struct StubWrite {
    PyxModuleInfo *m;
} StubWrite;

static int pyi_writer(void *ctx, FILE *f)
{
    return pyx_emit_pyi(((StubWrite *)ctx)->m, f);
}

typedef struct AnnWrite {
    PyxArena *a;
    PyxAnnotateOptions ao;
} AnnWrite;

static int ann_writer(void *ctx, FILE *f)
{
    AnnWrite *w = ctx;
    return pyx_annotate(w->a, &w->ao, f);
}

/* The whole file, or NULL. */
static char *slurp(PyxArena *a, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = pyx_arena_alloc(a, (size_t)(n > 0 ? n : 0) + 1);
    size_t got = n > 0 ? fread(buf, 1, (size_t)n, f) : 0;
    buf[got] = '\0';
    fclose(f);
    return buf;
}

/* Where an output goes: -o FILE, else -o DIR or the source's directory
   plus the module name and suffix. */
static const char *out_path(PyxArena *a, const Options *o, const char *src, const char *modname,
                            const char *suffix)
{
    if (o->outfile && ends_with(o->outfile, suffix))
        return o->outfile;
    const char *dir = o->outfile ? dir_of(a, o->outfile) : o->outdir ? o->outdir : dir_of(a, src);
    return pyx_arena_printf(a, "%s/%s%s", dir, modname, suffix);
}

/* The module name that an output file name makes Python look for:
   "dir/m.cpython-311-x86_64-linux-gnu.so" -> "m". */
static int names_module(const char *file, const char *modname)
{
    const char *b = base_of(file);
    size_t n = strcspn(b, ".");
    return strlen(modname) == n && strncmp(b, modname, n) == 0;
}

/* Runs every phase on one file; returns 0 when it had no errors. */
static int compile_file(const Options *o, const char *path)
{
    PyxArena arena;
    pyx_arena_init(&arena);
    PyxDiag d;
    pyx_diag_init(&d, stderr);
    d.max_errors = o->max_errors;
    d.no_warnings = o->quiet;
    int status = 1;
    TSTree *tree = NULL;
    char *tmpdir = NULL;
    PyxBuildOptions build = o->build;

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
    if (o->dump_symtable) {
        PyxScope *top = pyx_symtable(&arena, mod, &d);
        if (d.errors == 0) {
            pyx_symtable_dump(stdout, top);
            status = 0;
        }
        goto done;
    }
    if (o->syntax_only) {
        status = 0;
        goto done;
    }
    const char *modname = pyx_module_name(&arena, path);   /* the file's stem: names the outputs */
    if (modname == NULL)
        goto done;
    /* pkg/sub/m.pyx is the module pkg.sub.m, with PyInit_m; pkg/__init__.py is pkg */
    const char *qualname = pyx_module_qualname(&arena, path, modname);
    const char *cmod = strrchr(qualname, '.') ? strrchr(qualname, '.') + 1 : qualname;
    if (o->outfile && !o->annotate && !o->emit_c && !o->emit_py && !o->pyi && !o->embed &&
        !names_module(o->outfile, modname)) {
        fprintf(stderr, "pyxc: error: -o %s: Python would look for a module named '%.*s' in it, "
                "but this one is '%s' (from %s); name the file %s.so or %s%s\n", o->outfile,
                (int)strcspn(base_of(o->outfile), "."), base_of(o->outfile), modname, path,
                modname, modname, ".<abi>.so");
        goto done;
    }
    if (o->emit_py) {
        /* the AST alone: C types are dropped, so sema's checks do not apply */
        PyWrite w = {&arena, mod, &d};
        const char *py = out_path(&arena, o, path, modname, ".py");
        struct stat a, b;
        if (strcmp(py, path) == 0 || (stat(py, &a) == 0 && stat(path, &b) == 0 &&
                                      a.st_dev == b.st_dev && a.st_ino == b.st_ino)) {
            fprintf(stderr, "pyxc: error: --emit-py would overwrite %s; use -o\n", path);
            goto done;
        }
        status = write_atomic(&arena, py, py_writer, &w) == 0 && d.errors == 0 ? 0 : 1;
        if (d.errors)
            remove(py);
        goto done;
    }
    if (pyx_read_distutils(&arena, src, &build, &d))
        goto done;
    /* headers of 'cdef extern from' blocks are found next to the source, as
       when the C file sits there (cythonize) */
    pyx_strlist_push(&arena, &build.include_dirs, dir_of(&arena, path));
    build.source_dir = pyx_real_dir(&arena, path);
    pyx_symtable(&arena, mod, &d);   /* scopes, as CPython decides them */
    if (d.errors)
        goto done;
    pyx_desugar(&arena, mod);
    pyx_diag_buffer(&d, &arena);
    PyxModuleInfo *info = pyx_sema(&arena, mod, cmod, &d);
    info->qualname = qualname;
    pyx_diag_flush(&d);
    if (d.errors)
        goto done;
    pyx_analyse_raises(&arena, info);
    pyx_analyse_recursion(&arena, info);
    PyxEmitOptions eo = {o->line_directives, base_of(path), base_of(path), NULL, o->embed};
    if (o->pyi) {
        StubWrite sw = {info};
        if (write_atomic(&arena, out_path(&arena, o, path, modname, ".pyi"), pyi_writer, &sw) < 0)
            goto done;
        if (o->outfile && ends_with(o->outfile, ".pyi")) {
            status = 0;
            goto done;
        }
    }
    if (o->annotate) {
        char *ctext = NULL;
        size_t clen = 0;
        FILE *mem = open_memstream(&ctext, &clen);
        PyxEmitOptions plain = eo;
        plain.line_directives = 0;
        int rc = mem ? pyx_emit_module(&arena, info, &plain, mem) : -1;
        if (mem)
            fclose(mem);
        if (rc == 0) {
            AnnWrite w = {&arena, {o->json, src, mod, info, ctext}};
            if (o->json && !o->outfile)
                rc = ann_writer(&w, stdout);
            else
                rc = write_atomic(&arena, out_path(&arena, o, path, modname,
                                                   o->json ? ".json" : ".html"), ann_writer, &w);
        }
        free(ctext);   /* open_memstream's buffer */
        status = rc == 0 ? 0 : 1;
        goto done;
    }
    if (o->emit_c) {
        status = write_c(&arena, info, &eo, out_path(&arena, o, path, modname, ".c")) == 0 ? 0 : 1;
        goto done;
    }
    PyxPython py;
    if (pyx_python_query(&arena, o->python, &py) < 0)
        goto done;
    if (pyx_profile_check_target(info, py.hexversion, &d) < 0)   /* profiling on 3.12 */
        goto done;
    if (info->needs_what && py.hexversion < info->needs_hexversion) {   /* 'match' on 3.9 */
        pyx_diag_error(&d, info->needs_loc, "%s need Python %d.%d or newer; %s is Python %s", info->needs_what,
                       info->needs_hexversion >> 24, (info->needs_hexversion >> 16) & 0xFF, py.exe, py.version);
        goto done;
    }
    tmpdir = pyx_build_tempdir(&arena);
    if (tmpdir == NULL)
        goto done;
    const char *cfile = pyx_arena_printf(&arena, "%s/%s.c", tmpdir, modname);
    /* #line directives only for -g (where gdb wants them): C compiler
       messages are taken back to the source through the statement comments
       (pyx_cc_map_output) */
    eo.line_directives = o->line_directives && o->build.debug_info;
    if (write_c(&arena, info, &eo, cfile) < 0)
        goto done;
    const char *so = o->outfile ? o->outfile : out_path(&arena, o, path, modname, o->embed ? "" : py.ext_suffix);
    struct stat so_st, src_st;
    if (stat(so, &so_st) == 0 && stat(path, &src_st) == 0 && so_st.st_dev == src_st.st_dev
        && so_st.st_ino == src_st.st_ino) {
        fprintf(stderr, "pyxc: error: the output would overwrite the source %s; use -o\n", path);
        goto done;
    }
    if (o->outdir && !is_dir(o->outdir) && mkdir(o->outdir, 0777) != 0) {
        fprintf(stderr, "pyxc: error: cannot create the output directory %s: %s\n", o->outdir,
                strerror(errno));
        goto done;
    }
    PyxCcMap map = {&arena, cfile, slurp(&arena, cfile), src, mod, &d};
    if (pyx_build_extension(&arena, &py, &build, cfile, so, pyx_cc_map_output, &map) < 0)
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

/* Prints the runtime directory for o->python, building it if needed. */
static int print_runtime_dir(const Options *o)
{
    PyxArena arena;
    pyx_arena_init(&arena);
    PyxPython py;
    int rc = 1;
    if (pyx_python_query(&arena, o->python, &py) == 0) {
        const char *dir = pyx_runtime_dir(&arena, &py, &o->build);
        if (dir) {
            printf("%s\n", dir);
            rc = 0;
        }
    }
    pyx_arena_free(&arena);
    return rc;
}

static int wants_progress(const Options *o)
{
    return o->nfiles > 1 && !o->quiet && !o->syntax_only && !o->emit_c && !o->emit_py &&
           !o->annotate;
}

/* -j N: up to N children, each compiling one file with its stderr in a
   temporary file that is printed when it ends, so messages never mix. */
static int compile_parallel(const Options *o)
{
    int failed = 0, next = 0, running = 0, done = 0;
    pid_t *pids = calloc((size_t)o->nfiles, sizeof *pids);
    FILE **logs = calloc((size_t)o->nfiles, sizeof *logs);
    if (pids == NULL || logs == NULL)
        abort();
    fflush(stdout);
    fflush(stderr);
    while (done < o->nfiles) {
        while (running < o->jobs && next < o->nfiles) {
            int i = next++;
            logs[i] = tmpfile();
            pid_t pid = fork();
            if (pid == 0) {
                pyx_child_detach();
                if (logs[i])
                    dup2(fileno(logs[i]), 2);
                int rc = compile_file(o, o->files[i]);
                fflush(stdout);
                fflush(stderr);
                _exit(rc);
            }
            if (pid < 0) {
                fprintf(stderr, "pyxc: error: cannot start a job: %s\n", strerror(errno));
                failed = 1;
                done++;
                continue;
            }
            pids[i] = pid;
            pyx_child_track(pid);
            running++;
        }
        int st;
        pid_t pid = wait(&st);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < o->nfiles; i++) {
            if (pids[i] != pid)
                continue;
            running--;
            pyx_child_forget(pid);
            done++;
            int ok = WIFEXITED(st) && WEXITSTATUS(st) == 0;
            failed |= !ok;
            if (logs[i]) {
                rewind(logs[i]);
                char buf[4096];
                size_t n;
                while ((n = fread(buf, 1, sizeof buf, logs[i])) > 0)
                    fwrite(buf, 1, n, stderr);
                fclose(logs[i]);
            }
            if (wants_progress(o))
                fprintf(stderr, "pyxc: [%d/%d] %s %s\n", done, o->nfiles, ok ? "built" : "FAILED",
                        o->files[i]);
            fflush(stderr);
        }
    }
    free(pids);
    free(logs);
    return failed;
}

/* pyxc bench ...: the pyxc Python package's bench tool (pyxc/bench.py),
   run by the target Python with this pyxc binary. */
static int bench_main(int argc, char **argv)
{
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        fprintf(stderr, "pyxc: error: cannot find the pyxc executable: %s\n", strerror(errno));
        return 2;
    }
    self[n] = '\0';
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", self);
    *strrchr(dir, '/') = '\0';
    static const char *const places[] = {"%s/../integration/python", "%s/../share/pyxc/python", NULL};
    char pkg[4200] = "";
    for (int i = 0; places[i]; i++) {
        char cand[4200], probe[4300];
        snprintf(cand, sizeof cand, places[i], dir);
        snprintf(probe, sizeof probe, "%s/pyxc/bench.py", cand);
        if (access(probe, R_OK) == 0) {
            snprintf(pkg, sizeof pkg, "%s", cand);
            break;
        }
    }
    if (*pkg) {
        const char *old = getenv("PYTHONPATH");
        char *pp = malloc(strlen(pkg) + (old ? strlen(old) : 0) + 2);
        if (pp == NULL)
            abort();
        sprintf(pp, "%s%s%s", pkg, old && *old ? ":" : "", old && *old ? old : "");
        setenv("PYTHONPATH", pp, 1);
        free(pp);
    }
    setenv("PYXC", self, 1);
    const char *py = getenv("PYXC_PYTHON");
    for (int i = 1; i + 1 < argc; i++)
        if (strcmp(argv[i], "--python") == 0)
            py = argv[i + 1];
    if (py == NULL || *py == '\0')
        py = "python3";
    char **av = calloc((size_t)argc + 4, sizeof *av);
    if (av == NULL)
        abort();
    int k = 0;
    av[k++] = (char *)py;
    av[k++] = "-m";
    av[k++] = "pyxc";
    for (int i = 0; i < argc; i++)
        av[k++] = argv[i];
    execvp(py, av);
    fprintf(stderr, "pyxc: error: cannot run Python interpreter '%s': %s\n", py, strerror(errno));
    return 2;
}

static int run(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "bench") == 0)
        return bench_main(argc - 1, argv + 1);
    pyx_cleanup_install();
    PyxArena opts;
    pyx_arena_init(&opts);
    Options o = parse_options(&opts, argc, argv);
    if (o.print_runtime)
        return print_runtime_dir(&o);
    int failed = 0;
    if (o.jobs > 1 && o.nfiles > 1 && !o.dump_ast) {
        failed = compile_parallel(&o);
    } else {
        for (int i = 0; i < o.nfiles; i++) {
            int rc = compile_file(&o, o.files[i]);
            failed |= rc;
            if (wants_progress(&o))
                fprintf(stderr, "pyxc: [%d/%d] %s %s\n", i + 1, o.nfiles, rc ? "FAILED" : "built",
                        o.files[i]);
        }
    }
    free(o.files);
    pyx_arena_free(&opts);
    return failed ? 1 : 0;
}

typedef struct Main {
    int argc;
    char **argv;
    int status;
} Main;

static void *run_thread(void *arg)
{
    Main *m = arg;
    m->status = run(m->argc, m->argv);
    return NULL;
}

/* The phases recurse over the tree, whose depth the front end bounds as
   CPython does (parse.c, layout.c); a thread with a large stack (reserved,
   not committed) leaves that bound far from the stack's end, sanitizers
   included. */
int main(int argc, char **argv)
{
    Main m = {argc, argv, 1};
    pthread_attr_t attr;
    pthread_t t;
    if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, (size_t)256 << 20) == 0
        && pthread_create(&t, &attr, run_thread, &m) == 0) {
        pthread_join(t, NULL);
        return m.status;
    }
    return run(argc, argv);
}
