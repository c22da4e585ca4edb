/* rt_func.c: the function objects of compiled def and cpdef functions.
 *
 * A pyxc_function is function-like for inspect: it has __code__ (a code
 * object whose argument counts, flags and co_varnames describe the
 * parameters), __defaults__, __kwdefaults__ and __annotations__, so
 * inspect.signature(), getfullargspec() and help() read the same signature
 * as for the interpreted function.  It is called through vectorcall straight
 * into the module's METH_FASTCALL | METH_KEYWORDS wrapper, and binds as a
 * method when it is a class attribute, like a Python function.
 *
 * A def inside a function, and a lambda, make a new function object each
 * time they run, with its own defaults and, when it uses variables of
 * enclosing functions, its closure: a tuple of the cells those variables
 * live in (__closure__).  Its wrapper is called with the function object as
 * self, to reach them (pyx_rt_closure_new).
 *
 * One type per module: each module links its own copy of the runtime.
 */
#include "pyx_rt.h"

#include <stddef.h>

typedef PyObject *(*FastKw)(PyObject *, PyObject *const *, Py_ssize_t, PyObject *);


#ifdef Py_TPFLAGS_HAVE_VECTORCALL
#define PYX_TPFLAGS_VECTORCALL Py_TPFLAGS_HAVE_VECTORCALL
#else
#define PYX_TPFLAGS_VECTORCALL _Py_TPFLAGS_HAVE_VECTORCALL   /* 3.8 */
#endif

static PyObject *func_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    PyxRtFunction *f = (PyxRtFunction *)self;
    FastKw meth = (FastKw)(void (*)(void))f->ml->ml_meth;
    return meth(f->self, args, PyVectorcall_NARGS(nargsf), kwnames);
}

/* A closure's wrapper reads its defaults and cells from the function object. */
static PyObject *closure_vectorcall(PyObject *self, PyObject *const *args, size_t nargsf, PyObject *kwnames)
{
    FastKw meth = (FastKw)(void (*)(void))((PyxRtFunction *)self)->ml->ml_meth;
    return meth(self, args, PyVectorcall_NARGS(nargsf), kwnames);
}

/* As a class attribute: a bound method, like a Python function. */
static PyObject *func_descr_get(PyObject *self, PyObject *obj, PyObject *type)
{
    (void)type;
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(self);
        return self;
    }
    return PyMethod_New(self, obj);
}

static int func_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyxRtFunction *f = (PyxRtFunction *)self;
    Py_VISIT(f->self);
    Py_VISIT(f->name);
    Py_VISIT(f->qualname);
    Py_VISIT(f->modname);
    Py_VISIT(f->doc);
    Py_VISIT(f->dict);
    Py_VISIT(f->globals);
    Py_VISIT(f->code);
    Py_VISIT(f->defaults);
    Py_VISIT(f->kwdefaults);
    Py_VISIT(f->annotations);
    Py_VISIT(f->dflts);
    Py_VISIT(f->closure);
    return 0;
}

static int func_clear(PyObject *self)
{
    PyxRtFunction *f = (PyxRtFunction *)self;
    Py_CLEAR(f->self);
    Py_CLEAR(f->name);
    Py_CLEAR(f->qualname);
    Py_CLEAR(f->modname);
    Py_CLEAR(f->doc);
    Py_CLEAR(f->dict);
    Py_CLEAR(f->globals);
    Py_CLEAR(f->code);
    Py_CLEAR(f->defaults);
    Py_CLEAR(f->kwdefaults);
    Py_CLEAR(f->annotations);
    Py_CLEAR(f->dflts);
    Py_CLEAR(f->closure);
    return 0;
}

static void func_dealloc(PyObject *self)
{
    PyxRtFunction *f = (PyxRtFunction *)self;
    PyObject_GC_UnTrack(self);
    if (f->weakrefs)
        PyObject_ClearWeakRefs(self);
    func_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *func_repr(PyObject *self)
{
    return PyUnicode_FromFormat("<compiled function %U at %p>", ((PyxRtFunction *)self)->qualname, self);
}

/* pickle and copy: functions are saved by reference, as Python's are. */
static PyObject *func_reduce(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *q = ((PyxRtFunction *)self)->qualname;
    Py_INCREF(q);
    return q;
}

static PyMethodDef func_methods[] = {
    {"__reduce__", func_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ---- */

/* A settable str attribute (__name__, __qualname__). */
static int set_str(PyObject **slot, PyObject *value, const char *what)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(*slot, value);
    return 0;
}

/* A settable attribute of any value; deleting it makes it None. */
static int set_any(PyObject **slot, PyObject *value)
{
    if (value == NULL)
        value = Py_None;
    Py_INCREF(value);
    Py_XSETREF(*slot, value);
    return 0;
}

static PyObject *get_slot(PyObject *v)
{
    if (v == NULL)
        v = Py_None;
    Py_INCREF(v);
    return v;
}

#define F(o) ((PyxRtFunction *)(o))

static PyObject *get_name(PyObject *o, void *c) { (void)c; return get_slot(F(o)->name); }
static int set_name(PyObject *o, PyObject *v, void *c) { (void)c; return set_str(&F(o)->name, v, "__name__"); }
static PyObject *get_qualname(PyObject *o, void *c) { (void)c; return get_slot(F(o)->qualname); }
static int set_qualname(PyObject *o, PyObject *v, void *c) { (void)c; return set_str(&F(o)->qualname, v, "__qualname__"); }
static PyObject *get_doc(PyObject *o, void *c) { (void)c; return get_slot(F(o)->doc); }
static int set_doc(PyObject *o, PyObject *v, void *c) { (void)c; return set_any(&F(o)->doc, v); }
static PyObject *get_module(PyObject *o, void *c) { (void)c; return get_slot(F(o)->modname); }
static int set_module(PyObject *o, PyObject *v, void *c) { (void)c; return set_any(&F(o)->modname, v); }
static PyObject *get_globals(PyObject *o, void *c) { (void)c; return get_slot(F(o)->globals); }
static PyObject *make_code(const PyxRtFuncDef *def);

/* __code__ is made on first use: a def in a loop or a lambda makes a
   function object each time it runs, and few of them are ever asked. */
static PyObject *get_code(PyObject *o, void *c)
{
    (void)c;
    if (F(o)->code == NULL && (F(o)->code = make_code(F(o)->def)) == NULL)
        return NULL;
    return get_slot(F(o)->code);
}
static PyObject *get_defaults(PyObject *o, void *c) { (void)c; return get_slot(F(o)->defaults); }
static PyObject *get_kwdefaults(PyObject *o, void *c) { (void)c; return get_slot(F(o)->kwdefaults); }
static PyObject *get_closure(PyObject *o, void *c) { (void)c; return get_slot(F(o)->closure); }

/* __annotations__: a dict, made empty on first use as for Python functions. */
static PyObject *get_annotations(PyObject *o, void *c)
{
    (void)c;
    if (F(o)->annotations == NULL && (F(o)->annotations = PyDict_New()) == NULL)
        return NULL;
    return get_slot(F(o)->annotations);
}

static int set_annotations(PyObject *o, PyObject *v, void *c)
{
    (void)c;
    if (v == Py_None)
        v = NULL;
    if (v != NULL && !PyDict_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    Py_XINCREF(v);
    Py_XSETREF(F(o)->annotations, v);
    return 0;
}

#undef F

/* __defaults__ and __kwdefaults__ are read-only: the compiled wrapper keeps
   the values the def statement computed, in C. */
static PyGetSetDef func_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_qualname, set_qualname, NULL, NULL},
    {"__doc__", get_doc, set_doc, NULL, NULL},
    {"__module__", get_module, set_module, NULL, NULL},
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {"__globals__", get_globals, NULL, NULL, NULL},
    {"__code__", get_code, NULL, NULL, NULL},
    {"__defaults__", get_defaults, NULL, NULL, NULL},
    {"__kwdefaults__", get_kwdefaults, NULL, NULL, NULL},
    {"__annotations__", get_annotations, set_annotations, NULL, NULL},
    {"__closure__", get_closure, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject func_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "pyxc_function",
    .tp_basicsize = sizeof(PyxRtFunction),
    .tp_dealloc = func_dealloc,
    .tp_vectorcall_offset = offsetof(PyxRtFunction, vectorcall),
    .tp_repr = func_repr,
    .tp_call = PyVectorcall_Call,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | PYX_TPFLAGS_VECTORCALL | Py_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(PyxRtFunction, weakrefs),
    .tp_methods = func_methods,
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(PyxRtFunction, dict),
};

/* ---- construction ---- */

/* The code object inspect reads the parameters from: an empty code object
   of the function's name, file and line, with CPython's co_varnames order
   (positional, keyword-only, *args, **kwargs), argument counts, and for a
   closure its co_freevars and co_cellvars. */
static PyObject *names_tuple(const char *const *names, Py_ssize_t n)
{
    PyObject *t = PyTuple_New(n);
    for (Py_ssize_t i = 0; t != NULL && i < n; i++) {
        PyObject *name = PyUnicode_InternFromString(names[i]);
        if (name == NULL)
            Py_CLEAR(t);
        else
            PyTuple_SET_ITEM(t, i, name);
    }
    return t;
}

static Py_ssize_t count(const char *const *names)
{
    Py_ssize_t n = 0;
    while (names && names[n])
        n++;
    return n;
}

static PyObject *make_code(const PyxRtFuncDef *def)
{
    const PyxRtArgSpec *spec = def->spec;
    Py_ssize_t nnamed = spec->npos + spec->nkwonly;
    Py_ssize_t n = nnamed + (def->varargs != NULL) + (def->varkw != NULL);
    PyObject *code = NULL, *replace = NULL, *args = NULL, *kw = NULL, *v = NULL;
    PyObject *names = PyTuple_New(n);
    for (Py_ssize_t i = 0; names != NULL && i < n; i++) {
        PyObject *name = PyUnicode_InternFromString(i < nnamed ? spec->names[i]
                                                    : (i == nnamed && def->varargs) ? def->varargs : def->varkw);
        if (name == NULL)
            Py_CLEAR(names);
        else
            PyTuple_SET_ITEM(names, i, name);
    }
    PyObject *freevars = names_tuple(def->freevars, count(def->freevars));
    PyObject *cellvars = names_tuple(def->cellvars, count(def->cellvars));
    if (names == NULL || freevars == NULL || cellvars == NULL)
        goto done;
    code = (PyObject *)PyCode_NewEmpty(def->filename, def->ml->ml_name, def->firstlineno);
    if (code == NULL || (replace = PyObject_GetAttrString(code, "replace")) == NULL
        || (args = PyTuple_New(0)) == NULL)
        goto done;
    int flags = CO_OPTIMIZED | CO_NEWLOCALS | (def->varargs ? CO_VARARGS : 0) | (def->varkw ? CO_VARKEYWORDS : 0)
                | (def->nested ? CO_NESTED : 0) | (def->generator == 1 ? CO_GENERATOR : def->generator == 2 ? CO_COROUTINE
                   : def->generator == 3 ? CO_ASYNC_GENERATOR : 0);
    kw = Py_BuildValue("{snsnsnsnsisOsOsO}", "co_argcount", spec->npos, "co_posonlyargcount", spec->nposonly,
                       "co_kwonlyargcount", spec->nkwonly, "co_nlocals", n, "co_flags", flags,
                       "co_varnames", names, "co_freevars", freevars, "co_cellvars", cellvars);
#if PY_VERSION_HEX >= 0x030B0000
    if (kw != NULL && strcmp(spec->qualname, def->ml->ml_name) != 0) {
        PyObject *q = PyUnicode_FromString(spec->qualname);
        if (q == NULL || PyDict_SetItemString(kw, "co_qualname", q) < 0)
            Py_CLEAR(kw);
        Py_XDECREF(q);
    }
#endif
    if (kw != NULL)
        v = PyObject_Call(replace, args, kw);
done:
    Py_XDECREF(names);
    Py_XDECREF(freevars);
    Py_XDECREF(cellvars);
    Py_XDECREF(code);
    Py_XDECREF(replace);
    Py_XDECREF(args);
    Py_XDECREF(kw);
    return v;
}

PyObject *pyx_rt_func_code(const PyxRtFuncDef *def)
{
    return make_code(def);
}

/* __defaults__ (a tuple or None) and __kwdefaults__ (a dict or None) from
   the defaults in signature order; for a closure also all of them in one
   tuple, for its wrapper. */
static int make_defaults(PyxRtFunction *f, const PyxRtArgSpec *spec, PyObject *const *values, int closure)
{
    Py_ssize_t npos = spec->npos - spec->nrequired, k = 0;
    if (npos > 0) {
        if ((f->defaults = PyTuple_New(npos)) == NULL)
            return -1;
        for (; k < npos; k++) {
            Py_INCREF(values[k]);
            PyTuple_SET_ITEM(f->defaults, k, values[k]);
        }
    }
    for (Py_ssize_t i = 0; i < spec->nkwonly; i++) {
        if (spec->kwonly_required == NULL || spec->kwonly_required[i])
            continue;
        if (f->kwdefaults == NULL && (f->kwdefaults = PyDict_New()) == NULL)
            return -1;
        if (PyDict_SetItemString(f->kwdefaults, spec->names[spec->npos + i], values[k++]) < 0)
            return -1;
    }
    if (!closure || k == 0)
        return 0;
    if (k == npos) {
        Py_INCREF(f->defaults);
        f->dflts = f->defaults;
        return 0;
    }
    if ((f->dflts = PyTuple_New(k)) == NULL)
        return -1;
    for (Py_ssize_t i = 0; i < k; i++) {
        Py_INCREF(values[i]);
        PyTuple_SET_ITEM(f->dflts, i, values[i]);
    }
    return 0;
}

static PyObject *make_function(const PyxRtFuncDef *def, PyObject *module, PyObject *const *defaults,
                               PyObject *const *annotations, int closure, PyObject *cells)
{
    if (!(func_type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&func_type) < 0)
        return NULL;
    PyxRtFunction *f = PyObject_GC_New(PyxRtFunction, &func_type);
    if (f == NULL)
        return NULL;
    f->vectorcall = closure ? closure_vectorcall : func_vectorcall;
    f->ml = def->ml;
    f->def = def;
    Py_INCREF(module);
    f->self = module;
    f->name = f->qualname = f->modname = f->doc = f->dict = f->globals = NULL;
    f->code = f->defaults = f->kwdefaults = f->annotations = f->weakrefs = NULL;
    f->dflts = NULL;
    Py_XINCREF(cells);
    f->closure = cells;
    PyObject *self = (PyObject *)f;
    PyxRtFuncCache *c = def->cache;
    if (c && c->name) {   /* made by an earlier run of the def */
        Py_INCREF(c->name);
        f->name = c->name;
        Py_INCREF(c->qualname);
        f->qualname = c->qualname;
        Py_XINCREF(c->doc);
        f->doc = c->doc;
    } else {
        if ((f->name = PyUnicode_InternFromString(def->ml->ml_name)) == NULL
            || (f->qualname = PyUnicode_FromString(def->spec->qualname)) == NULL)
            goto error;
        if (def->ml->ml_doc) {
            f->doc = PyUnicode_DecodeUTF8(def->ml->ml_doc, (Py_ssize_t)strlen(def->ml->ml_doc), "surrogatepass");
            if (f->doc == NULL)
                goto error;
        }
        if (c) {   /* kept for the life of the process, as the module's constants */
            Py_INCREF(f->name);
            c->name = f->name;
            Py_INCREF(f->qualname);
            c->qualname = f->qualname;
            Py_XINCREF(f->doc);
            c->doc = f->doc;
        }
    }
    f->modname = PyModule_GetNameObject(module);
    f->globals = PyModule_GetDict(module);
    Py_XINCREF(f->globals);
    if (f->modname == NULL || f->globals == NULL)
        goto error;
    if (make_defaults(f, def->spec, defaults, closure) < 0)
        goto error;
    if (def->nannotations) {
        if ((f->annotations = PyDict_New()) == NULL)
            goto error;
        for (int i = 0; i < def->nannotations; i++)
            if (PyDict_SetItemString(f->annotations, def->annotated[i], annotations[i]) < 0)
                goto error;
    }
    PyObject_GC_Track(self);
    return self;
error:
    PyObject_GC_Track(self);
    Py_DECREF(self);
    return NULL;
}

PyObject *pyx_rt_function_new(const PyxRtFuncDef *def, PyObject *module, PyObject *const *defaults,
                              PyObject *const *annotations)
{
    return make_function(def, module, defaults, annotations, 0, NULL);
}

int pyx_rt_is_function(PyObject *o)
{
    return Py_TYPE(o) == &func_type;
}

PyObject *pyx_rt_closure_new(const PyxRtFuncDef *def, PyObject *module, PyObject *const *defaults,
                             PyObject *const *annotations, PyObject *closure)
{
    return make_function(def, module, defaults, annotations, 1, closure);
}
