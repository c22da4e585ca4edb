/* emit_match.c - match statements (PEP 634), laid out as CPython's
 * compiler lays them out.
 *
 * The subject is evaluated once into a temp.  Each case tries its pattern
 * with a chain of tests that jump to the case's 'no match' label; what the
 * pattern captures waits in one temp per name until the whole pattern has
 * matched, then is bound (a cdef-typed name converts it); the guard runs
 * after the binding, as in CPython; the subject is released before the
 * body runs, so a body leaves by return, break, continue or an exception
 * with nothing of the match's to clean up.  A failed alternative of an OR
 * pattern, like a failed case, releases every temp its tests made (they
 * are NULL or owned, as everywhere: Py_CLEAR is enough).
 *
 * The order of the tests is CPython's, because a user's __eq__, __len__,
 * __getitem__, get and __getattr__ can see it: a sequence's type flag, its
 * len(), then its elements (unpacked at once, or by index when the pattern
 * has a '*_'); a mapping's flag, len(), every key looked up with get()
 * before any value is matched, then '**rest'; a class pattern's class,
 * then every attribute before any sub-pattern.  The decisions are sema's:
 * PAT_VALUE.op (== or is) and PAT_SEQUENCE.op (PyxSeqFetch).
 */
#include "emit_int.h"

/* A name the case's pattern captures and the temp holding its value. */
typedef struct Capture {
    PyxNode *target;
    const char *temp;
} Capture;

typedef struct Case {
    Capture *caps;
    int ncaps, cap_caps;
} Case;

static const char *capture_temp(const Case *c, const char *name)
{
    for (int i = 0; i < c->ncaps; i++)
        if (strcmp(c->caps[i].target->name, name) == 0)
            return c->caps[i].temp;
    PYX_UNREACHABLE();   /* collect_captures saw every name */
}

/* The captures of p in the order CPython binds them (an OR's alternatives
   all bind the same names: the first's order), each with a new temp. */
static void collect_captures(Fn *fn, Case *c, PyxNode *p)
{
    if (p->kind == PYX_NODE_PAT_OR) {
        collect_captures(fn, c, p->items.items[0]);
        return;
    }
    if (p->kind == PYX_NODE_PAT_AS || p->kind == PYX_NODE_PAT_KEYWORD)
        collect_captures(fn, c, p->value);
    for (int i = 0; i < p->items.len; i++) {
        PyxNode *it = p->items.items[i];
        collect_captures(fn, c, it->kind == PYX_NODE_DICT_ITEM ? it->value : it);
    }
    for (int i = 0; i < p->keywords.len; i++)
        collect_captures(fn, c, p->keywords.items[i]);
    if (p->target) {
        Capture cap = {p->target, temp(fn, &pyx_type_object)};
        PYX_VEC_PUSH(A, c->caps, c->ncaps, c->cap_caps, cap);
    }
}

/* Releases the temps of the captures inside p (a failed alternative). */
static void clear_captures(Fn *fn, const Case *c, PyxNode *p)
{
    if (p->kind == PYX_NODE_PAT_OR)
        p = p->items.items[0];
    if (p->kind == PYX_NODE_PAT_AS || p->kind == PYX_NODE_PAT_KEYWORD)
        clear_captures(fn, c, p->value);
    for (int i = 0; i < p->items.len; i++) {
        PyxNode *it = p->items.items[i];
        clear_captures(fn, c, it->kind == PYX_NODE_DICT_ITEM ? it->value : it);
    }
    for (int i = 0; i < p->keywords.len; i++)
        clear_captures(fn, c, p->keywords.items[i]);
    if (p->target)
        line(fn, "Py_CLEAR(%s);", capture_temp(c, p->target->name));
}

static bool is_wildcard(const PyxNode *p)
{
    return (p->kind == PYX_NODE_PAT_CAPTURE || p->kind == PYX_NODE_PAT_STAR) && p->name == NULL;
}

static void emit_pattern(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail);

static void no_match_unless(Fn *fn, const char *cond, Label *fail)
{
    bool simple = strspn(cond, "abcdefghijklmnopqrstuvwxyz_0123456789") == strlen(cond);
    line(fn, simple ? "if (!%s) goto %s;" : "if (!(%s)) goto %s;", cond, jump(fail));
}

/* A capture: a new reference to subj in the name's temp, bound when the
   whole pattern has matched. */
static void grab(Fn *fn, const Case *c, PyxNode *target, const char *subj)
{
    const char *t = capture_temp(c, target->name);
    line(fn, "%s = %s;", t, subj);
    line(fn, "Py_INCREF(%s);", t);
}

static bool is_capture(const PyxNode *p)
{
    return (p->kind == PYX_NODE_PAT_CAPTURE || p->kind == PYX_NODE_PAT_STAR) && p->target;
}

/* An element (an owned temp) matched against p, then released. */
static void emit_subpattern(Fn *fn, const Case *c, PyxNode *p, const char *t, Label *fail)
{
    if (is_capture(p)) {
        line(fn, "%s = %s;", capture_temp(c, p->target->name), t);
        line(fn, "%s = NULL;", t);
        return;
    }
    if (!is_wildcard(p))
        emit_pattern(fn, c, p, t, fail);
    line(fn, "Py_CLEAR(%s);", t);
}

/* The n owned references a runtime test wrote into arr, for the
   sub-patterns pats[i]: a capture takes its reference, a wildcard drops
   it, the others get a temp (which a failure releases); then those are
   matched in order. */
static void match_array(Fn *fn, const Case *c, const char *arr, PyxNode **pats, int n, Label *fail)
{
    const char **t = pyx_arena_alloc(A, sizeof(char *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        if (is_wildcard(pats[i])) {
            line(fn, "Py_DECREF(%s[%d]);", arr, i);
        } else if (is_capture(pats[i])) {
            line(fn, "%s = %s[%d];", capture_temp(c, pats[i]->target->name), arr, i);
        } else {
            t[i] = temp(fn, &pyx_type_object);
            line(fn, "%s = %s[%d];", t[i], arr, i);
        }
    }
    for (int i = 0; i < n; i++)
        if (t[i]) {
            emit_pattern(fn, c, pats[i], t[i], fail);
            line(fn, "Py_CLEAR(%s);", t[i]);
        }
}

static const char *object_array(Fn *fn, int n)
{
    const char *arr = pyx_name_unpack(A, ++fn->ntemp);
    buf_printf(A, &fn->decl, "    PyObject *%s[%d];\n", arr, n);
    return arr;
}

/* [p0, p1, *rest, pn]: the type's flag, len(), then the elements. */
static void emit_sequence(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail)
{
    int n = p->items.len, star = -1;
    for (int i = 0; i < n; i++)
        if (p->items.items[i]->kind == PYX_NODE_PAT_STAR)
            star = i;
    no_match_unless(fn, pyx_arena_printf(A, "pyx_rt_match_sequence(%s)", subj), fail);
    if (star < 0 || n > 1) {
        const char *len = temp(fn, &pyx_type_ssize_t);
        line(fn, "%s = PyObject_Length(%s);", len, subj);
        check(fn, pyx_arena_printf(A, "%s < 0", len), p->loc);
        no_match_unless(fn, pyx_arena_printf(A, "%s %s %d", len, star < 0 ? "==" : ">=", star < 0 ? n : n - 1), fail);
    }
    if (p->op == PYX_SEQ_INDEX) {   /* a '*_': each element by its index, matched as it comes */
        for (int i = 0; i < n; i++) {
            PyxNode *it = p->items.items[i];
            if (is_wildcard(it))
                continue;
            const char *t = temp(fn, &pyx_type_object);
            if (i < star)
                line(fn, "%s = PyObject_GetItem(%s, %s);", t, subj, int_const(fn->E, i));
            else
                line(fn, "%s = pyx_rt_match_item_back(%s, %d);", t, subj, n - i);
            check(fn, pyx_arena_printf(A, "!%s", t), it->loc);
            emit_subpattern(fn, c, it, t, fail);
        }
    } else if (p->op == PYX_SEQ_UNPACK) {   /* all unpacked first, then matched in order */
        const char *arr = object_array(fn, n);
        if (star < 0)
            check(fn, pyx_arena_printf(A, "pyx_rt_unpack(%s, %d, %s) < 0", subj, n, arr), p->loc);
        else
            check(fn, pyx_arena_printf(A, "pyx_rt_unpack_ex(%s, %d, %d, %s) < 0", subj, star, n - 1 - star, arr), p->loc);
        match_array(fn, c, arr, p->items.items, n, fail);
    }
}

/* {k0: p0, k1: p1, **rest}: the type's flag, len(), every key's value
   (map.get), the values matched in order, then rest. */
static void emit_mapping(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail)
{
    int n = p->items.len;
    no_match_unless(fn, pyx_arena_printf(A, "pyx_rt_match_mapping(%s)", subj), fail);
    if (n == 0 && !p->target)
        return;
    const char *keys = "NULL";
    Val *kv = pyx_arena_alloc(A, sizeof(Val) * (size_t)(n + 1));
    if (n) {
        const char *len = temp(fn, &pyx_type_ssize_t);
        line(fn, "%s = PyObject_Length(%s);", len, subj);
        check(fn, pyx_arena_printf(A, "%s < 0", len), p->loc);
        no_match_unless(fn, pyx_arena_printf(A, "%s >= %d", len, n), fail);
        keys = object_array(fn, n);
        for (int i = 0; i < n; i++) {
            kv[i] = emit_value(fn, p->items.items[i]->left->value);
            line(fn, "%s[%d] = %s;", keys, i, kv[i].c);
        }
        const char *vals = object_array(fn, n), *r = temp(fn, &pyx_type_int);
        line(fn, "%s = pyx_rt_match_keys(%s, %s, %d, %s);", r, subj, keys, n, vals);
        check(fn, pyx_arena_printf(A, "%s < 0", r), p->loc);
        no_match_unless(fn, r, fail);
        PyxNode **pats = pyx_arena_alloc(A, sizeof(PyxNode *) * (size_t)n);
        for (int i = 0; i < n; i++)
            pats[i] = p->items.items[i]->value;
        match_array(fn, c, vals, pats, n, fail);
    }
    if (p->target) {
        const char *rest = capture_temp(c, p->target->name);
        line(fn, "%s = pyx_rt_match_rest(%s, %s, %d);", rest, subj, keys, n);
        check(fn, pyx_arena_printf(A, "!%s", rest), p->loc);
    }
    for (int i = 0; i < n; i++)
        release(fn, kv[i]);
}

/* Cls(p0, ..., name=pk, ...): isinstance, every attribute (__match_args__
   for the positional ones), then the sub-patterns in order. */
static void emit_class(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail)
{
    int nargs = p->items.len, n = nargs + p->keywords.len;
    Val cls = emit_value(fn, p->value);
    const char *kwnames = "NULL";
    if (p->keywords.len) {
        Buf b = {0};
        buf_printf(A, &b, "PyTuple_Pack(%d", p->keywords.len);
        for (int i = 0; i < p->keywords.len; i++)
            buf_printf(A, &b, ", %s", name_const(fn->E, p->keywords.items[i]->name));
        buf_printf(A, &b, ")");
        kwnames = new_const(fn->E, "%s", b.p, 0);
    }
    const char *attrs = n ? object_array(fn, n) : "NULL", *r = temp(fn, &pyx_type_int);
    line(fn, "%s = pyx_rt_match_class(%s, %s, %d, %s, %s);", r, subj, cls.c, nargs, kwnames, attrs);
    release(fn, cls);
    check(fn, pyx_arena_printf(A, "%s < 0", r), p->loc);
    no_match_unless(fn, r, fail);
    PyxNode **pats = pyx_arena_alloc(A, sizeof(PyxNode *) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        pats[i] = i < nargs ? p->items.items[i] : p->keywords.items[i - nargs]->value;
    match_array(fn, c, attrs, pats, n, fail);
}

/* p1 | p2 | ...: each alternative but the last fails to the next one,
   releasing what it made and captured. */
static void emit_or(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail)
{
    Label *matched = new_label(fn, "alt_matched");
    for (int i = 0; i < p->items.len; i++) {
        PyxNode *alt = p->items.items[i];
        if (i == p->items.len - 1) {
            emit_pattern(fn, c, alt, subj, fail);
            break;
        }
        Label *next = new_label(fn, "alt_failed");
        int first = fn->notemps;
        emit_pattern(fn, c, alt, subj, next);
        int end = fn->notemps;
        line(fn, "goto %s;", jump(matched));
        place_label(fn, next);
        if (next->used) {
            for (int k = first; k < end; k++)
                line(fn, "Py_CLEAR(%s);", fn->otemps[k]);
            clear_captures(fn, c, alt);
        }
    }
    place_label(fn, matched);
}

/* Tests subj (borrowed) against p; falls through when it matches, jumps
   to fail when not. */
static void emit_pattern(Fn *fn, const Case *c, PyxNode *p, const char *subj, Label *fail)
{
    switch (p->kind) {
    case PYX_NODE_PAT_CAPTURE: case PYX_NODE_PAT_STAR:
        if (p->target)
            grab(fn, c, p->target, subj);
        return;
    case PYX_NODE_PAT_AS:
        emit_pattern(fn, c, p->value, subj, fail);
        grab(fn, c, p->target, subj);
        return;
    case PYX_NODE_PAT_VALUE:
        if (p->op == PYX_OP_IS) {
            PyxNodeKind k = p->value->kind;
            no_match_unless(fn, pyx_arena_printf(A, "%s == %s", subj, k == PYX_NODE_NONE ? "Py_None" : k == PYX_NODE_TRUE ? "Py_True" : "Py_False"), fail);
        } else {
            Val v = emit_value(fn, p->value);
            const char *r = temp(fn, &pyx_type_int);
            line(fn, "%s = pyx_rt_match_eq(%s, %s);", r, subj, v.c);
            release(fn, v);
            check(fn, pyx_arena_printf(A, "%s < 0", r), p->loc);
            no_match_unless(fn, r, fail);
        }
        return;
    case PYX_NODE_PAT_OR:
        emit_or(fn, c, p, subj, fail);
        return;
    case PYX_NODE_PAT_SEQUENCE:
        emit_sequence(fn, c, p, subj, fail);
        return;
    case PYX_NODE_PAT_MAPPING:
        emit_mapping(fn, c, p, subj, fail);
        return;
    case PYX_NODE_PAT_CLASS:
        emit_class(fn, c, p, subj, fail);
        return;
    default:
        PYX_UNREACHABLE();
    }
}

void emit_match(Fn *fn, PyxNode *s)
{
    buf_printf(A, &fn->body, "#if PY_VERSION_HEX < 0x030A0000\n"
                             "#error \"match statements need Python 3.10 or newer\"\n#endif\n");
    Val v = emit_value(fn, s->value);
    const char *subj = v.c;
    if (!v.owned) {
        subj = temp(fn, &pyx_type_object);
        line(fn, "%s = %s;", subj, v.c);
        line(fn, "Py_INCREF(%s);", subj);
    }
    Label *end = new_label(fn, "match_end");
    Label *fail = NULL;
    for (int i = 0; i < s->items.len; i++) {
        PyxNode *mc = s->items.items[i];
        emit_line_marker(fn, mc);
        fail = new_label(fn, "no_match");
        int first = fn->notemps;
        Case c = {0};
        collect_captures(fn, &c, mc->target);
        emit_pattern(fn, &c, mc->target, subj, fail);
        for (int k = 0; k < c.ncaps; k++)   /* matched: bind, then the guard */
            store_symbol(fn, c.caps[k].target->sym, (Val){c.caps[k].temp, &pyx_type_object, true}, c.caps[k].target->loc);
        if (mc->test)
            no_match_unless(fn, emit_cond(fn, mc->test), fail);
        int end_temp = fn->notemps;
        line(fn, "Py_CLEAR(%s);", subj);
        emit_stmts(fn, &mc->body);
        line(fn, "goto %s;", jump(end));
        place_label(fn, fail);
        if (fail->used)
            for (int k = first; k < end_temp; k++)
                line(fn, "Py_CLEAR(%s);", fn->otemps[k]);
    }
    if (fail && fail->used) {
        line(fn, "/* no case matched */");
        line(fn, "Py_CLEAR(%s);", subj);
    }
    place_label(fn, end);
}
