/* annotate.c - the annotate report (see annotate.h).
 *
 * Three passes: split the C into per-line chunks, score each chunk by what
 * it calls, then walk the AST for the reasons a line needs the C-API.
 */
#include "annotate.h"

#include <ctype.h>
#include <string.h>

#include "map.h"

typedef struct Line {
    const char **c;       /* the C lines compiled from this source line */
    int nc, capc;
    int api, refs, checks, score;
    const char **hints;
    int nhints, caphints;
} Line;

typedef struct Ann {
    PyxArena *a;
    const PyxAnnotateOptions *o;
    Line *lines;          /* 1-based */
    int nlines;
} Ann;

/* ---- splitting the C ------------------------------------------------------ */

/* N from a statement comment of this module's source ("/" "* m.pyx:N: "), else 0. */
static int stmt_comment(const char *s, size_t n, const char *src_name)
{
    size_t k = strlen(src_name);
    if (n < 3 + k + 2 || strncmp(s, "/* ", 3) != 0 || strncmp(s + 3, src_name, k) != 0 ||
        s[3 + k] != ':')
        return 0;
    int line = 0;
    size_t i = 4 + k;
    while (i < n && isdigit((unsigned char)s[i]))
        line = line * 10 + (s[i++] - '0');
    return i < n && s[i] == ':' ? line : 0;
}

static void split_c(Ann *A, const char *src_name)
{
    const char *p = A->o->c_text;
    int cur = 0;
    while (*p) {
        size_t n = strcspn(p, "\n");
        size_t ind = 0;
        while (ind < n && p[ind] == ' ')
            ind++;
        int at = stmt_comment(p + ind, n - ind, src_name);
        if (at > 0 && ind > 0) {
            cur = at <= A->nlines ? at : 0;     /* a statement: its C follows */
        } else if (ind == 0 && n > 0) {
            cur = 0;                            /* function boundaries, labels, file scope */
        } else if (cur > 0 && n > ind && !(n - ind == 1 && p[ind] == '}')) {
            Line *l = &A->lines[cur];
            PYX_VEC_PUSH(A->a, l->c, l->nc, l->capc, pyx_arena_strndup(A->a, p + ind, n - ind));
        }
        p += n;
        if (*p)
            p++;
    }
}

/* ---- scoring ---------------------------------------------------------------- */

static int is_refcount(const char *id, size_t n)
{
    static const char *const rc[] = {"Py_INCREF", "Py_DECREF", "Py_XINCREF", "Py_XDECREF",
                                     "Py_CLEAR", "Py_XSETREF", "Py_SETREF", "Py_NewRef", NULL};
    for (int i = 0; rc[i]; i++)
        if (strlen(rc[i]) == n && strncmp(id, rc[i], n) == 0)
            return 1;
    return 0;
}

static void score_line(Line *l)
{
    for (int i = 0; i < l->nc; i++) {
        const char *s = l->c[i];
        if (strstr(s, "goto pyx_L_") && strstr(s, "if ("))
            l->checks++;
        for (const char *q = s; *q; q++) {
            if (!(isalpha((unsigned char)*q) || *q == '_') || (q > s && (isalnum((unsigned char)q[-1]) || q[-1] == '_')))
                continue;
            size_t n = 0;
            while (isalnum((unsigned char)q[n]) || q[n] == '_')
                n++;
            const char *after = q + n;
            while (*after == ' ')
                after++;
            int call = *after == '(';
            if (call && is_refcount(q, n))
                l->refs++;
            else if (call && (strncmp(q, "Py", 2) == 0 || strncmp(q, "_Py", 3) == 0 ||
                              strncmp(q, "pyx_rt_", 7) == 0))
                l->api++;
            q += n - 1;
        }
    }
    l->score = 3 * l->api + l->refs + l->checks;
}

/* ---- hints ---------------------------------------------------------------------- */

static void hint(Ann *A, int line, const char *text)
{
    if (line < 1 || line > A->nlines)
        return;
    Line *l = &A->lines[line];
    for (int i = 0; i < l->nhints; i++)
        if (strcmp(l->hints[i], text) == 0)
            return;
    PYX_VEC_PUSH(A->a, l->hints, l->nhints, l->caphints, text);
}

typedef void (*Visit)(Ann *A, PyxNode *n, PyxNode *fn, void *ctx);

/* Every node below n, with the innermost enclosing function. */
static void walk(Ann *A, PyxNode *n, PyxNode *fn, Visit v, void *ctx)
{
    if (n == NULL)
        return;
    if (n->kind == PYX_NODE_FUNCTION_DEF)
        fn = n;
    v(A, n, fn, ctx);
    PyxNode *slots[] = {n->target, n->value, n->test, n->left, n->right, n->cause, n->lower,
                        n->upper, n->step};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++)
        walk(A, slots[i], fn, v, ctx);
    PyxNodeList *lists[] = {&n->body, &n->orelse, &n->finalbody, &n->handlers, &n->items,
                            &n->keywords, &n->params, &n->decorators};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        for (int j = 0; j < lists[i]->len; j++)
            walk(A, lists[i]->items[j], fn, v, ctx);
}

typedef struct Guess {
    PyxSymbol *sym;
    int floats, ints, range_loop;
} Guess;

static void guess_visit(Ann *A, PyxNode *n, PyxNode *fn, void *ctx)
{
    (void)A;
    (void)fn;
    Guess *g = ctx;
    PyxNode *target = NULL, *value = NULL;
    if (n->kind == PYX_NODE_ASSIGN && n->items.len == 1) {
        target = n->items.items[0];
        value = n->value;
    } else if (n->kind == PYX_NODE_AUG_ASSIGN) {
        target = n->target;
        value = n->value;
    } else if (n->kind == PYX_NODE_FOR && n->target && n->target->sym == g->sym &&
               n->value && n->value->kind == PYX_NODE_CALL && n->value->value->kind == PYX_NODE_NAME &&
               strcmp(n->value->value->name, "range") == 0) {
        g->range_loop = 1;
        return;
    }
    if (target == NULL || target->kind != PYX_NODE_NAME || target->sym != g->sym || value == NULL)
        return;
    if (value->kind == PYX_NODE_FLOAT || (value->type && value->type->kind == PYX_TY_FLOAT) ||
        (value->kind == PYX_NODE_BINOP && value->op == PYX_OP_DIV))
        g->floats++;
    else if (value->kind == PYX_NODE_INT || (value->type && value->type->kind == PYX_TY_INT))
        g->ints++;
}

/* The C type to suggest for an untyped local or parameter. */
static const char *suggest(Ann *A, PyxSymbol *s, PyxNode *fn)
{
    Guess g = {s, 0, 0, 0};
    walk(A, fn, fn, guess_visit, &g);
    if (g.range_loop)
        return "Py_ssize_t";
    if (g.floats)
        return "double";
    if (g.ints)
        return "long";
    return NULL;
}

static void hint_visit(Ann *A, PyxNode *n, PyxNode *fn, void *ctx)
{
    (void)ctx;
    if (n->kind != PYX_NODE_NAME || n->sym == NULL || fn == NULL)
        return;
    PyxSymbol *s = n->sym;
    int line = (int)n->loc.line;
    if (line < 1 || line > A->nlines || A->lines[line].score == 0)
        return;
    if (s->kind == PYX_SYM_LOCAL && s->type && s->type->kind == PYX_TY_OBJECT &&
        s->type->builtin == PYX_BI_NONE && !s->declared) {
        const char *ty = suggest(A, s, fn);
        bool own_param = false;   /* (not a lambda's, inside fn) */
        for (int i = 0; s->is_param && fn->func && i < fn->func->nparams; i++)
            own_param |= fn->func->params[i] == s;
        if (s->is_param && !own_param)
            return;
        if (s->is_param)
            hint(A, line, pyx_arena_printf(A->a, "parameter `%s` is an untyped Python object: "
                 "give it a C type, `def %s(%s %s, ...)`", s->name, fn->name,
                 ty ? ty : "double", s->name));
        else
            hint(A, line, pyx_arena_printf(A->a, "`%s` is an untyped Python object: declare "
                 "`cdef %s %s`%s", s->name, ty ? ty : "long", s->name,
                 ty ? "" : " (or `double`: the C type of the values it holds)"));
    } else if (s->kind == PYX_SYM_CELL) {
        hint(A, line, pyx_arena_printf(A->a, "`%s` is %s closure variable: it lives in a cell, and each use "
             "reads or writes the cell%s; copy it into a local for a loop", s->name, s->free ? "an enclosing function's" : "a",
             s->type && pyx_type_is_c(s->type) ? " (its C value boxed there)" : ""));
    } else if (s->kind == PYX_SYM_PYGLOBAL && n->loc.line != fn->loc.line) {
        hint(A, line, pyx_arena_printf(A->a, "`%s` is a module global: each use looks it up in "
             "the module's dict; make it a `cdef` global or copy it into a typed local",
             s->name));
    }
}

/* Typed expressions mixed with Python objects: each box and unbox. */
static void mix_visit(Ann *A, PyxNode *n, PyxNode *fn, void *ctx)
{
    (void)ctx;
    PyxNode *l = n->kind == PYX_NODE_AUG_ASSIGN ? n->target : n->left;
    PyxNode *r = n->kind == PYX_NODE_AUG_ASSIGN ? n->value : n->right;
    if (fn == NULL || (n->kind != PYX_NODE_BINOP && n->kind != PYX_NODE_AUG_ASSIGN) ||
        l == NULL || r == NULL || !l->type || !r->type)
        return;
    int line = (int)n->loc.line;
    if (line < 1 || line > A->nlines || A->lines[line].score == 0)
        return;
    int lc = pyx_type_is_c(l->type), rc = pyx_type_is_c(r->type);
    if (lc != rc)
        hint(A, line, pyx_arena_printf(A->a, "`%s%s` mixes a C number with a Python object: the "
             "C value is boxed and the operation runs in Python", pyx_op_str(n->op),
             n->kind == PYX_NODE_AUG_ASSIGN ? "=" : ""));
}

/* ---- output ------------------------------------------------------------------ */

static void html_escape(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(s[i], out);
        }
    }
}

/* `code` spans in hints become <code>. */
static void html_hint(FILE *out, const char *s)
{
    int in = 0;
    for (; *s; s++) {
        if (*s == '`') {
            fputs(in ? "</code>" : "<code>", out);
            in = !in;
        } else {
            html_escape(out, s, 1);
        }
    }
    if (in)
        fputs("</code>", out);
}

static void json_str(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

/* Source line i (1-based): start and length. */
static const char *src_line(const PyxSource *src, int i, size_t *len)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int k = 1; k < i && p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    if (*len && p[*len - 1] == '\r')
        (*len)--;
    return p;
}

static void write_json(Ann *A, FILE *out)
{
    const PyxAnnotateOptions *o = A->o;
    int py_lines = 0, total = 0;
    for (int i = 1; i <= A->nlines; i++) {
        py_lines += A->lines[i].score > 0;
        total += A->lines[i].score;
    }
    fputs("{\"module\": ", out);
    json_str(out, o->info->name, strlen(o->info->name));
    fputs(", \"source\": ", out);
    json_str(out, o->src->path, strlen(o->src->path));
    fprintf(out, ", \"summary\": {\"lines\": %d, \"python_lines\": %d, \"total_score\": %d},\n"
            " \"lines\": [\n", A->nlines, py_lines, total);
    for (int i = 1; i <= A->nlines; i++) {
        Line *l = &A->lines[i];
        size_t n;
        const char *t = src_line(o->src, i, &n);
        fprintf(out, "  {\"line\": %d, \"score\": %d, \"api_calls\": %d, \"refcounts\": %d, "
                "\"error_checks\": %d, \"text\": ", i, l->score, l->api, l->refs, l->checks);
        json_str(out, t, n);
        fputs(", \"c\": [", out);
        for (int k = 0; k < l->nc; k++) {
            fputs(k ? ", " : "", out);
            json_str(out, l->c[k], strlen(l->c[k]));
        }
        fputs("], \"hints\": [", out);
        for (int k = 0; k < l->nhints; k++) {
            fputs(k ? ", " : "", out);
            json_str(out, l->hints[k], strlen(l->hints[k]));
        }
        fprintf(out, "]}%s\n", i < A->nlines ? "," : "");
    }
    fputs(" ]}\n", out);
}

static const char css[] =
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "h1{font-size:1.3em}.legend span{padding:0 .6em;margin-right:.3em}"
    ".src{font-family:monospace;font-size:14px;border-top:1px solid #ccc}"
    ".ln{display:inline-block;width:3.5em;color:#888;text-align:right;padding-right:1em}"
    ".l{white-space:pre;margin:0;padding:1px 0}"
    "details>summary{list-style:none;cursor:pointer}"
    "details>summary::-webkit-details-marker{display:none}"
    "details>summary .ln::before{content:'+ ';color:#aa7}"
    "details[open]>summary .ln::before{content:'\\2212  '}"
    ".score{float:right;color:#865;font-size:12px;padding-right:.5em}"
    ".c{background:#f6f6f6;border-left:3px solid #cc9;margin:2px 0 6px 4.5em;padding:4px 8px;"
    "white-space:pre;font-size:12px;color:#333}"
    ".hint{margin:2px 0 2px 4.5em;padding:3px 8px;background:#eef5ff;border-left:3px solid #69c;"
    "font-family:sans-serif;font-size:13px}"
    ".hint code{background:#dde8f6;padding:0 3px}";

/* Yellow like Cython's report: the more C-API work, the darker. */
static void shade(FILE *out, int score)
{
    if (score == 0) {
        fputs("background:#fff", out);
        return;
    }
    int k = score > 20 ? 20 : score;
    int light = 90 - 2 * k;   /* 88% .. 50% */
    fprintf(out, "background:hsl(55,100%%,%d%%)", light);
}

static void write_html(Ann *A, FILE *out)
{
    const PyxAnnotateOptions *o = A->o;
    int py_lines = 0;
    for (int i = 1; i <= A->nlines; i++)
        py_lines += A->lines[i].score > 0;
    fputs("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>pyxc -a ", out);
    html_escape(out, o->src->path, strlen(o->src->path));
    fprintf(out, "</title>\n<style>%s</style></head>\n<body>\n<h1>", css);
    html_escape(out, o->src->path, strlen(o->src->path));
    fprintf(out, "</h1>\n<p>Generated by pyxc.  Yellow lines call into the Python C-API; the "
            "darker, the more work.  Click a line to see its C code.  %d of %d lines do "
            "Python work.</p>\n<p class=\"legend\">Score: <span style=\"", py_lines, A->nlines);
    shade(out, 0);
    fputs("\">0: plain C</span><span style=\"", out);
    shade(out, 5);
    fputs("\">5</span><span style=\"", out);
    shade(out, 20);
    fputs("\">20</span><span style=\"", out);
    shade(out, 40);
    fputs("\">40+ Python objects</span> (3 per C-API call, 1 per reference count or error "
          "check)</p>\n<div class=\"src\">\n", out);
    int hottest = 0;
    for (int i = 1; i <= A->nlines; i++)
        if (A->lines[i].score > A->lines[hottest].score)
            hottest = i;
    for (int i = 1; i <= A->nlines; i++) {
        Line *l = &A->lines[i];
        size_t n;
        const char *t = src_line(o->src, i, &n);
        if (l->nc == 0) {
            fprintf(out, "<div class=\"l\" id=\"L%d\"><span class=\"ln\">%d</span>", i, i);
            html_escape(out, t, n);
            fputs("</div>\n", out);
            continue;
        }
        fprintf(out, "<details id=\"L%d\"%s><summary class=\"l\" style=\"", i,
                i == hottest ? " open" : "");
        shade(out, l->score);
        fprintf(out, "\"><span class=\"ln\">%d</span>", i);
        html_escape(out, t, n);
        if (l->score)
            fprintf(out, "<span class=\"score\">%d</span>", l->score);
        fputs("</summary>\n<div class=\"c\">", out);
        for (int k = 0; k < l->nc; k++) {
            html_escape(out, l->c[k], strlen(l->c[k]));
            fputc('\n', out);
        }
        fputs("</div></details>\n", out);
        for (int k = 0; k < l->nhints; k++) {
            fputs("<div class=\"hint\">", out);
            html_hint(out, l->hints[k]);
            fputs("</div>\n", out);
        }
    }
    fputs("</div>\n</body></html>\n", out);
}

int pyx_annotate(PyxArena *a, const PyxAnnotateOptions *o, FILE *out)
{
    Ann A = {a, o, NULL, 0};
    const PyxSource *src = o->src;
    A.nlines = 1;
    for (uint32_t i = 0; i < src->len; i++)
        A.nlines += src->text[i] == '\n';
    if (src->len && src->text[src->len - 1] == '\n')
        A.nlines--;
    A.lines = pyx_arena_alloc(a, sizeof *A.lines * (size_t)(A.nlines + 1));
    const char *base = strrchr(src->path, '/');
    split_c(&A, base ? base + 1 : src->path);
    for (int i = 1; i <= A.nlines; i++)
        score_line(&A.lines[i]);
    walk(&A, o->module, NULL, hint_visit, NULL);
    walk(&A, o->module, NULL, mix_visit, NULL);
    if (o->json)
        write_json(&A, out);
    else
        write_html(&A, out);
    return ferror(out) ? -1 : 0;
}
