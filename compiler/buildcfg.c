/* buildcfg.c - '# distutils:' lines, and C compiler messages mapped back to
 * the source (see buildcfg.h).
 *
 * The emitter writes '/' '* file.pyx:LINE: text *' '/' before the C of every
 * statement, so the source line of any C line is the last such comment
 * above it.  That is all the mapping needs: no side table, no emit.c change.
 */
#define _POSIX_C_SOURCE 200809L
#include "buildcfg.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- '# distutils:' ----------------------------------------------------- */

static PyxLoc line_loc(const PyxSource *src, uint32_t line, uint32_t start, uint32_t len)
{
    PyxLoc l = {src, line, 1, start, start + len};
    return l;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* A relative path is the source directory's when it exists there (as
   cythonize resolves them), else left as it is (the current directory's). */
static const char *resolve(PyxArena *a, const PyxSource *src, const char *p)
{
    if (p[0] == '/')
        return p;
    const char *slash = strrchr(src->path, '/');
    if (slash == NULL)
        return p;
    const char *cand = pyx_arena_printf(a, "%.*s/%s", (int)(slash - src->path), src->path, p);
    return exists(cand) ? cand : p;
}

/* Splits value on commas and blanks into l; quotes ('a b' or "a b") keep an
   item whole. */
static void split_list(PyxArena *a, const char *v, size_t n, PyxStrList *l, const PyxSource *src,
                       int is_path)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && (v[i] == ',' || isspace((unsigned char)v[i])))
            i++;
        if (i == n)
            break;
        size_t start = i, len;
        if (v[i] == '"' || v[i] == '\'') {
            char q = v[i++];
            start = i;
            while (i < n && v[i] != q)
                i++;
            len = i - start;
            if (i < n)
                i++;
        } else {
            while (i < n && v[i] != ',' && !isspace((unsigned char)v[i]))
                i++;
            len = i - start;
        }
        const char *item = pyx_arena_strndup(a, v + start, len);
        pyx_strlist_push(a, l, is_path ? resolve(a, src, item) : item);
    }
}

int pyx_read_distutils(PyxArena *a, const PyxSource *src, PyxBuildOptions *o, PyxDiag *d)
{
    static const char *const keys[] = {"libraries", "library_dirs", "include_dirs",
                                       "extra_compile_args", "extra_link_args", "sources",
                                       "language", "define_macros", "depends", NULL};
    int errors = 0;
    const char *t = src->text;
    uint32_t pos = 0, line = 1;
    while (pos < src->len) {
        uint32_t start = pos;
        const char *nl = memchr(t + pos, '\n', src->len - pos);
        uint32_t end = nl ? (uint32_t)(nl - t) : src->len;
        pos = nl ? end + 1 : src->len;
        const char *s = t + start;
        size_t n = end - start;
        while (n && (s[n - 1] == '\r' || isspace((unsigned char)s[n - 1])))
            n--;
        size_t i = 0;
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i == n) {
            line++;
            continue;
        }
        if (s[i] != '#')
            break;                       /* the header comment block ends at code */
        i++;
        while (i < n && s[i] == ' ')
            i++;
        if (n - i < 10 || strncmp(s + i, "distutils:", 10) != 0) {
            line++;
            continue;
        }
        i += 10;
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        size_t k = i;
        while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '_'))
            k++;
        const char *key = pyx_arena_strndup(a, s + i, k - i);
        while (k < n && isspace((unsigned char)s[k]))
            k++;
        PyxLoc loc = line_loc(src, line, start, (uint32_t)n);
        if (k == n || s[k] != '=') {
            pyx_diag_error(d, loc, "expected '# distutils: key = value'");
            errors++;
            line++;
            continue;
        }
        const char *v = s + k + 1;
        size_t vn = n - k - 1;
        int known = 0;
        for (int j = 0; keys[j]; j++)
            known |= strcmp(keys[j], key) == 0;
        if (!known) {
            pyx_diag_error(d, loc, "unknown '# distutils:' key '%s' (pyxc reads libraries, "
                           "library_dirs, include_dirs, extra_compile_args, extra_link_args, "
                           "sources, define_macros, depends)", key);
            errors++;
        } else if (strcmp(key, "libraries") == 0) {
            split_list(a, v, vn, &o->libraries, src, 0);
        } else if (strcmp(key, "library_dirs") == 0) {
            split_list(a, v, vn, &o->library_dirs, src, 1);
        } else if (strcmp(key, "include_dirs") == 0) {
            split_list(a, v, vn, &o->include_dirs, src, 1);
        } else if (strcmp(key, "extra_compile_args") == 0) {
            split_list(a, v, vn, &o->compile_args, src, 0);
        } else if (strcmp(key, "extra_link_args") == 0) {
            split_list(a, v, vn, &o->link_args, src, 0);
        } else if (strcmp(key, "sources") == 0) {
            split_list(a, v, vn, &o->sources, src, 1);
        } else if (strcmp(key, "depends") == 0) {
            /* files a build system watches; nothing to compile */
        } else if (strcmp(key, "define_macros") == 0) {
            /* NAME or NAME=VALUE items become -D flags */
            PyxStrList l = {0};
            split_list(a, v, vn, &l, src, 0);
            for (int j = 0; j < l.len; j++)
                pyx_strlist_push(a, &o->compile_args, pyx_arena_printf(a, "-D%s", l.v[j]));
        } else {   /* language */
            PyxStrList l = {0};
            split_list(a, v, vn, &l, src, 0);
            if (l.len != 1 || strcmp(l.v[0], "c") != 0) {
                pyx_diag_error(d, loc, "'# distutils: language = %s': pyxc generates C only",
                               l.len ? l.v[0] : "");
                errors++;
            }
        }
        line++;
    }
    return errors;
}

/* ---- C compiler output ------------------------------------------------- */

/* The source line of C line cline: the last statement comment
   '/' '* name:N: ' at or above it; 0 if there is none. */
static uint32_t source_line_of(const char *c, long cline, const char **c_line_text)
{
    long ln = 1;
    uint32_t found = 0;
    const char *p = c;
    *c_line_text = NULL;
    while (*p && ln <= cline) {
        const char *q = p;
        while (*q == ' ')
            q++;
        if (q[0] == '/' && q[1] == '*' && q[2] == ' ') {
            const char *colon = strchr(q + 3, ':');
            const char *eol = strchr(q, '\n');
            if (colon && (!eol || colon < eol) && isdigit((unsigned char)colon[1])) {
                char *end;
                long n = strtol(colon + 1, &end, 10);
                if (*end == ':' && n > 0)
                    found = (uint32_t)n;
            }
        }
        if (ln == cline)
            *c_line_text = p;
        const char *eol = strchr(p, '\n');
        if (eol == NULL)
            break;
        p = eol + 1;
        ln++;
    }
    return found;
}

/* The extern block or cimport that brought in '#include <hdr>'. */
static PyxNode *includer(PyxNode *module, const char *hdr, size_t n)
{
    for (int i = 0; module && i < module->body.len; i++) {
        PyxNode *s = module->body.items[i];
        if (s->kind == PYX_NODE_EXTERN_BLOCK && s->name && strlen(s->name) == n &&
            strncmp(s->name, hdr, n) == 0)
            return s;
    }
    return NULL;
}

static PyxLoc loc_of_line(const PyxSource *src, uint32_t line)
{
    uint32_t pos = 0, ln = 1;
    while (ln < line && pos < src->len) {
        const char *nl = memchr(src->text + pos, '\n', src->len - pos);
        if (nl == NULL)
            break;
        pos = (uint32_t)(nl - src->text) + 1;
        ln++;
    }
    uint32_t col = 1;
    while (pos < src->len && (src->text[pos] == ' ' || src->text[pos] == '\t')) {
        pos++;
        col++;
    }
    PyxLoc l = {src, ln, col, pos, pos};
    return l;
}

static void map_line(PyxCcMap *m, const char *line, size_t n, int *quoting)
{
    size_t plen = strlen(m->c_path);
    const char *s = line;
    if (n > plen && strncmp(s, m->c_path, plen) == 0 && s[plen] == ':') {
        const char *rest = s + plen + 1;
        char *end;
        long cline = strtol(rest, &end, 10);
        if (end == rest || *end != ':') {
            *quoting = 1;        /* "x.c: In function 'f':" */
            return;
        }
        rest = end + 1;
        strtol(rest, &end, 10);  /* the column, if any */
        if (*end == ':')
            rest = end + 1;
        while (*rest == ' ')
            rest++;
        const char *eol = line + n;
        const char *kind = "error";
        static const char *const kinds[] = {"fatal error: ", "error: ", "warning: ", "note: ", NULL};
        for (int i = 0; kinds[i]; i++) {
            size_t kn = strlen(kinds[i]);
            if ((size_t)(eol - rest) >= kn && strncmp(rest, kinds[i], kn) == 0) {
                kind = kinds[i][0] == 'f' ? "error" : (kinds[i][0] == 'e' ? "error"
                       : kinds[i][0] == 'w' ? "warning" : "note");
                rest += kn;
                break;
            }
        }
        const char *ctext;
        uint32_t sline = source_line_of(m->c_text, cline, &ctext);
        PyxLoc loc;
        if (sline == 0 && ctext && strncmp(ctext, "#include <", 10) == 0) {
            const char *hdr = ctext + 10;
            PyxNode *by = includer(m->module, hdr, strcspn(hdr, ">\n"));
            loc = by ? by->loc : loc_of_line(m->src, 1);
        } else {
            loc = loc_of_line(m->src, sline ? sline : 1);
        }
        int len = (int)(eol - rest);
        const char *where = sline ? "" : " (in the module's C preamble)";
        if (strcmp(kind, "error") == 0)
            pyx_diag_error(m->d, loc, "C compiler: %.*s%s", len, rest, where);
        else if (strcmp(kind, "warning") == 0)
            pyx_diag_warning(m->d, loc, "C compiler: %.*s%s", len, rest, where);
        else
            pyx_diag_note(m->d, loc, "C compiler: %.*s%s", len, rest, where);
        *quoting = 1;
        return;
    }
    /* include chains ("In file included from x.c:2:") name the deleted C file */
    if ((n >= 22 && strncmp(s, "In file included from ", 22) == 0) ||
        (n > 22 && strspn(s, " ") >= 10 && strncmp(s + strspn(s, " "), "from ", 5) == 0))
        return;
    /* gcc's quotes of the offending C line ("  5 | code", "    |   ^") */
    size_t i = 0;
    while (i < n && (s[i] == ' ' || isdigit((unsigned char)s[i])))
        i++;
    if (*quoting && i < n && s[i] == '|')
        return;
    if (*quoting && n >= 21 && strncmp(s, "compilation terminated.", 23) == 0)
        return;
    *quoting = 0;
    fprintf(m->d->out, "%.*s\n", (int)n, s);
}

void pyx_cc_map_output(void *map, const char *text)
{
    PyxCcMap *m = map;
    int quoting = 0;
    while (*text) {
        size_t n = strcspn(text, "\n");
        map_line(m, text, n, &quoting);
        text += n;
        if (*text)
            text++;
    }
}
