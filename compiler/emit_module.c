/* emit_module.c - typed AST -> C (see emit.h): the module's exec slot,
 * its constants and statics, and the file written in order (#line
 * directives resolved against the C file's own line numbers).
 *
 * One C function per Python function, plus a thin METH_FASTCALL wrapper for
 * the ones Python can call; the module body becomes the exec slot.  Each
 * expression yields a Val: C text plus its type, and whether it names a temp
 * holding a new reference.  Owned temps are released right after their one
 * use, and every temp is Py_XDECREF'd at the error label, so every path out
 * of a function releases what it owns.  Statements are written into a body
 * buffer first; declarations (only the temps actually used) and the error
 * and exit labels (only when something jumps to them) are added when the
 * function is finished, which keeps the output free of -Wall warnings.
 */
#include "emit_int.h"
#include "version.h"

/* Statements per part of the module body.  A module's body can be tens of
   thousands of statements; as one C function it costs gcc time and memory
   that grow faster than its length.  In parts of this size, each its own
   function, the cost stays linear. */
#define BODY_PART 64

/* One part of the module body: statements [from, to) as
   'static int pyx_exec_<n>(void)', 0 or -1 with an exception set. */
static void emit_body_part(Emit *E, PyxNodeList *body, int from, int to, int n)
{
    Fn fnv, *fn = &fnv;
    fn_init(fn, E, NULL, "<module>");
    PyxNodeList part = {body->items + from, to - from, to - from};
    emit_stmts(fn, &part);
    Buf out = {0};
    buf_printf(E->a, &out, "static int pyx_exec_%d(void)\n{\n", n);
    if (fn->lineno_used)
        buf_printf(E->a, &out, "    int pyx_lineno = 0;\n");
    buf_append(E->a, &out, &fn->decl);
    buf_append(E->a, &out, &fn->body);
    buf_printf(E->a, &out, "%s", LINE_RESET);
    buf_printf(E->a, &out, "    return 0;\n");
    if (fn->err_main.used || fn->err_main_skip.used) {
        if (fn->err_main.used) {
            buf_printf(E->a, &out, "pyx_L_error:;\n");
            for (int i = 0; i < fn->notemps; i++)
                buf_printf(E->a, &out, "    Py_XDECREF(%s);\n", fn->otemps[i]);
            buf_printf(E->a, &out, "    pyx_rt_add_traceback(\"%s\", %s, pyx_lineno, NULL);\n", fn->tb_name, E->src_lit);
        }
        if (fn->err_main_skip.used)
            buf_printf(E->a, &out, "pyx_L_error_tb:;\n");
        buf_printf(E->a, &out, "    return -1;\n");
    }
    buf_printf(E->a, &out, "}\n\n");
    buf_append(E->a, &E->funcs, &out);
}

/* The module body: the exec slot of multi-phase init, running the body's
   parts in order.  Its hidden locals (comprehension variables) are file
   statics, shared by the parts and released at the end. */
static void emit_module_body(Emit *E)
{
    PyxNode *mod = E->m->ast;
    Buf cleanup = {0};
    for (int i = 0; i < E->m->ninit_locals; i++) {
        PyxSymbol *l = E->m->init_locals[i];
        if (l->type->kind == PYX_TY_OBJECT) {
            buf_printf(E->a, &E->statics, "static PyObject *%s;\n", l->cname);
            buf_printf(E->a, &cleanup, "    Py_CLEAR(%s);\n", l->cname);
        } else {
            buf_printf(E->a, &E->statics, "static %s%s;\n", l->read ? "" : "PYX_UNUSED ", pyx_type_decl(E->a, l->type, l->cname));
        }
    }
    int nparts = 0;
    for (int from = 0; from < mod->body.len; from += BODY_PART) {
        int to = from + BODY_PART < mod->body.len ? from + BODY_PART : mod->body.len;
        emit_body_part(E, &mod->body, from, to, ++nparts);
    }
    Buf out = {0};
    buf_printf(E->a, &out, "static int pyx_exec(PyObject *module)\n{\n");
    /* imported again (importlib.reload, import_fresh_module): the module
       pyx_create handed out again, already run, as Cython does */
    buf_printf(E->a, &out, "    if (pyx_m == module)\n        return 0;\n");
    buf_printf(E->a, &out, "    if (pyx_m != NULL) {\n"
                           "        PyErr_SetString(PyExc_ImportError, \"pyxc modules cannot be loaded twice in one process\");\n"
                           "        return -1;\n    }\n");
    /* a failed import leaves nothing behind: the next import runs it again */
    buf_printf(E->a, &out, "    if (pyx_init_constants() < 0)\n        return -1;\n");
    buf_printf(E->a, &out, "    pyx_m = module;\n    pyx_d = PyModule_GetDict(module);\n");
    trace_module_init(E, &out);
    buf_printf(E->a, &out, "    if (pyx_rt_module_builtins(pyx_d) < 0)\n        goto pyx_L_error;\n");
    /* __test__ for doctest, as Cython provides */
    buf_printf(E->a, &out, "    {\n        PyObject *t = PyDict_New();\n"
                           "        if (!t || PyDict_SetItemString(pyx_d, \"__test__\", t) < 0) { Py_XDECREF(t); goto pyx_L_error; }\n");
    for (int i = 0; i < E->m->nfuncs; i++) {
        PyxFunc *f = E->m->funcs[i];
        if (!f->doc || !f->is_py || f->nested)
            continue;
        buf_printf(E->a, &out, "        {\n            PyObject *d = PyUnicode_DecodeUTF8(%s, %d, \"surrogatepass\");\n"
                               "            if (!d || PyDict_SetItemString(t, \"%s (line %u)\", d) < 0) { Py_XDECREF(d); Py_DECREF(t); goto pyx_L_error; }\n"
                               "            Py_DECREF(d);\n        }\n",
                   c_string(E->a, f->doc, (uint32_t)f->doc_len), f->doc_len, f->name, f->def->loc.line);
    }
    buf_printf(E->a, &out, "        Py_DECREF(t);\n    }\n");
    if (E->m->setup_annotations)   /* the body annotates variables (emit_annot.c) */
        buf_printf(E->a, &out, "    if (pyx_rt_setup_annotations(pyx_d) < 0)\n        goto pyx_L_error;\n");
    for (int i = 1; i <= nparts; i++)
        buf_printf(E->a, &out, "    if (pyx_exec_%d() < 0)\n        goto pyx_L_error;\n", i);
    buf_append(E->a, &out, &cleanup);
    buf_printf(E->a, &out, "    return 0;\n");
    buf_printf(E->a, &out, "pyx_L_error:;\n");
    buf_append(E->a, &out, &cleanup);
    buf_printf(E->a, &out, "    pyx_m = NULL;   /* importing it again runs the body again */\n");
    buf_printf(E->a, &out, "    return -1;\n}\n\n");
    buf_append(E->a, &E->funcs, &out);
}

int pyx_emit_module(PyxArena *a, PyxModuleInfo *m, const PyxEmitOptions *o, FILE *out)
{
    Emit E = {0};
    E.a = a;
    E.m = m;
    E.o = o;
    pyx_map_init(&E.names, a);
    pyx_map_init(&E.gcaches, a);
    pyx_map_init(&E.numbers, a);
    E.src_lit = c_string(a, o->source_name, (uint32_t)strlen(o->source_name));
    E.src_comment = c_comment_text(a, o->source_name, strlen(o->source_name));
    E.line_lit = c_string(a, o->line_name, (uint32_t)strlen(o->line_name));
    E.c_lit = o->c_name ? c_string(a, o->c_name, (uint32_t)strlen(o->c_name)) : NULL;
    for (int i = 0; i < m->nfuncs; i++) {
        PyxFunc *f = m->funcs[i];
        buf_printf(a, &E.protos, "static %sPYX_UNUSED %s;\n", (f->def->flags & PYX_F(INLINE)) ? "inline " : "", c_signature(&E, f));
        trace_protos(&E, f);
        declare_default_slots(&E, f);
        emit_function(&E, f);
        if (f->is_py)
            emit_wrapper(&E, f);
    }
    emit_module_body(&E);

    fprintf(out, "/* Generated by pyxc %s from %s.  Do not edit. */\n", PYX_VERSION, E.src_comment);
    fprintf(out, "#include \"pyx_rt.h\"\n");
    trace_module_header(&E, out);
    for (int i = 0; i < m->nincludes; i++)
        fprintf(out, "#include <%s>\n", m->includes[i]);
    fprintf(out, "\nstatic PyObject *pyx_m;         /* the module (borrowed) */\n");
    fprintf(out, "static PyObject *pyx_d;         /* its __dict__ (borrowed) */\n");
    for (int i = 0; i < m->ncglobals; i++) {
        PyxSymbol *g = m->cglobals[i];
        if (g->type->kind == PYX_TY_OBJECT)
            fprintf(out, "static PyObject *%s;\n", g->cname);
        else
            fprintf(out, "static %s;\n", pyx_type_decl(a, g->type, g->cname));
    }
    fprintf(out, "%.*s", (int)E.consts.len, E.consts.p ? E.consts.p : "");
    fprintf(out, "%.*s", (int)E.statics.len, E.statics.p ? E.statics.p : "");
    fprintf(out, "%.*s\n", (int)E.protos.len, E.protos.p ? E.protos.p : "");
    fprintf(out, "static int pyx_init_constants_0(void)\n{\n%.*s    return 0;\n}\n\n",
            (int)E.const_init.len, E.const_init.p ? E.const_init.p : "");
    fprintf(out, "static int pyx_init_constants(void)\n{\n"
                 "    static int done;   /* a failed import may run the module again */\n"
                 "    if (done)\n        return 0;\n");
    for (int i = 0; i * CONST_PART < E.nconst_units || i == 0; i++)
        fprintf(out, "    if (pyx_init_constants_%d() < 0)\n        return -1;\n", i);
    fprintf(out, "    done = 1;\n    return 0;\n}\n\n");
    /* the functions, with #line markers resolved against the C file's lines */
    long cline = 1;
    {
        /* count what is already written: the header part */
        fflush(out);
        long pos = ftell(out);
        if (pos > 0) {
            rewind(out);
            int ch;
            while ((ch = fgetc(out)) != EOF)
                if (ch == '\n')
                    cline++;
            fseek(out, 0, SEEK_END);
        }
    }
    /* A statement's '#line N' is repeated before each of its C lines, so
       that every one maps to line N: gcc's messages and gdb's steps name
       the source line, however many lines of C it compiled to. */
    const char *p = E.funcs.p ? E.funcs.p : "", *end = p + E.funcs.len;
    const char *dir = NULL;   /* the directive in force, and whether it was just written */
    size_t dirlen = 0;
    bool fresh = false;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p + 1) : (size_t)(end - p);
        if (n == sizeof LINE_RESET - 1 && memcmp(p, LINE_RESET, n) == 0) {
            if (o->line_directives && o->c_name)
                fprintf(out, "#line %ld %s\n", cline + 1, E.c_lit);
            else
                fputc('\n', out);
            dir = NULL;
        } else if (n > 6 && memcmp(p, "#line ", 6) == 0) {
            fwrite(p, 1, n, out);
            dir = p;
            dirlen = n;
            fresh = true;
        } else {
            const char *q = p;
            while (q < p + n && *q == ' ')
                q++;
            if (dir && !fresh && !(q + 1 < p + n && q[0] == '/' && q[1] == '*')) {   /* comments need none */
                fwrite(dir, 1, dirlen, out);
                cline++;
            }
            fresh = false;
            fwrite(p, 1, n, out);
        }
        cline++;
        p += n;
    }
    fprintf(out, "static PyObject *pyx_create(PyObject *spec, PyModuleDef *def)\n{\n    (void)def;\n"
                 "    return pyx_rt_module_create(spec, pyx_m);\n}\n\n");
    fprintf(out, "static PyModuleDef_Slot pyx_slots[] = {\n    {Py_mod_create, (void *)pyx_create},\n"
                 "    {Py_mod_exec, (void *)pyx_exec},\n    {0, NULL},\n};\n\n");
    fprintf(out, "static struct PyModuleDef pyx_moduledef = {\n    PyModuleDef_HEAD_INIT, \"%s\", %s, 0, NULL, pyx_slots, NULL, NULL, NULL,\n};\n\n",
            m->name, m->doc ? c_string(a, m->doc, (uint32_t)m->doc_len) : "NULL");
    fprintf(out, "PyMODINIT_FUNC PyInit_%s(void)\n{\n    return PyModuleDef_Init(&pyx_moduledef);\n}\n", m->name);
    if (o->embed)   /* runtime/rt_embed.c */
        fprintf(out, "\nint main(int argc, char **argv)\n{\n    return pyx_rt_embed_main(argc, argv, &pyx_moduledef);\n}\n");
    return ferror(out) ? -1 : 0;
}
