/* check_locals.c - the builtins that read the calling frame: locals(),
 * vars() and dir() without arguments, and exec() and eval() without
 * namespaces.  Compiled code has no frame of its own for them to read, so
 * sema decides what they see: at module level the module's dict (as in
 * CPython); in a function a new dict of the variables bound when it is
 * called, in the order CPython 3.11's frames list them (parameters, the
 * other locals, cells, free variables), C values boxed.  Writing into it
 * changes no variable, as CPython documents for functions.
 */
#include "sema_int.h"

#include <string.h>

static bool frame_builtin(const char *name)
{
    return strcmp(name, "locals") == 0 || strcmp(name, "vars") == 0 || strcmp(name, "dir") == 0
        || strcmp(name, "exec") == 0 || strcmp(name, "eval") == 0;
}

/* A call that reads the frame: 'locals()', 'vars()', 'dir()', or exec
   and eval with their code alone or None namespaces (the builtin decides
   it, later). */
static bool reads_frame(const PyxNode *e)
{
    if (e->kind != PYX_NODE_CALL || e->value->kind != PYX_NODE_NAME || e->keywords.len)
        return false;
    const char *n = e->value->name;
    if (strcmp(n, "exec") == 0 || strcmp(n, "eval") == 0) {
        /* 'eval(s)', and 'eval(s, None[, None])', which means the same */
        if (e->items.len < 1 || e->items.len > 3 || e->items.items[0]->kind == PYX_NODE_STARRED)
            return false;
        for (int i = 1; i < e->items.len; i++)
            if (e->items.items[i]->kind != PYX_NODE_NONE)
                return false;
        return true;
    }
    return e->items.len == 0 && frame_builtin(n);
}

typedef struct Scan {
    PyxNode *skip_in;   /* a def, lambda or class: its body is a scope of its own */
    bool found;
} Scan;

static void find_frame_reads(PyxNode *n, PyxSlot slot, void *ctx)
{
    Scan *sc = ctx;
    if (n == NULL || sc->found)
        return;
    if (sc->skip_in && (slot == PYX_SLOT_BODY || (sc->skip_in->kind == PYX_NODE_LAMBDA && slot == PYX_SLOT_VALUE)))
        return;   /* decorators, defaults, bases run here; bodies elsewhere */
    if (reads_frame(n)) {
        sc->found = true;
        return;
    }
    PyxNode *outer = sc->skip_in;
    bool scope = n->kind == PYX_NODE_FUNCTION_DEF || n->kind == PYX_NODE_LAMBDA || n->kind == PYX_NODE_CLASS_DEF;
    sc->skip_in = scope ? n : NULL;
    pyx_ast_children(n, find_frame_reads, ctx);
    sc->skip_in = outer;
}

bool calls_locals(PyxNodeList *body)
{
    Scan sc = {NULL, false};
    for (int i = 0; i < body->len && !sc.found; i++)
        find_frame_reads(body->items[i], PYX_SLOT_BODY, &sc);
    return sc.found;
}

/* What a function's locals() shows, in the order of CPython 3.11's
   co_localsplusnames: parameters and other plain locals in the order the
   symbol table meets them, then cells (but those of parameters) by name,
   then free variables by name.  C values that have no Python value
   (pointers, arrays) are left out. */
void decide_locals_view(Sema *S, PyxFunc *f, Scope *fs)
{
    PyxScope *py = fs->py;
    int n = py->entries.len, k = 0;
    f->view = pyx_arena_alloc(S->a, sizeof(PyxSymbol *) * (size_t)(n ? n : 1));
    for (int pass = 0; pass < 3; pass++) {
        int start = k;
        for (int i = 0; i < n; i++) {
            PyxScopeEntry *e = py->entries.entries[i].value;
            bool param = (e->flags & PYX_SYMF_PARAM) != 0;
            int want = e->binding == PYX_BIND_LOCAL || (e->binding == PYX_BIND_CELL && param) ? 0
                     : e->binding == PYX_BIND_CELL ? 1 : e->binding == PYX_BIND_FREE ? 2 : -1;
            if (want != pass)
                continue;
            PyxSymbol *sym = scope_find(fs, e->name);
            if (sym == NULL || (sym->kind != PYX_SYM_LOCAL && sym->kind != PYX_SYM_CELL))
                continue;
            if (sym->type && pyx_type_is_c(sym->type) && !pyx_type_is_numeric(sym->type))
                continue;
            sym->read = true;
            int at = k++;
            while (pass > 0 && at > start && strcmp(f->view[at - 1]->name, sym->name) > 0) {
                f->view[at] = f->view[at - 1];
                at--;
            }
            f->view[at] = sym;
        }
    }
    f->nview = k;
    /* the dict itself: an object local of the function, released on the way out */
    PyxSymbol *d = pyx_arena_new(S->a, PyxSymbol);
    d->kind = PYX_SYM_LOCAL;
    d->name = "<locals>";
    d->cname = pyx_name_frame_locals();
    d->type = &pyx_type_object;
    d->loc = f->def->loc;
    d->read = d->assigned = true;
    PYX_VEC_PUSH(S->a, f->locals, f->nlocals, f->cap_locals, d);
    f->frame_locals = d;
}

/* A call of the builtin b (not shadowed) with no keywords: true when it is
   one that reads the frame, its kind recorded. */
bool check_frame_call(Sema *S, PyxNode *e, const char *b)
{
    if (!reads_frame(e) || !frame_builtin(b))
        return false;
    bool is_exec = strcmp(b, "exec") == 0 || strcmp(b, "eval") == 0;
    if (S->scope->py == NULL) {   /* a comprehension: a function of its own in CPython 3.11 */
        unsupported(S, e, is_exec ? "exec() and eval() without namespaces inside a comprehension"
                                  : "locals(), vars() and dir() inside a comprehension");
        type_error(e);
        return true;
    }
    if (is_exec) {
        PyxNode *code = e->items.items[0];
        check_expr(S, code);
        check_boxable(S, code, "cannot pass a '%s' to a Python function");
        e->call_kind = PYX_CALL_EXEC;
        check_expr(S, e->value);
        convert_to(e->value, &pyx_type_object);
        set_type(e, &pyx_type_object);
        return true;
    }
    if (strcmp(b, "dir") == 0) {
        e->call_kind = PYX_CALL_DIR;
        set_type(e, pyx_type_builtin(PYX_BI_LIST));
    } else {
        e->call_kind = S->func ? PYX_CALL_LOCALS : PYX_CALL_GLOBALS;
        set_type(e, pyx_type_builtin(PYX_BI_DICT));
    }
    return true;
}
