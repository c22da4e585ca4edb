/* build.c - run the interpreter and the C compiler (see build.h).
 *
 * Takes a generated .c file and an interpreter; gives an importable .so.
 * The one idea: nothing another process can observe is ever half-written.
 * Cache entries and modules are produced under a temporary name in their
 * final directory and rename()d into place, so a racing pyxc either sees the
 * whole result or builds its own identical one and discards it.
 *
 * Child processes are started with posix_spawnp, argument by argument; no
 * shell ever sees a path.
 */
#define _XOPEN_SOURCE 700   /* POSIX 2008 plus realpath */
#include "build.h"
#include "cleanup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


/* Bump when the cache file formats or the build recipe change. */
#define CACHE_VERSION "1"

static int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("pyxc: error: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return -1;
}

/* ---- argument vectors ------------------------------------------------- */

typedef struct Argv {
    char **v;   /* always NULL-terminated once non-empty */
    int len, cap;
} Argv;

static void argv_push(PyxArena *a, Argv *av, const char *s)
{
    if (av->len + 2 > av->cap) {
        int cap = av->cap ? av->cap * 2 : 32;
        char **v = pyx_arena_alloc(a, sizeof(char *) * (size_t)cap);
        if (av->len)
            memcpy(v, av->v, sizeof(char *) * (size_t)av->len);
        av->v = v;
        av->cap = cap;
    }
    av->v[av->len++] = (char *)s;
    av->v[av->len] = NULL;
}

/* $CC and $PYXC_CFLAGS are word lists split on blanks, as make does; there is
   no quoting. */
static void argv_split(PyxArena *a, Argv *av, const char *s)
{
    while (s && *s) {
        while (*s == ' ' || *s == '\t')
            s++;
        size_t n = strcspn(s, " \t");
        if (n)
            argv_push(a, av, pyx_arena_strndup(a, s, n));
        s += n;
    }
}

static void print_command(const Argv *av)
{
    for (int i = 0; i < av->len; i++) {
        const char *s = av->v[i];
        fputs(i ? " " : "", stderr);
        if (*s && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                            "0123456789_-+=/.,:@%") == strlen(s)) {
            fputs(s, stderr);
            continue;
        }
        fputc('\'', stderr);
        for (; *s; s++) {
            if (*s == '\'')
                fputs("'\\'", stderr);   /* close, escaped quote, reopen */
            fputc(*s, stderr);
        }
        fputc('\'', stderr);
    }
    fputc('\n', stderr);
}

/* ---- processes -------------------------------------------------------- */

/* Starts av (argv[0] searched on PATH).  When out_fd >= 0 the child's stdout
   and stderr go there; otherwise it shares ours.  0 or an errno value. */
static int spawn(const Argv *av, int out_fd, int verbose, pid_t *pid)
{
    if (verbose)
        print_command(av);
    return pyx_child_spawn(av->v, out_fd, NULL, pid);
}

/* The child's wait status, or -1. */
static int wait_child(pid_t pid)
{
    return pyx_child_wait(pid);
}

static int status_ok(int st)
{
    return st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

/* "exit 1", "signal 9" */
static const char *status_str(PyxArena *a, int st)
{
    if (st == -1)
        return "lost";
    if (WIFEXITED(st))
        return pyx_arena_printf(a, "exit %d", WEXITSTATUS(st));
    if (WIFSIGNALED(st))
        return pyx_arena_printf(a, "signal %d", WTERMSIG(st));
    return "stopped";
}

/* The C compiler as an argument vector: $CC's words. */
static void cc_words(PyxArena *a, Argv *av, const PyxBuildOptions *o)
{
    argv_split(a, av, o->cc && *o->cc ? o->cc : "cc");
    if (av->len == 0)
        argv_push(a, av, "cc");
}

/* ---- files ------------------------------------------------------------ */

/* The whole file, NUL-terminated, or NULL with errno set. */
static char *read_file(PyxArena *a, const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = pyx_arena_alloc(a, cap);
    for (;;) {
        n += fread(buf + n, 1, cap - 1 - n, f);
        if (n < cap - 1)
            break;
        char *bigger = pyx_arena_alloc(a, cap * 2);
        memcpy(bigger, buf, n);
        buf = bigger;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        errno = EIO;
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

static int write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    if (fclose(f) != 0 || w != len) {
        unlink(path);
        return -1;
    }
    return 0;
}

/* Writes path through a temporary name, so readers see all of it or none. */
static int write_file_atomic(PyxArena *a, const char *path, const char *data, size_t len)
{
    const char *tmp;
    FILE *f = pyx_temp_create(a, path, &tmp);   /* a new file: no planted link is followed */
    if (f == NULL)
        return -1;
    size_t w = fwrite(data, 1, len, f);
    int rc = fclose(f) != 0 || w != len || rename(tmp, path) != 0 ? -1 : 0;
    if (rc)
        unlink(tmp);
    pyx_temp_done(tmp);
    return rc;
}

/* mkdir -p; 0 or -1 with errno set. */
static int mkdir_p(PyxArena *a, const char *path)
{
    char *p = pyx_arena_strdup(a, path);
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char c = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            return -1;
        *s = c;
        if (c == '\0')
            break;
    }
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Where 'name' runs from: itself if it has a '/', else the first executable
   regular file on $PATH.  NULL if there is none. */
static const char *find_program(PyxArena *a, const char *name)
{
    if (strchr(name, '/'))
        return access(name, X_OK) == 0 ? name : NULL;
    const char *path = getenv("PATH");
    if (path == NULL)
        path = "/usr/local/bin:/usr/bin:/bin";
    for (const char *p = path;; p++) {
        size_t n = strcspn(p, ":");
        char *cand = n ? pyx_arena_printf(a, "%.*s/%s", (int)n, p, name)
                       : pyx_arena_strdup(a, name);   /* empty entry: cwd */
        if (is_file(cand) && access(cand, X_OK) == 0)
            return cand;
        p += n;
        if (*p == '\0')
            return NULL;
    }
}

/* A stable description of the program file behind 'path': its resolved path,
   device, inode, size and mtime.  A reinstalled interpreter or compiler gets
   a new key.  Sets *script when the file starts with "#!". */
static const char *file_identity(PyxArena *a, const char *path, int *script)
{
    char *abs = pyx_arena_strdup(a, path);
    if (path[0] != '/') {
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd))
            abs = pyx_arena_printf(a, "%s/%s", cwd, path);
    }
    char *real = realpath(path, NULL);   /* malloc'd by libc */
    struct stat st;
    const char *id;
    if (real && stat(real, &st) == 0)
        id = pyx_arena_printf(a, "%s|%s|%ju|%ju|%jd|%jd.%09ld", abs, real, (uintmax_t)st.st_dev,
                              (uintmax_t)st.st_ino, (intmax_t)st.st_size,
                              (intmax_t)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
    else
        id = pyx_arena_printf(a, "%s|?", abs);
    if (script) {
        char head[2] = {0, 0};
        FILE *f = real ? fopen(real, "rb") : NULL;
        if (f) {
            if (fread(head, 1, 2, f) != 2)
                head[0] = 0;
            fclose(f);
        }
        *script = head[0] == '#' && head[1] == '!';
    }
    free(real);
    return id;
}

/* ---- cache ------------------------------------------------------------ */

/* 64-bit FNV-1a, continued from h. */
static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
#define HASH_INIT 0xcbf29ce484222325ULL

static uint64_t hash_str(uint64_t h, const char *s)
{
    return hash_bytes(h, s, strlen(s) + 1);   /* the NUL separates fields */
}

/* ${PYXC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pyxc}, not yet created. */
static const char *cache_dir(PyxArena *a)
{
    const char *s = getenv("PYXC_CACHE_DIR");
    if (s && *s)
        return s;
    s = getenv("XDG_CACHE_HOME");
    if (s && s[0] == '/')       /* XDG: relative values are to be ignored */
        return pyx_arena_printf(a, "%s/pyxc", s);
    s = getenv("HOME");
    if (s && *s)
        return pyx_arena_printf(a, "%s/.cache/pyxc", s);
    return NULL;
}

/* Removes temporary build directories that a killed pyxc left behind. */
static void sweep_stale(PyxArena *a, const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "rt-", 3) != 0 || strstr(e->d_name, ".tmp-") == NULL)
            continue;
        char *p = pyx_arena_printf(a, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && now - st.st_mtime > 3600)
            pyx_build_rmtree(p);
    }
    closedir(d);
}

/* ---- the interpreter -------------------------------------------------- */

/* Runs under any Python (even 2.7, so that 'too old' is reported in words).
   sys.path[0] is the current directory under -c: drop it, so a project's own
   sysconfig.py cannot answer for the standard one. */
static const char query_script[] =
    "import sys\n"
    "if sys.path and sys.path[0] in ('', '.'): del sys.path[0]\n"
    "import sysconfig\n"
    "p = sysconfig.get_paths()\n"
    "v = sysconfig.get_config_var\n"
    "sys.stdout.write('pyxc-query-" CACHE_VERSION "\\n')\n"
    "for k, x in (('version', '%d.%d' % sys.version_info[:2]),\n"
    "             ('hexversion', str(sys.hexversion)),\n"
    "             ('include', p['include']),\n"
    "             ('platinclude', p['platinclude']),\n"
    "             ('ext_suffix', v('EXT_SUFFIX') or ''),\n"
    "             ('soabi', v('SOABI') or ''),\n"
    "             ('debug', str(int(hasattr(sys, 'gettotalrefcount')))),\n"
    "             ('libdir', v('LIBDIR') or ''),\n"
    "             ('libpl', v('LIBPL') or ''),\n"
    "             ('ldversion', v('LDVERSION') or '%d.%d' % sys.version_info[:2] + getattr(sys, 'abiflags', '')),\n"
    "             ('libs', ' '.join(x for x in (v('LIBS'), v('SYSLIBS')) if x)),\n"
    "             ('linkforshared', v('LINKFORSHARED') or ''),\n"
    "             ('shared', str(int(bool(v('Py_ENABLE_SHARED')))))):\n"
    "    sys.stdout.write(k + '=' + x + '\\n')\n";

static const char query_marker[] = "pyxc-query-" CACHE_VERSION "\n";

/* Fills out from the "key=value" lines after the marker.  0 if every field
   was there. */
static int parse_answer(PyxArena *a, const char *text, PyxPython *out)
{
    const char *s = strstr(text, query_marker);
    if (s == NULL)
        return -1;
    s += strlen(query_marker);
    int seen = 0;
    while (*s) {
        size_t n = strcspn(s, "\n");
        const char *eq = memchr(s, '=', n);
        if (eq) {
            size_t kn = (size_t)(eq - s);
            char *val = pyx_arena_strndup(a, eq + 1, n - kn - 1);
#define FIELD(name, bit, assign) \
            if (kn == strlen(name) && memcmp(s, name, kn) == 0) { assign; seen |= bit; }
            FIELD("version", 1, out->version = val)
            FIELD("hexversion", 2, out->hexversion = (int)strtol(val, NULL, 10))
            FIELD("include", 4, out->include = val)
            FIELD("platinclude", 8, out->platinclude = val)
            FIELD("ext_suffix", 16, out->ext_suffix = val)
            FIELD("soabi", 32, out->soabi = val)
            FIELD("debug", 64, out->debug = val[0] == '1')
            FIELD("libdir", 128, out->libdir = val)
            FIELD("libpl", 256, out->libpl = val)
            FIELD("ldversion", 512, out->ldversion = val)
            FIELD("libs", 1024, out->libs = val)
            FIELD("linkforshared", 2048, out->linkforshared = val)
            FIELD("shared", 4096, out->shared = val[0] == '1')
#undef FIELD
        }
        s += n;
        if (*s)
            s++;
    }
    return seen == 8191 ? 0 : -1;   /* an older pyxc's cached answer lacks some: asked again */
}

/* The last non-empty line of a child's output, for an error message. */
static const char *last_line(PyxArena *a, const char *text)
{
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r' || text[n - 1] == ' '))
        n--;
    size_t start = n;
    while (start && text[start - 1] != '\n')
        start--;
    return pyx_arena_strndup(a, text + start, n - start);
}

/* Runs the query script; returns its output or NULL after an error. */
static char *run_query(PyxArena *a, const char *exe, const char *path)
{
    int fds[2];
    if (pipe(fds) != 0) {
        error("cannot run Python interpreter '%s': %s", exe, strerror(errno));
        return NULL;
    }
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    Argv av = {0};
    argv_push(a, &av, path);
    argv_push(a, &av, "-s");
    argv_push(a, &av, "-c");
    argv_push(a, &av, query_script);
    pid_t pid;
    int rc = spawn(&av, fds[1], 0, &pid);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        error("cannot run Python interpreter '%s': %s", exe, strerror(rc));
        return NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = pyx_arena_alloc(a, cap);
    for (;;) {
        if (n + 1 >= cap) {
            char *bigger = pyx_arena_alloc(a, cap * 2);
            memcpy(bigger, buf, n);
            buf = bigger;
            cap *= 2;
        }
        ssize_t got = read(fds[0], buf + n, cap - 1 - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    buf[n] = '\0';
    close(fds[0]);
    int st = wait_child(pid);
    if (!status_ok(st)) {
        const char *why = last_line(a, buf);
        error("cannot run Python interpreter '%s': %s%s%s", exe, status_str(a, st),
              *why ? ": " : "", why);
        return NULL;
    }
    return buf;
}

int pyx_python_query(PyxArena *a, const char *exe, PyxPython *out)
{
    if (exe == NULL || *exe == '\0')
        exe = getenv("PYXC_PYTHON");
    if (exe == NULL || *exe == '\0')
        exe = "python3";
    memset(out, 0, sizeof *out);
    out->exe = pyx_arena_strdup(a, exe);

    const char *path = find_program(a, exe);
    if (path == NULL)
        return error("cannot run Python interpreter '%s': %s", exe,
                     strchr(exe, '/') ? strerror(errno) : "not found on PATH");
    int script;
    const char *key = pyx_arena_printf(a, "key=v" CACHE_VERSION "|%s\n",
                                       file_identity(a, path, &script));
    const char *dir = cache_dir(a);
    char *cache_file = NULL;
    if (dir)
        cache_file = pyx_arena_printf(a, "%s/python-%016llx", dir,
                                      (unsigned long long)hash_str(HASH_INIT, key));

    char *cached = cache_file && !script ? read_file(a, cache_file, NULL) : NULL;
    if (!(cached && strncmp(cached, key, strlen(key)) == 0 && parse_answer(a, cached, out) == 0)) {
        char *answer = run_query(a, exe, path);
        if (answer == NULL)
            return -1;
        if (parse_answer(a, answer, out) != 0)
            return error("cannot run Python interpreter '%s': it did not answer the sysconfig "
                         "query (is it Python?)", exe);
        /* Caching is only an optimisation: a read-only home still compiles. */
        if (cache_file && !script && mkdir_p(a, dir) == 0) {
            char *text = pyx_arena_printf(a, "%s%s", key, strstr(answer, query_marker));
            write_file_atomic(a, cache_file, text, strlen(text));
        }
    }

    if (out->hexversion < 0x03080000)
        return error("Python interpreter '%s' is Python %s; pyxc needs 3.8 or newer",
                     exe, out->version);
    if (!is_file(pyx_arena_printf(a, "%s/Python.h", out->include)))
        return error("Python interpreter '%s' has no development headers (Python.h not found "
                     "in %s); install python3-dev", exe, out->include);
    return 0;
}

/* ---- the runtime library ---------------------------------------------- */

void pyx_strlist_push(PyxArena *a, PyxStrList *l, const char *s)
{
    if (l->len == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        const char **v = pyx_arena_alloc(a, sizeof *v * (size_t)cap);
        if (l->len)
            memcpy(v, l->v, sizeof *v * (size_t)l->len);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->len++] = s;
}

void pyx_build_options_init(PyxBuildOptions *o)
{
    memset(o, 0, sizeof *o);
    const char *cc = getenv("CC");
    o->cc = cc && *cc ? cc : "cc";
    o->opt_level = 2;
    o->extra_cflags = getenv("PYXC_CFLAGS");
}

static int has_runtime(PyxArena *a, const char *dir)
{
    return is_file(pyx_arena_printf(a, "%s/pyx_rt.h", dir));
}

/* $PYXC_RUNTIME_DIR, else next to the running pyxc: ../runtime in the
   source tree, ../share/pyxc/runtime once installed. */
static const char *runtime_sources(PyxArena *a)
{
    const char *env = getenv("PYXC_RUNTIME_DIR");
    if (env && *env) {
        if (!has_runtime(a, env)) {
            error("PYXC_RUNTIME_DIR='%s' does not hold the pyxc runtime (no pyx_rt.h)", env);
            return NULL;
        }
        return env;
    }
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) {
        error("cannot find the pyxc runtime sources (/proc/self/exe: %s); set PYXC_RUNTIME_DIR",
              strerror(errno));
        return NULL;
    }
    self[n] = '\0';
    *strrchr(self, '/') = '\0';
    const char *in_tree = pyx_arena_printf(a, "%s/../runtime", self);
    const char *installed = pyx_arena_printf(a, "%s/../share/pyxc/runtime", self);
    if (has_runtime(a, in_tree))
        return in_tree;
    if (has_runtime(a, installed))
        return installed;
    error("cannot find the pyxc runtime sources (looked in %s and %s); set PYXC_RUNTIME_DIR",
          in_tree, installed);
    return NULL;
}

typedef struct SrcFile {
    const char *name;   /* "rt_int.c" */
    const char *text;
    size_t len;
} SrcFile;

static int by_name(const void *x, const void *y)
{
    return strcmp(((const SrcFile *)x)->name, ((const SrcFile *)y)->name);
}

/* Every *.c and *.h of the runtime, sorted so the hash is stable.  Returns
   the count, or -1 after an error. */
static int read_sources(PyxArena *a, const char *dir, SrcFile **files)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return error("cannot read the pyxc runtime sources in %s: %s", dir, strerror(errno));
    int n = 0, cap = 16;
    SrcFile *v = pyx_arena_alloc(a, sizeof *v * (size_t)cap);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 3 || e->d_name[0] == '.' || e->d_name[len - 2] != '.' ||
            (e->d_name[len - 1] != 'c' && e->d_name[len - 1] != 'h'))
            continue;
        if (n == cap) {
            SrcFile *bigger = pyx_arena_alloc(a, sizeof *v * (size_t)cap * 2);
            memcpy(bigger, v, sizeof *v * (size_t)n);
            v = bigger;
            cap *= 2;
        }
        v[n].name = pyx_arena_strdup(a, e->d_name);
        const char *p = pyx_arena_printf(a, "%s/%s", dir, e->d_name);
        v[n].text = read_file(a, p, &v[n].len);
        if (v[n].text == NULL) {
            closedir(d);
            return error("cannot read %s: %s", p, strerror(errno));
        }
        n++;
    }
    closedir(d);
    qsort(v, (size_t)n, sizeof *v, by_name);
    *files = v;
    return n;
}

/* -I flags for the interpreter's headers (platinclude only when it differs). */
static void push_includes(PyxArena *a, Argv *av, const PyxPython *py)
{
    argv_push(a, av, pyx_arena_printf(a, "-I%s", py->include));
    if (py->platinclude && *py->platinclude && strcmp(py->platinclude, py->include) != 0)
        argv_push(a, av, pyx_arena_printf(a, "-I%s", py->platinclude));
}

/* Compiles the sources copied into tmp, all at once, then archives them. */
static int build_runtime_in(PyxArena *a, const char *tmp, const char *final, const Argv *cflags,
                            const SrcFile *files, int nfiles, const PyxBuildOptions *o)
{
    for (int i = 0; i < nfiles; i++) {
        const char *p = pyx_arena_printf(a, "%s/%s", tmp, files[i].name);
        if (write_file(p, files[i].text, files[i].len) != 0)
            return error("cannot write %s: %s", p, strerror(errno));
    }
    pid_t *pids = pyx_arena_alloc(a, sizeof *pids * (size_t)nfiles);
    Argv ar = {0};
    const char *ar_prog = getenv("AR");
    argv_split(a, &ar, ar_prog && *ar_prog ? ar_prog : "ar");
    argv_push(a, &ar, "rcs");
    argv_push(a, &ar, pyx_arena_printf(a, "%s/libpyxrt.a", tmp));
    int first_obj = ar.len, failed = 0;
    for (int i = 0; i < nfiles; i++) {
        pids[i] = -1;
        size_t len = strlen(files[i].name);
        if (files[i].name[len - 1] != 'c' || failed)
            continue;
        Argv av = {0};
        for (int j = 0; j < cflags->len; j++)
            argv_push(a, &av, cflags->v[j]);
        if (o->debug_info)   /* point the debug info at the directory's final name */
            argv_push(a, &av, pyx_arena_printf(a, "-fdebug-prefix-map=%s=%s", tmp, final));
        argv_push(a, &av, "-c");
        argv_push(a, &av, pyx_arena_printf(a, "%s/%s", tmp, files[i].name));
        argv_push(a, &av, "-o");
        const char *obj = pyx_arena_printf(a, "%s/%.*s.o", tmp, (int)len - 2, files[i].name);
        argv_push(a, &av, obj);
        argv_push(a, &ar, obj);
        int rc = spawn(&av, -1, o->verbose, &pids[i]);
        if (rc != 0) {
            error("cannot run C compiler '%s': %s", av.v[0], strerror(rc));
            pids[i] = -1;
            failed = 1;
        }
    }
    for (int i = 0; i < nfiles; i++) {
        if (pids[i] == -1)
            continue;
        int st = wait_child(pids[i]);
        if (!status_ok(st) && !failed) {
            error("C compiler failed (%s) building the pyxc runtime (%s)", status_str(a, st),
                  files[i].name);
            failed = 1;
        }
    }
    if (failed)
        return -1;
    pid_t pid;
    int rc = spawn(&ar, -1, o->verbose, &pid);
    if (rc != 0)
        return error("cannot run archiver '%s': %s", ar.v[0], strerror(rc));
    int st = wait_child(pid);
    if (!status_ok(st))
        return error("archiver '%s' failed (%s) building the pyxc runtime", ar.v[0],
                     status_str(a, st));
    for (int i = first_obj; i < ar.len; i++)
        unlink(ar.v[i]);
    return 0;
}

const char *pyx_runtime_dir(PyxArena *a, const PyxPython *py, const PyxBuildOptions *o)
{
    const char *src = runtime_sources(a);
    if (src == NULL)
        return NULL;
    SrcFile *files = NULL;
    int nfiles = read_sources(a, src, &files);
    if (nfiles < 0)
        return NULL;

    Argv cflags = {0};
    cc_words(a, &cflags, o);
    const char *cc_path = find_program(a, cflags.v[0]);
    if (cc_path == NULL) {
        error("cannot run C compiler '%s': not found", cflags.v[0]);
        return NULL;
    }
    static const char *const fixed[] = {"-std=c11", "-O2", "-fPIC", "-Wall", "-Wextra", "-Werror"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        argv_push(a, &cflags, fixed[i]);
    if (o->debug_info)
        argv_push(a, &cflags, "-g");
    argv_split(a, &cflags, o->extra_cflags);
    push_includes(a, &cflags, py);

    /* The key: everything that can change the bytes of libpyxrt.a. */
    const char *ar_prog = getenv("AR");
    char *info = pyx_arena_printf(
        a, "pyxc runtime v" CACHE_VERSION "\npython %s (hexversion %d, %s, soabi %s%s)\n"
        "Python.h %s\ncc %s\nar %s\ncommand",
        py->version, py->hexversion, py->ext_suffix, py->soabi, py->debug ? ", debug" : "",
        file_identity(a, pyx_arena_printf(a, "%s/Python.h", py->include), NULL),
        file_identity(a, cc_path, NULL), ar_prog && *ar_prog ? ar_prog : "ar");
    for (int i = 0; i < cflags.len; i++)
        info = pyx_arena_printf(a, "%s %s", info, cflags.v[i]);
    info = pyx_arena_printf(a, "%s\nsources %s\n", info, src);
    /* the sources' location is for people reading build-info.txt, not the key */
    uint64_t h = hash_bytes(HASH_INIT, info, (size_t)(strstr(info, "\nsources ") - info));
    for (int i = 0; i < nfiles; i++) {
        h = hash_str(h, files[i].name);
        h = hash_bytes(h, files[i].text, files[i].len);
    }

    const char *dir = cache_dir(a);
    if (dir == NULL) {
        error("cannot find a cache directory for the pyxc runtime: set PYXC_CACHE_DIR or HOME");
        return NULL;
    }
    const char *final = pyx_arena_printf(a, "%s/rt-%016llx", dir, (unsigned long long)h);
    if (is_file(pyx_arena_printf(a, "%s/libpyxrt.a", final)))
        return final;

    if (mkdir_p(a, dir) != 0) {
        error("cannot create the cache directory %s: %s; set PYXC_CACHE_DIR", dir,
              strerror(errno));
        return NULL;
    }
    sweep_stale(a, dir);
    char *tmp = pyx_arena_printf(a, "%s.tmp-XXXXXX", final);
    if (mkdtemp(tmp) == NULL) {
        error("cannot create a directory in %s: %s", dir, strerror(errno));
        return NULL;
    }
    pyx_temp_register(tmp, 1);
    if (o->verbose)
        fprintf(stderr, "pyxc: building the runtime for Python %s in %s\n", py->version, final);
    if (build_runtime_in(a, tmp, final, &cflags, files, nfiles, o) != 0 ||
        write_file(pyx_arena_printf(a, "%s/build-info.txt", tmp), info, strlen(info)) != 0) {
        pyx_build_rmtree(tmp);
        return NULL;
    }
    chmod(tmp, 0755);   /* mkdtemp made it 0700 */
    pyx_temp_done(tmp);
    if (rename(tmp, final) != 0) {
        int err = errno;
        pyx_build_rmtree(tmp);
        /* another pyxc finished first: its result is identical */
        if ((err == EEXIST || err == ENOTEMPTY) && is_file(pyx_arena_printf(a, "%s/libpyxrt.a", final)))
            return final;
        error("cannot create %s: %s", final, strerror(err));
        return NULL;
    }
    return final;
}

/* ---- the precompiled header ------------------------------------------- */

/* Most of the time gcc spends on a small module goes to parsing Python.h.
   A precompiled pyx_rt.h, made once per runtime and set of compile flags
   (gcc uses one only when the flags match), takes that away.  It lives in
   a directory searched before the runtime's own, holding only the .gch: a
   compiler that cannot use it (clang, other flags) finds pyx_rt.h next.
   The directory, or NULL when there is none (a failed build is remembered
   and not tried again). */
static const char *pch_dir(PyxArena *a, const char *rt, const Argv *flags, const PyxBuildOptions *o)
{
    uint64_t h = HASH_INIT;
    for (int i = 0; i < flags->len; i++)
        h = hash_str(h, flags->v[i]);
    const char *dir = pyx_arena_printf(a, "%s/pch-%016llx", rt, (unsigned long long)h);
    const char *gch = pyx_arena_printf(a, "%s/pyx_rt.h.gch", dir);
    if (is_file(gch))
        return dir;
    const char *failed = pyx_arena_printf(a, "%s/failed", dir);
    if (is_file(failed) || (mkdir(dir, 0755) != 0 && errno != EEXIST))
        return NULL;
    const char *tmp;
    FILE *reserved = pyx_temp_create(a, gch, &tmp);   /* a fresh name the compiler writes over */
    if (reserved == NULL)
        return NULL;
    fclose(reserved);
    Argv av = {0};
    for (int i = 0; i < flags->len; i++)
        argv_push(a, &av, flags->v[i]);
    argv_push(a, &av, "-x");
    argv_push(a, &av, "c-header");
    argv_push(a, &av, pyx_arena_printf(a, "%s/pyx_rt.h", rt));
    argv_push(a, &av, "-o");
    argv_push(a, &av, tmp);
    int devnull = open("/dev/null", O_WRONLY);
    pid_t pid;
    int rc = spawn(&av, devnull, o->verbose, &pid);
    if (devnull >= 0)
        close(devnull);
    int st = rc == 0 ? wait_child(pid) : -1;
    bool ok = rc == 0 && status_ok(st) && rename(tmp, gch) == 0;
    if (!ok) {
        unlink(tmp);
        write_file(failed, "", 0);
    }
    pyx_temp_done(tmp);
    return ok ? dir : NULL;
}

/* ---- extension modules ------------------------------------------------ */

/* p made absolute against cwd (p itself when cwd is NULL or p is absolute). */
static const char *absolute(PyxArena *a, const char *cwd, const char *p)
{
    return cwd && p[0] != '/' ? pyx_arena_printf(a, "%s/%s", cwd, p) : p;
}

/* Runs av with its stdout and stderr collected in a temporary file, then
   hands the text to report (or prints it).  The wait status (-1 if lost);
   *started is 0 when the program could not be run (after an error message). */
static int run_collect(PyxArena *a, const Argv *av, const char *dir, int verbose, PyxCcOutput report,
                       void *ctx, int *started)
{
    *started = 0;
    FILE *out = report ? tmpfile() : NULL;
    pid_t pid;
    if (verbose)
        print_command(av);
    int rc = pyx_child_spawn(av->v, out ? fileno(out) : -1, dir, &pid);
    if (rc != 0) {
        if (out)
            fclose(out);
        error("cannot run C compiler '%s': %s", av->v[0], strerror(rc));
        return -1;
    }
    *started = 1;
    int st = wait_child(pid);
    if (out) {
        long n = ftell(out);
        if (n > 0) {
            char *text = pyx_arena_alloc(a, (size_t)n + 1);
            rewind(out);
            size_t got = fread(text, 1, (size_t)n, out);
            text[got] = '\0';
            report(ctx, text);
        }
        fclose(out);
    }
    return st;
}

/* The flags that link an executable embedding the interpreter, as
   'python3-config --embed --ldflags' prints them, plus LINKFORSHARED (the
   executable exports Python's API to the extension modules it loads) and,
   for a shared libpython outside the system's directories, an rpath. */
static void push_embed_flags(PyxArena *a, Argv *av, const PyxPython *py)
{
    if (!py->shared && *py->libpl)
        argv_push(a, av, pyx_arena_printf(a, "-L%s", py->libpl));
    if (*py->libdir)
        argv_push(a, av, pyx_arena_printf(a, "-L%s", py->libdir));
    if (py->shared && *py->libdir && strncmp(py->libdir, "/usr/lib", 8) != 0 && strncmp(py->libdir, "/lib", 4) != 0)
        argv_push(a, av, pyx_arena_printf(a, "-Wl,-rpath,%s", py->libdir));
    argv_push(a, av, pyx_arena_printf(a, "-lpython%s", py->ldversion));
    argv_split(a, av, py->libs);
    argv_split(a, av, py->linkforshared);
}

int pyx_build_extension(PyxArena *a, const PyxPython *py, const PyxBuildOptions *o,
                        const char *c_file, const char *so_path, PyxCcOutput report, void *ctx)
{
    const char *rt = pyx_runtime_dir(a, py, o);
    if (rt == NULL)
        return -1;
    /* Same directory as so_path so that rename() is atomic; the name does
       not end in a suffix Python imports. */
    const char *tmp;
    FILE *reserved = pyx_temp_create(a, so_path, &tmp);   /* a fresh name the linker writes over */
    if (reserved == NULL)
        return error("cannot write %s: %s", so_path, strerror(errno));
    fclose(reserved);
    Argv av = {0};
    cc_words(a, &av, o);
    if (!o->embed)
        argv_push(a, &av, "-shared");
    argv_push(a, &av, "-fPIC");
    argv_push(a, &av, pyx_arena_printf(a, "-O%d", o->opt_level));
    /* C integer arithmetic wraps as in Cython; object pointers alias */
    argv_push(a, &av, "-fwrapv");
    argv_push(a, &av, "-fno-strict-aliasing");
    if (o->debug_info)
        argv_push(a, &av, "-g");
    argv_split(a, &av, o->extra_cflags);
    /* the precompiled header is made with these flags and Python's headers */
    Argv compile = {0};
    for (int i = 0; i < av.len; i++)
        if (strcmp(av.v[i], "-shared") != 0)
            argv_push(a, &compile, av.v[i]);
    push_includes(a, &compile, py);
    const char *pch = pch_dir(a, rt, &compile, o);
    /* -g: the same debug information from any run and any directory.  The
       compiler runs in the temporary directory (its DW_AT_comp_dir), which
       reads as the source's own, where gdb finds the source; so every path
       it is given is absolute. */
    const char *run_in = NULL, *cwd = NULL;
    char cwdbuf[PATH_MAX];
    if (o->debug_info && strrchr(c_file, '/') && getcwd(cwdbuf, sizeof cwdbuf)) {
        cwd = cwdbuf;
        run_in = pyx_arena_strndup(a, c_file, (size_t)(strrchr(c_file, '/') - c_file));
        if (o->source_dir)
            argv_push(a, &av, pyx_arena_printf(a, "-ffile-prefix-map=%s=%s", absolute(a, cwd, run_in), o->source_dir));
    }
    for (int i = 0; i < o->compile_args.len; i++)
        argv_push(a, &av, o->compile_args.v[i]);
    for (int i = 0; i < o->include_dirs.len; i++)
        argv_push(a, &av, pyx_arena_printf(a, "-I%s", absolute(a, cwd, o->include_dirs.v[i])));
    push_includes(a, &av, py);
    if (pch)
        argv_push(a, &av, pyx_arena_printf(a, "-I%s", absolute(a, cwd, pch)));
    argv_push(a, &av, pyx_arena_printf(a, "-I%s", absolute(a, cwd, rt)));
    /* objects first, then the libraries they need: the linker resolves
       symbols left to right */
    argv_push(a, &av, absolute(a, cwd, c_file));
    for (int i = 0; i < o->sources.len; i++)
        argv_push(a, &av, absolute(a, cwd, o->sources.v[i]));
    argv_push(a, &av, absolute(a, cwd, pyx_arena_printf(a, "%s/libpyxrt.a", rt)));
    for (int i = 0; i < o->library_dirs.len; i++)
        argv_push(a, &av, pyx_arena_printf(a, "-L%s", absolute(a, cwd, o->library_dirs.v[i])));
    for (int i = 0; i < o->libraries.len; i++)
        argv_push(a, &av, pyx_arena_printf(a, "-l%s", o->libraries.v[i]));
    if (o->embed)
        push_embed_flags(a, &av, py);
    argv_push(a, &av, "-lm");
    for (int i = 0; i < o->link_args.len; i++)
        argv_push(a, &av, o->link_args.v[i]);
    argv_push(a, &av, "-o");
    argv_push(a, &av, absolute(a, cwd, tmp));

    int started;
    int st = run_collect(a, &av, run_in ? absolute(a, cwd, run_in) : NULL, o->verbose, report, ctx, &started);
    int rc = 0;
    if (!started) {
        unlink(tmp);
        rc = -1;
    } else if (!status_ok(st)) {
        unlink(tmp);
        rc = error("C compiler failed (%s) building %s", status_str(a, st), so_path);
    } else if (rename(tmp, so_path) != 0) {
        int err = errno;
        unlink(tmp);
        rc = error("cannot write %s: %s", so_path, strerror(err));
    }
    pyx_temp_done(tmp);
    return rc;
}

/* ---- helpers for the driver ------------------------------------------- */

char *pyx_build_tempdir(PyxArena *a)
{
    const char *base = getenv("TMPDIR");
    if (base == NULL || *base == '\0')
        base = "/tmp";
    char *dir = pyx_arena_printf(a, "%s/pyxc-XXXXXX", base);
    if (mkdtemp(dir) == NULL) {
        error("cannot create a temporary directory in %s: %s", base, strerror(errno));
        return NULL;
    }
    pyx_temp_register(dir, 1);
    return dir;
}

void pyx_build_rmtree(const char *dir)
{
    if (dir && *dir) {
        pyx_remove_tree(dir);
        pyx_temp_done(dir);
    }
}

const char *pyx_module_name(PyxArena *a, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    if (n == 0) {
        error("cannot compile '%s': the path has no file name to name the module after", path);
        return NULL;
    }
    const char *ext = dot && dot != base ? dot : "";
    if (strcmp(ext, ".pxd") == 0) {
        error("cannot compile '%s': a .pxd file declares the C interface of a module; compile "
              "its .pyx (pyxc reads the .pxd with it)", path);
        return NULL;
    }
    if (strcmp(ext, ".py") != 0 && strcmp(ext, ".pyx") != 0 && strcmp(ext, ".pyw") != 0) {
        error("cannot compile '%s': not a Python or Cython source file (.py, .pyx)", path);
        return NULL;
    }
    char *name = pyx_arena_strndup(a, base, n);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c >= 0x80) {
            error("cannot compile '%s': module name '%s' is not ASCII, which pyxc does not "
                  "support yet", path, name);
            return NULL;
        }
        int ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                 (i > 0 && c >= '0' && c <= '9');
        if (!ok) {
            error("cannot compile '%s': module name '%s' is not a Python identifier "
                  "(use letters, digits and '_', not starting with a digit)", path, name);
            return NULL;
        }
    }
    return name;
}

/* Does directory dir hold a package's __init__ (source or extension)? */
static int is_package_dir(PyxArena *a, const char *dir)
{
    static const char *const inits[] = {"__init__.py", "__init__.pyx", "__init__.pxd", NULL};
    for (int i = 0; inits[i]; i++)
        if (is_file(pyx_arena_printf(a, "%s/%s", dir, inits[i])))
            return 1;
    return 0;
}

const char *pyx_module_qualname(PyxArena *a, const char *path, const char *stem)
{
    char real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *dir = slash ? pyx_arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path)) : ".";
    if (realpath(dir, real) == NULL)
        return stem;
    char *d = pyx_arena_strdup(a, real);
    const char *name = stem;
    int package = strcmp(stem, "__init__") == 0;   /* pkg/__init__.py is the module pkg */
    for (;;) {
        char *last = strrchr(d, '/');
        if (last == NULL || last[1] == '\0')
            break;
        if (!package && !is_package_dir(a, d))
            break;
        name = package ? last + 1 : pyx_arena_printf(a, "%s.%s", last + 1, name);
        package = 0;
        *last = '\0';
        if (*d == '\0')
            break;
    }
    return name;
}

const char *pyx_real_dir(PyxArena *a, const char *path)
{
    char real[PATH_MAX];
    const char *slash = strrchr(path, '/');
    const char *dir = slash ? pyx_arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path)) : ".";
    return realpath(dir, real) ? pyx_arena_strdup(a, real) : NULL;
}
