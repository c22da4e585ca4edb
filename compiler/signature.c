/* signature.c - what a def or cpdef function shows of its signature.
 *
 * The function object (runtime/rt_func.c) carries the parameters in a code
 * object, the defaults and the annotations, so inspect.signature() and
 * help() read the compiled function as they read the interpreted one.
 * Decided here, per function:
 *
 *   - __annotations__: in a .py file the annotation expressions, evaluated
 *     where the def statement runs, as CPython does, or under 'from
 *     __future__ import annotations' their text as ast.unparse writes it
 *     (PEP 563).  In a .pyx file their text as Cython 3 writes it: Cython 3
 *     stores annotations as strings.  C-typed parameters ('int n') have no
 *     annotation, as in Cython: only written annotations go there.
 *   - embedsignature: the docstring starts with the signature, in Cython 3's
 *     formats ('c', the default: 'f(int n, double x=1.0) -> double';
 *     'python': 'f(n: int, x: float = 1.0) -> float'; 'clinic' embeds
 *     nothing, since the function object has a real signature).  Defaults
 *     and annotations are written by Cython's expression writer; an existing
 *     docstring follows after a blank line, cleaned as inspect.cleandoc
 *     cleans it.
 */
#include "sema_int.h"
#include "unparse.h"

bool is_python_source(const PyxNode *n)
{
    const char *path = n->loc.src ? n->loc.src->path : NULL;
    size_t len = path ? strlen(path) : 0;
    return len >= 3 && strcmp(path + len - 3, ".py") == 0;
}

/* 'from __future__ import annotations' among the future imports that open
   the module (after its docstring). */
bool future_annotations(const PyxNode *module)
{
    for (int i = 0; i < module->body.len; i++) {
        const PyxNode *s = module->body.items[i];
        if (i == 0 && s->kind == PYX_NODE_EXPR_STMT && s->value->kind == PYX_NODE_STR)
            continue;
        if (s->kind != PYX_NODE_IMPORT_FROM || !s->name || strcmp(s->name, "__future__") != 0)
            return false;
        for (int j = 0; j < s->items.len; j++)
            if (strcmp(s->items.items[j]->name, "annotations") == 0)
                return true;
    }
    return false;
}

static bool positional(const PyxNode *p)
{
    return p->op == PYX_PARAM_NORMAL || p->op == PYX_PARAM_POSONLY;
}

static void add_annotation(Sema *S, PyxFunc *f, const char *name, PyxNode *ann, int *cap)
{
    PyxAnnotation a = {name, NULL, NULL};
    bool py = is_python_source(f->def);
    if (py && !future_annotations(S->m->ast)) {
        a.expr = ann;
    } else {
        a.text = pyx_unparse(S->a, ann, py ? PYX_UNPARSE_CPYTHON : PYX_UNPARSE_CYTHON);
        if (a.text == NULL) {
            unsupported(S, ann, "this annotation as a string ('from __future__ import annotations')");
            return;
        }
    }
    PYX_VEC_PUSH(S->a, f->annotations, f->nannotations, *cap, a);
}

/* How a class body stores the annotation ann (a .py file: evaluated, *text
   NULL; else its text, as for a def).  False after an error. */
bool annotation_as_text(Sema *S, PyxNode *ann, const char **text)
{
    bool py = is_python_source(ann);
    *text = NULL;
    if (py && !future_annotations(S->m->ast))
        return true;
    *text = pyx_unparse(S->a, ann, py ? PYX_UNPARSE_CPYTHON : PYX_UNPARSE_CYTHON);
    if (*text == NULL) {
        unsupported(S, ann, "this annotation as a string ('from __future__ import annotations')");
        return false;
    }
    return true;
}

/* CPython's order (compile.c): positional, *args, keyword-only, **kwargs, return. */
static void decide_annotations(Sema *S, PyxFunc *f)
{
    PyxNodeList *ps = &f->def->params;
    static const int order[] = {-1, PYX_PARAM_VARARGS, PYX_PARAM_KWONLY, PYX_PARAM_VARKW};
    int cap = 0;
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < ps->len; i++) {
            PyxNode *p = ps->items[i];
            if (p->annotation && p->name && (k == 0 ? positional(p) : p->op == order[k]))
                add_annotation(S, f, p->name, p->annotation, &cap);
        }
    if (f->def->annotation && !f->def->ctype)
        add_annotation(S, f, "return", f->def->annotation, &cap);
}

/* ---- embedsignature -------------------------------------------------------------------- */

typedef enum { FMT_C, FMT_PYTHON, FMT_CLINIC } Format;

/* A C type as Cython displays it: its name ('unsigned long long'), a
   ctypedef's own name, 'bool' for bint. */
static const char *c_type_display(const PyxNode *written, const PyxType *t)
{
    if (written && written->kind == PYX_NODE_CTYPE_NAME && written->flags == 0 && written->op == 0
        && !pyx_type_by_name(written->name))
        return written->name;   /* a ctypedef */
    if (t->kind == PYX_TY_BINT)
        return "bool";
    if (t->kind == PYX_TY_PTR)
        return NULL;
    return t->name;
}

/* The type as Cython's 'python' format shows it: int, float, bool, or the
   type's name with '_' for ' ' and 'p' for '*'. */
static const char *py_type_display(PyxArena *a, const PyxNode *written, const PyxType *t)
{
    if (t->kind == PYX_TY_INT)
        return "int";
    if (t->kind == PYX_TY_FLOAT)
        return "float";
    if (t->kind == PYX_TY_BINT)
        return "bool";
    const char *s = c_type_display(written, t);
    char *r = pyx_arena_strdup(a, s ? s : "object");
    for (char *p = r; *p; p++)
        if (*p == ' ')
            *p = '_';
        else if (*p == '*')
            *p = 'p';
    return r;
}

static bool typed(const PyxType *t)
{
    return t && t->kind != PYX_TY_ERROR && !(t->kind == PYX_TY_OBJECT && t->builtin == PYX_BI_NONE);
}

static const char *param_text(Sema *S, const PyxNode *p, Format fmt)
{
    const PyxType *t = p->sym ? p->sym->type : NULL;
    const char *doc = p->name, *ann = NULL;
    if (fmt == FMT_C && typed(t) && p->op != PYX_PARAM_VARARGS && p->op != PYX_PARAM_VARKW) {
        const char *ty = c_type_display(p->ctype, t);
        doc = pyx_arena_printf(S->a, "%s %s", ty ? ty : t->name, p->name);
    } else if (fmt == FMT_PYTHON && !p->annotation && typed(t) && p->op != PYX_PARAM_VARARGS
               && p->op != PYX_PARAM_VARKW) {
        ann = py_type_display(S->a, p->ctype, t);
    }
    if (p->annotation)
        ann = pyx_unparse(S->a, p->annotation, PYX_UNPARSE_CYTHON);
    const char *dflt = p->value ? pyx_unparse(S->a, p->value, PYX_UNPARSE_CYTHON) : NULL;
    if (ann)
        return dflt ? pyx_arena_printf(S->a, "%s: %s = %s", doc, ann, dflt) : pyx_arena_printf(S->a, "%s: %s", doc, ann);
    return dflt ? pyx_arena_printf(S->a, "%s=%s", doc, dflt) : doc;
}

static const char *signature_text(Sema *S, PyxFunc *f, Format fmt)
{
    PyxNodeList *ps = &f->def->params;
    const char *out = pyx_arena_printf(S->a, "%s(", f->name);
    bool first = true, star = false;
    for (int i = 0; i < ps->len; i++) {
        PyxNode *p = ps->items[i];
        const char *item;
        if (p->op == PYX_PARAM_VARARGS) {
            item = pyx_arena_printf(S->a, "*%s", param_text(S, p, fmt));
            star = true;
        } else if (p->op == PYX_PARAM_VARKW) {
            item = pyx_arena_printf(S->a, "**%s", param_text(S, p, fmt));
        } else {
            item = param_text(S, p, fmt);
            if (p->op == PYX_PARAM_KWONLY && !star) {
                item = pyx_arena_printf(S->a, "*, %s", item);
                star = true;
            }
        }
        out = pyx_arena_printf(S->a, "%s%s%s", out, first ? "" : ", ", item);
        first = false;
        if (p->op == PYX_PARAM_POSONLY && (i + 1 == ps->len || ps->items[i + 1]->op != PYX_PARAM_POSONLY))
            out = pyx_arena_printf(S->a, "%s, /", out);
    }
    out = pyx_arena_printf(S->a, "%s)", out);
    const char *ret = NULL;
    if (f->def->annotation && !f->def->ctype)
        ret = pyx_unparse(S->a, f->def->annotation, PYX_UNPARSE_CYTHON);
    else if (f->is_c && typed(f->ret))
        ret = fmt == FMT_C ? c_type_display(f->def->ctype, f->ret) : py_type_display(S->a, f->def->ctype, f->ret);
    else if (f->is_c && f->ret->kind == PYX_TY_VOID)
        ret = "void";
    return ret ? pyx_arena_printf(S->a, "%s -> %s", out, ret) : out;
}

static void embed_signature(Sema *S, PyxFunc *f)
{
    const char *name = f->directives.text[PYX_DIR_EMBEDSIGNATURE_FORMAT];
    Format fmt = !name || strcmp(name, "c") == 0 ? FMT_C : strcmp(name, "python") == 0 ? FMT_PYTHON : FMT_CLINIC;
    if (fmt == FMT_CLINIC)
        return;   /* Cython embeds nothing for binding functions: they have a signature */
    const char *sig = signature_text(S, f, fmt);
    const char *doc = f->doc ? pyx_arena_printf(S->a, "%s\n\n%s", sig, pyx_cleandoc(S->a, f->doc, (uint32_t)f->doc_len))
                             : sig;
    f->doc = doc;
    f->doc_len = (int)strlen(doc);
}

void decide_signature(Sema *S, PyxFunc *f, const char *stem)
{
    if (!f->is_py)
        return;
    f->spec = pyx_name_arg_spec(&S->m->naming, stem);
    f->fdef = pyx_name_func_def(&S->m->naming, stem);
    decide_annotations(S, f);
    if (f->directives.value[PYX_DIR_EMBEDSIGNATURE] && f->def->kind != PYX_NODE_LAMBDA && f->def->kind != PYX_NODE_GENERATOR)
        embed_signature(S, f);   /* (a lambda has no docstring to start) */
}
