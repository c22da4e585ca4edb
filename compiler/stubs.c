/* stubs.c - a module's .pyi stub from sema's results (see stubs.h). */
#include "stubs.h"

#include <string.h>

/* The Python type a value of type t arrives as. */
static const char *py_type(const PyxType *t)
{
    if (t == NULL)
        return "Any";
    switch (t->kind) {
    case PYX_TY_BINT: return "bool";
    case PYX_TY_INT: return "int";
    case PYX_TY_FLOAT: return "float";
    case PYX_TY_VOID: return "None";
    case PYX_TY_PTR:
        /* char * arrives as bytes */
        return t->base && t->base->kind == PYX_TY_INT && t->base->rank == 1 ? "bytes" : "Any";
    case PYX_TY_OBJECT:
        switch (t->builtin) {
        case PYX_BI_LIST: return "list[Any]";
        case PYX_BI_DICT: return "dict[Any, Any]";
        case PYX_BI_TUPLE: return "tuple[Any, ...]";
        case PYX_BI_STR: return "str";
        case PYX_BI_BYTES: return "bytes";
        case PYX_BI_INT: return "int";
        case PYX_BI_FLOAT: return "float";
        case PYX_BI_BOOL: return "bool";
        case PYX_BI_SET: return "set[Any]";
        default: return "Any";
        }
    default:
        return "Any";
    }
}

static PyxSymbol *param_sym(const PyxFunc *f, const char *name)
{
    for (int i = 0; i < f->nparams; i++)
        if (f->params[i]->name && name && strcmp(f->params[i]->name, name) == 0)
            return f->params[i];
    return NULL;
}

static void stub_function(const PyxFunc *f, FILE *out)
{
    PyxNode *def = f->def;
    fprintf(out, "def %s(", f->name);
    int first = 1, posonly = 0, star = 0;
    for (int i = 0; i < def->params.len; i++) {
        PyxNode *q = def->params.items[i];
        if (q->op == PYX_PARAM_CVARARGS)
            continue;
        if (posonly && q->op != PYX_PARAM_POSONLY) {
            fputs(", /", out);
            posonly = 0;
        }
        fputs(first ? "" : ", ", out);
        first = 0;
        if (q->op == PYX_PARAM_KWONLY && !star) {
            fputs("*, ", out);
            star = 1;
        }
        if (q->op == PYX_PARAM_VARARGS) {
            fputs("*", out);
            star = 1;
        } else if (q->op == PYX_PARAM_VARKW) {
            fputs("**", out);
        }
        PyxSymbol *s = param_sym(f, q->name);
        const char *ty = q->op == PYX_PARAM_VARARGS || q->op == PYX_PARAM_VARKW ? "Any"
                         : py_type(s ? s->type : NULL);
        /* 'list l' also accepts None unless 'not None' says otherwise */
        int or_none = s && s->type && s->type->kind == PYX_TY_OBJECT && s->type->builtin != PYX_BI_NONE &&
                      !(q->flags & PYX_F(NOT_NONE));
        fprintf(out, "%s: %s%s", q->name ? q->name : "_", ty, or_none ? " | None" : "");
        if (q->value)
            fputs(" = ...", out);
        if (q->op == PYX_PARAM_POSONLY)
            posonly = 1;
    }
    if (posonly)
        fputs(", /", out);
    fprintf(out, ") -> %s: ...\n", f->is_c ? py_type(f->ret) : "Any");
}

/* Is name bound by an assignment in body before statement 'before'? */
static int bound_before(PyxNodeList *body, int before, const char *name)
{
    for (int i = 0; i < before; i++) {
        PyxNode *s = body->items[i];
        for (int j = 0; s->kind == PYX_NODE_ASSIGN && j < s->items.len; j++)
            if (s->items.items[j]->kind == PYX_NODE_NAME && strcmp(s->items.items[j]->name, name) == 0)
                return 1;
    }
    return 0;
}

/* A def of the module's own (not a lambda, nor a def inside a function). */
static bool module_def(const PyxFunc *f)
{
    return f->is_py && f->def->kind == PYX_NODE_FUNCTION_DEF && !f->nested;
}

/* Module-level names the module body binds with '=' (Python globals). */
static void stub_globals(const PyxModuleInfo *m, FILE *out)
{
    PyxNodeList *body = &m->ast->body;
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind != PYX_NODE_ASSIGN)
            continue;
        for (int j = 0; j < s->items.len; j++) {
            PyxNode *t = s->items.items[j];
            if (t->kind != PYX_NODE_NAME || t->name[0] == '_' || bound_before(body, i, t->name))
                continue;
            int is_func = 0;
            for (int k = 0; k < m->nfuncs; k++)
                is_func |= module_def(m->funcs[k]) && strcmp(m->funcs[k]->name, t->name) == 0;
            if (!is_func)
                fprintf(out, "%s: Any\n", t->name);
        }
    }
}

/* Module-level classes: opaque for now ('class C(Any)': any attribute, any
   call), each name once. */
static void stub_classes(const PyxModuleInfo *m, FILE *out)
{
    PyxNodeList *body = &m->ast->body;
    for (int i = 0; i < body->len; i++) {
        PyxNode *s = body->items[i];
        if (s->kind != PYX_NODE_CLASS_DEF || s->name[0] == '_')
            continue;
        bool later = false;
        for (int j = i + 1; j < body->len && !later; j++)
            later = body->items[j]->kind == PYX_NODE_CLASS_DEF && strcmp(body->items[j]->name, s->name) == 0;
        if (!later)
            fprintf(out, "class %s(Any): ...\n", s->name);
    }
}

int pyx_emit_pyi(const PyxModuleInfo *m, FILE *out)
{
    fprintf(out, "# Type stub of the compiled module '%s', generated by pyxc.  Do not edit.\n"
            "from typing import Any\n\n", m->name);
    stub_globals(m, out);
    stub_classes(m, out);
    for (int i = 0; i < m->nfuncs; i++)   /* a redefined def: its last definition */
        if (module_def(m->funcs[i]) && (!m->funcs[i]->def->sym || m->funcs[i]->def->sym->func == m->funcs[i]))
            stub_function(m->funcs[i], out);
    return ferror(out) ? -1 : 0;
}
