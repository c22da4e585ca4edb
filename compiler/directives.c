/* directives.c - the table of Cython's directives and where their values
 * come from (see directives.h).
 */
#include "directives.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct DirInfo {
    const char *name;
    PyxDirKind kind;
    int dflt;
    bool acted;
} DirInfo;

/* ORDER PYX_DIR */
static const DirInfo dirs[] = {
#define PYX_X(id, name, kind, dflt, acted) {name, PYX_DIRK_##kind, dflt, acted},
    PYX_DIRECTIVES(PYX_X)
#undef PYX_X
};

static int find_n(const char *name, size_t n)
{
    for (int i = 0; i < PYX_DIR__COUNT; i++)
        if (strlen(dirs[i].name) == n && strncmp(dirs[i].name, name, n) == 0)
            return i;
    return -1;
}

/* Defaults given on the command line (pyxc --profile). */
static PyxDirectives cmdline;   /* -X name=value, --profile: every module's defaults */
static bool cmdline_set[PYX_DIR__COUNT];

void pyx_directives_set_default(PyxDirective which, int value)
{
    cmdline.value[which] = value;
    cmdline_set[which] = true;
}

void pyx_directives_default(PyxDirectives *d)
{
    for (int i = 0; i < PYX_DIR__COUNT; i++) {
        d->value[i] = cmdline_set[i] ? cmdline.value[i] : dirs[i].dflt;
        d->text[i] = cmdline_set[i] ? cmdline.text[i] : NULL;
    }
}

void pyx_directives_list(FILE *out)
{
    fprintf(out, "Cython directives pyxc knows (# cython: name=value, @cython.name(value), with cython.name(value):)\n");
    for (int i = 0; i < PYX_DIR__COUNT; i++)
        fprintf(out, "  %-30s %s\n", dirs[i].name, dirs[i].acted ? "acted on" : "accepted, no effect yet");
}

/* ---- values ---------------------------------------------------------------------------- */

/* Sets directive i from the text of a value; false when it is not one. */
static bool set_value(PyxDirectives *d, int i, const char *v, size_t n, PyxArena *a)
{
    switch (dirs[i].kind) {
    case PYX_DIRK_BOOL:
        if (n == 4 && strncmp(v, "True", 4) == 0)
            d->value[i] = 1;
        else if (n == 5 && strncmp(v, "False", 5) == 0)
            d->value[i] = 0;
        else if (n == 4 && strncmp(v, "None", 4) == 0 && dirs[i].dflt == 2)
            d->value[i] = 2;
        else
            return false;
        return true;
    case PYX_DIRK_INT: {
        char *end;
        char *copy = pyx_arena_strndup(a, v, n);
        long x = strtol(copy, &end, 10);
        if (*end || end == copy)
            return false;
        d->value[i] = (int)x;
        return true;
    }
    default:
        if (n >= 2 && (v[0] == '\'' || v[0] == '"') && v[n - 1] == v[0]) {
            v++;
            n -= 2;
        }
        if (i == PYX_DIR_EMBEDSIGNATURE_FORMAT && !((n == 1 && *v == 'c') || (n == 6 && strncmp(v, "python", 6) == 0)
                                                   || (n == 6 && strncmp(v, "clinic", 6) == 0)))
            return false;   /* Cython's choices */
        d->text[i] = pyx_arena_strndup(a, v, n);
        return true;
    }
}

const char *pyx_directives_cmdline(const char *spec, PyxArena *a)
{
    const char *p = spec;
    while (*p) {
        const char *item = p, *eq = NULL;
        while (*p && *p != ',') {
            if (*p == '=' && !eq)
                eq = p;
            p++;
        }
        if (!eq || eq == item)
            return pyx_arena_printf(a, "expected NAME=VALUE, not '%.*s'", (int)(p - item), item);
        int i = find_n(item, (size_t)(eq - item));
        if (i < 0)
            return pyx_arena_printf(a, "unknown directive '%.*s'", (int)(eq - item), item);
        if (!set_value(&cmdline, i, eq + 1, (size_t)(p - eq - 1), a))
            return pyx_arena_printf(a, "invalid value for directive '%s': '%.*s'", dirs[i].name, (int)(p - eq - 1), eq + 1);
        cmdline_set[i] = true;
        if (*p == ',')
            p++;
    }
    return NULL;
}

/* ---- the header comments ------------------------------------------------------------- */

static PyxLoc loc_at(const PyxSource *src, uint32_t line, uint32_t pos)
{
    uint32_t b, n;
    pyx_source_line(src, pos, &b, &n);
    PyxLoc l = {src, line, pos - b + 1, pos, pos};
    return l;
}

static void parse_list(PyxDirectives *d, const PyxSource *src, uint32_t line, uint32_t p, uint32_t end,
                       PyxArena *a, PyxDiag *diag)
{
    const char *t = src->text;
    while (p < end) {
        while (p < end && (t[p] == ' ' || t[p] == '\t' || t[p] == ','))
            p++;
        if (p >= end)
            break;
        uint32_t name = p;
        while (p < end && (isalnum((unsigned char)t[p]) || t[p] == '_' || t[p] == '.'))
            p++;
        uint32_t name_end = p;
        while (p < end && (t[p] == ' ' || t[p] == '\t'))
            p++;
        if (name == name_end || p >= end || t[p] != '=') {
            pyx_diag_error(diag, loc_at(src, line, name), "expected 'name=value' in a '# cython:' directive comment");
            return;
        }
        p++;
        while (p < end && (t[p] == ' ' || t[p] == '\t'))
            p++;
        uint32_t value = p;
        while (p < end && t[p] != ',')
            p++;
        uint32_t value_end = p;
        while (value_end > value && (t[value_end - 1] == ' ' || t[value_end - 1] == '\t' || t[value_end - 1] == '\r'))
            value_end--;
        int i = find_n(t + name, name_end - name);
        if (i < 0)
            pyx_diag_error(diag, loc_at(src, line, name), "unknown directive '%.*s'", (int)(name_end - name), t + name);
        else if (!set_value(d, i, t + value, value_end - value, a))
            pyx_diag_error(diag, loc_at(src, line, value), "invalid value for directive '%s': '%.*s'", dirs[i].name,
                           (int)(value_end - value), t + value);
    }
}

void pyx_directives_header(PyxDirectives *d, const PyxSource *src, PyxArena *a, PyxDiag *diag)
{
    const char *t = src->text;
    uint32_t p = 0, line = 1;
    while (p < src->len) {
        uint32_t eol = p;
        while (eol < src->len && t[eol] != '\n')
            eol++;
        uint32_t q = p;
        while (q < eol && (t[q] == ' ' || t[q] == '\t' || t[q] == '\r' || t[q] == '\f'))
            q++;
        if (q < eol && t[q] != '#')
            break;   /* the first line of code ends the header */
        if (q < eol) {
            uint32_t r = q + 1;
            while (r < eol && t[r] == ' ')
                r++;
            if (eol - r >= 6 && strncmp(t + r, "cython", 6) == 0) {
                r += 6;
                while (r < eol && t[r] == ' ')
                    r++;
                if (r < eol && t[r] == ':')
                    parse_list(d, src, line, r + 1, eol, a, diag);
            }
        }
        p = eol + 1;
        line++;
    }
}

/* ---- decorators and with blocks --------------------------------------------------------- */

/* The directive name e calls ('boundscheck', 'optimize.use_switch') into
   name; false when e is no 'cython.[group.]name(...)' call. */
static bool called_name(const PyxNode *e, char *name, size_t size, const char **group)
{
    /* cython.name(value), cython.optimize.name(value), cython.warn.name(value) */
    if (e->kind != PYX_NODE_CALL || e->value->kind != PYX_NODE_ATTRIBUTE)
        return false;
    const PyxNode *callee = e->value;
    const PyxNode *base = callee->value;
    *group = NULL;
    if (base->kind == PYX_NODE_ATTRIBUTE && base->value->kind == PYX_NODE_NAME) {
        *group = base->name;
        base = base->value;
    }
    if (base->kind != PYX_NODE_NAME || strcmp(base->name, "cython") != 0)
        return false;
    snprintf(name, size, "%s%s%s", *group ? *group : "", *group ? "." : "", callee->name);
    return true;
}

int pyx_directive_of(const PyxNode *e)
{
    char name[128];
    const char *group;
    return called_name(e, name, sizeof name, &group) ? find_n(name, strlen(name)) : -1;
}

bool pyx_directive_call(PyxDirectives *d, const PyxNode *e, PyxArena *a, PyxDiag *diag)
{
    char name[128];
    const char *group;
    if (!called_name(e, name, sizeof name, &group))
        return false;
    const PyxNode *callee = e->value;
    int i = find_n(name, strlen(name));
    if (i < 0) {
        static const char *const not_directives[] = {
            "locals", "returns", "exceptval", "ccall", "cfunc", "inline", "final", "internal", "nogil",
            "with_gil", "freelist", "cclass", "declare", "cast", "address", "sizeof",
            "typeof", "NULL", NULL};
        for (int k = 0; not_directives[k]; k++)
            if (strcmp(callee->name, not_directives[k]) == 0 && !group)
                return false;   /* Cython's other decorators: not directives */
        pyx_diag_error(diag, callee->loc, "unknown directive '%s'", name);
        return true;
    }
    if (e->items.len != 1 || e->keywords.len) {
        pyx_diag_error(diag, e->loc, "directive '%s' takes one value", name);
        return true;
    }
    const PyxNode *v = e->items.items[0];
    const char *text = v->kind == PYX_NODE_TRUE ? "True" : v->kind == PYX_NODE_FALSE ? "False"
                     : v->kind == PYX_NODE_NONE ? "None" : v->name;
    bool ok = text && (dirs[i].kind != PYX_DIRK_BOOL || v->kind == PYX_NODE_TRUE || v->kind == PYX_NODE_FALSE
                       || v->kind == PYX_NODE_NONE);
    if (ok)
        ok = set_value(d, i, text, v->kind == PYX_NODE_STR ? v->len : strlen(text), a);
    if (!ok)
        pyx_diag_error(diag, v->loc, "invalid value for directive '%s'", name);
    return true;
}
