/* rt_gen.c - generator objects: the compiled body of a generator function
 * resumed at its yield points (pyx_rt.h: PyxRtGenBody), with CPython 3.11's
 * protocol around it: __next__, send, throw, close, 'yield from'
 * delegation, PEP 479, GeneratorExit when collected, and the exception
 * state of its except blocks stacked on the thread's while it runs.
 */
#include "pyx_rt.h"

#include <stddef.h>
#include <string.h>

#define G(o) ((PyxRtGen *)(o))

static PyTypeObject gen_type, coro_type, wrapper_type, agen_type, asend_type, athrow_type;

/* A pyxc generator or coroutine: what the functions below run directly. */
static int is_ours(PyObject *o)
{
    return Py_TYPE(o) == &gen_type || Py_TYPE(o) == &coro_type;
}

static int is_coro(PyxRtGen *g)
{
    return g->def->kind == PYX_GEN_COROUTINE;
}

/* "generator", "coroutine" or "async generator", in messages */
static const char *what(PyxRtGen *g)
{
    return g->def->kind == PYX_GEN_COROUTINE ? "coroutine" : g->def->kind == PYX_GEN_ASYNC ? "async generator" : "generator";
}

static PyObject **frame_objects(PyxRtGen *g)
{
    return (PyObject **)PYX_GEN_FRAME(g);
}

/* Releases what a suspended (or never started) generator's frame owns. */
static void frame_clear(PyxRtGen *g)
{
    PyObject **o = frame_objects(g);
    for (Py_ssize_t i = 0; i < g->def->nobj; i++)
        Py_CLEAR(o[i]);
}

static void exc_state_clear(PyxRtGen *g)
{
#if PY_VERSION_HEX < 0x030B0000
    Py_CLEAR(g->exc_state.exc_type);
    Py_CLEAR(g->exc_state.exc_traceback);
#endif
    Py_CLEAR(g->exc_state.exc_value);
}

/* 'return v' ends the generator: StopIteration(v), its value kept as is
   even for a tuple or an exception (CPython's _PyGen_SetStopIterationValue). */
static void set_stop_value(PyObject *v)
{
    if (v == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
        return;
    }
    if (!PyTuple_Check(v) && !PyExceptionInstance_Check(v)) {
        PyErr_SetObject(PyExc_StopIteration, v);
        return;
    }
    PyObject *e = PyObject_CallFunctionObjArgs(PyExc_StopIteration, v, NULL);
    if (e != NULL) {
        PyErr_SetObject(PyExc_StopIteration, e);
        Py_DECREF(e);
    }
}

/* After an iterator's step returned NULL: 0 with its return value in *out
   (None when no exception is set, else StopIteration's value), or -1 with
   another exception left set. */
static int fetch_stop_value(PyObject **out)
{
    if (!PyErr_Occurred()) {
        Py_INCREF(Py_None);
        *out = Py_None;
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_StopIteration))
        return -1;
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *value = Py_None;
    if (v != NULL && PyObject_TypeCheck(v, (PyTypeObject *)PyExc_StopIteration))
        value = ((PyStopIterationObject *)v)->value;
    Py_INCREF(value);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    *out = value;
    return 0;
}

/* ---- running the body ---- */

/* One run of the body from where it stopped: 1 it yielded *out, 0 it
   returned *out, -1 it raised (StopIteration raised inside becomes
   RuntimeError, PEP 479).  arg NULL: the exception set is raised there. */
static int gen_step(PyxRtGen *g, PyObject *arg, PyObject **out)
{
    PyThreadState *ts = PyThreadState_Get();
    g->exc_state.previous_item = ts->exc_info;
    ts->exc_info = &g->exc_state;
    g->running = 1;
    PyObject *r = g->def->body(g, arg);
    g->running = 0;
    ts->exc_info = g->exc_state.previous_item;
    g->exc_state.previous_item = NULL;
    if (g->resume > 0) {
        *out = r;
        return 1;
    }
    /* finished: the body released everything its frame held */
    g->finished = 1;
    memset(frame_objects(g), 0, sizeof(PyObject *) * (size_t)g->def->nobj);
    exc_state_clear(g);
    if (r != NULL) {
        *out = r;
        return 0;
    }
    int async_stop = g->def->kind == PYX_GEN_ASYNC && PyErr_ExceptionMatches(PyExc_StopAsyncIteration);
    if (async_stop || PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        if (tb != NULL)
            PyException_SetTraceback(v, tb);
        PyErr_Format(PyExc_RuntimeError, "%s raised %s", what(g), async_stop ? "StopAsyncIteration" : "StopIteration");
        PyObject *t2, *v2, *tb2;
        PyErr_Fetch(&t2, &v2, &tb2);
        PyErr_NormalizeException(&t2, &v2, &tb2);
        Py_INCREF(v);
        PyException_SetCause(v2, v);
        PyException_SetContext(v2, v);
        PyErr_Restore(t2, v2, tb2);
        Py_XDECREF(t);
        Py_XDECREF(tb);
    }
    return -1;
}

static int already_running(PyxRtGen *g)
{
    PyErr_Format(PyExc_ValueError, "%s already executing", what(g));
    return -1;
}

static int gen_send(PyxRtGen *g, PyObject *arg, PyObject **out);

/* One step of a delegate: as gen_send. */
static int iter_send(PyObject *it, PyObject *arg, PyObject **out)
{
    if (is_ours(it))
        return gen_send(G(it), arg, out);
    PyObject *r;
    if (arg == Py_None && Py_TYPE(it)->tp_iternext != NULL)
        r = Py_TYPE(it)->tp_iternext(it);
    else
        r = PyObject_CallMethod(it, "send", "O", arg);
    if (r != NULL) {
        *out = r;
        return 1;
    }
    return fetch_stop_value(out) < 0 ? -1 : 0;
}

/* send(arg) / next(): 1 yielded *out, 0 returned *out, -1 error. */
static int gen_send(PyxRtGen *g, PyObject *arg, PyObject **out)
{
    if (g->running)
        return already_running(g);
    if (g->finished) {
        if (is_coro(g)) {
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
            return -1;
        }
        Py_INCREF(Py_None);
        *out = Py_None;
        return 0;
    }
    if (g->resume == 0 && arg != Py_None) {
        PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s", what(g));
        return -1;
    }
    if (g->yieldfrom != NULL) {
        g->running = 1;
        int rc = iter_send(g->yieldfrom, arg, out);
        g->running = 0;
        if (rc == 1)
            return 1;
        Py_CLEAR(g->yieldfrom);
        if (rc < 0)
            return gen_step(g, NULL, out);
        PyObject *v = *out;
        rc = gen_step(g, v, out);
        Py_DECREF(v);
        return rc;
    }
    return gen_step(g, arg, out);
}

int pyx_rt_gen_yield_from(PyxRtGen *g, PyObject *iterable, PyObject **out)
{
    PyObject *it;
    if (Py_TYPE(iterable) == &gen_type || PyGen_CheckExact(iterable)) {
        Py_INCREF(iterable);
        it = iterable;
    } else if ((PyCoro_CheckExact(iterable) || Py_TYPE(iterable) == &coro_type) && !is_coro(g)) {
        PyErr_SetString(PyExc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return -1;
    } else if ((it = PyObject_GetIter(iterable)) == NULL) {
        return -1;
    }
    g->running = 1;   /* the delegate cannot resume this generator meanwhile */
    int rc = iter_send(it, Py_None, out);
    g->running = 0;
    if (rc == 1)
        g->yieldfrom = it;
    else
        Py_DECREF(it);
    return rc;
}

/* ---- close and throw ---- */

/* getattr(o, name) into *meth, NULL when o has no such attribute: 0, or -1
   with another error. */
static int lookup(PyObject *o, const char *name, PyObject **meth)
{
    *meth = PyObject_GetAttrString(o, name);
    if (*meth != NULL)
        return 0;
    if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
    PyErr_Clear();
    return 0;
}

/* Closes a delegate: its close() when it has one.  0, or -1 with its error. */
static int close_iter(PyObject *it)
{
    PyObject *r;
    if (is_ours(it)) {
        r = PyObject_CallMethod(it, "close", NULL);
    } else {
        PyObject *meth;
        if (lookup(it, "close", &meth) < 0)
            return -1;
        if (meth == NULL)
            return 0;
        r = PyObject_CallFunctionObjArgs(meth, NULL);
        Py_DECREF(meth);
    }
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

static PyObject *gen_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    PyxRtGen *g = G(self);
    if (g->finished)
        Py_RETURN_NONE;
    if (g->running) {
        already_running(g);
        return NULL;
    }
    if (g->resume == 0) {   /* never started: nothing to run */
        g->finished = 1;
        g->resume = -1;
        frame_clear(g);
        Py_RETURN_NONE;
    }
    int err = 0;
    if (g->yieldfrom != NULL) {
        g->running = 1;
        err = close_iter(g->yieldfrom);
        g->running = 0;
        Py_CLEAR(g->yieldfrom);
    }
    if (err == 0)
        PyErr_SetNone(PyExc_GeneratorExit);
    PyObject *r;
    int rc = gen_step(g, NULL, &r);
    if (rc == 1) {
        Py_DECREF(r);
        PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", what(g));
        return NULL;
    }
    if (rc == 0) {
#if PY_VERSION_HEX >= 0x030D0000
        return r;   /* 3.13: close() returns what the generator returned */
#else
        Py_DECREF(r);
        Py_RETURN_NONE;
#endif
    }
    if (PyErr_ExceptionMatches(PyExc_StopIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        Py_RETURN_NONE;
    }
    return NULL;
}

/* Raises typ/val/tb (owned) where the generator stopped, or in a delegate
   first: as gen_send. */
static int gen_throw_here(PyxRtGen *g, PyObject *typ, PyObject *val, PyObject *tb, PyObject **out)
{
    PyErr_Restore(typ, val, tb);
    if (g->finished) {
        if (is_coro(g)) {
            PyErr_Clear();
            PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
        }
        return -1;
    }
    return gen_step(g, NULL, out);
}

static int gen_throw3(PyxRtGen *g, PyObject *typ, PyObject *val, PyObject *tb, PyObject **out)
{
    if (g->running) {
        Py_XDECREF(typ);
        Py_XDECREF(val);
        Py_XDECREF(tb);
        return already_running(g);
    }
    PyObject *yf = g->yieldfrom;
    if (yf == NULL || g->finished)
        return gen_throw_here(g, typ, val, tb, out);
    int rc;
    Py_INCREF(yf);
    if (PyErr_GivenExceptionMatches(typ, PyExc_GeneratorExit)) {
        /* close the delegate, then raise GeneratorExit here */
        g->running = 1;
        int err = close_iter(yf);
        g->running = 0;
        Py_DECREF(yf);
        Py_CLEAR(g->yieldfrom);
        if (err < 0) {
            Py_XDECREF(typ);
            Py_XDECREF(val);
            Py_XDECREF(tb);
            return gen_step(g, NULL, out);
        }
        return gen_throw_here(g, typ, val, tb, out);
    }
    if (is_ours(yf)) {
        g->running = 1;
        rc = gen_throw3(G(yf), typ, val, tb, out);
        g->running = 0;
    } else {
        PyObject *meth;
        if (lookup(yf, "throw", &meth) < 0) {
            Py_DECREF(yf);
            Py_XDECREF(typ);
            Py_XDECREF(val);
            Py_XDECREF(tb);
            return gen_step(g, NULL, out);
        }
        if (meth == NULL) {   /* no throw(): raised here */
            Py_DECREF(yf);
            Py_CLEAR(g->yieldfrom);
            return gen_throw_here(g, typ, val, tb, out);
        }
        g->running = 1;
        PyObject *r = PyObject_CallFunctionObjArgs(meth, typ, val ? val : Py_None, tb ? tb : Py_None, NULL);
        g->running = 0;
        Py_DECREF(meth);
        Py_XDECREF(typ);
        Py_XDECREF(val);
        Py_XDECREF(tb);
        if (r != NULL) {
            *out = r;
            rc = 1;
        } else {
            rc = fetch_stop_value(out) < 0 ? -1 : 0;
        }
    }
    Py_DECREF(yf);
    if (rc == 1)
        return 1;
    Py_CLEAR(g->yieldfrom);
    if (rc < 0)
        return gen_step(g, NULL, out);
    PyObject *v = *out;
    rc = gen_step(g, v, out);
    Py_DECREF(v);
    return rc;
}

/* A step's result as next()/send() return it. */
static PyObject *step_result(int rc, PyObject *r)
{
    if (rc == 1)
        return r;
    if (rc == 0) {
        set_stop_value(r);
        Py_DECREF(r);
    }
    return NULL;
}

static PyObject *throw_args(PyObject *self, PyObject *args);

/* throw(value), throw(type[, value[, traceback]]) (deprecated from 3.12) */
static PyObject *gen_throw(PyObject *self, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030C0000
    if (PyTuple_GET_SIZE(args) > 1
        && PyErr_WarnEx(PyExc_DeprecationWarning, "the (type, exc, tb) signature of throw() is deprecated, "
                        "use the single-arg signature instead.", 1) < 0)
        return NULL;
#endif
    return throw_args(self, args);
}

/* throw's arguments checked as CPython checks them, then thrown in. */
static PyObject *throw_args(PyObject *self, PyObject *args)
{
    PyObject *typ, *val = NULL, *tb = NULL;
    if (!PyArg_UnpackTuple(args, "throw", 1, 3, &typ, &val, &tb))
        return NULL;
    if (tb == Py_None)
        tb = NULL;
    else if (tb != NULL && !PyTraceBack_Check(tb)) {
        PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    Py_INCREF(typ);
    Py_XINCREF(val);
    Py_XINCREF(tb);
    if (PyExceptionClass_Check(typ)) {
        PyErr_NormalizeException(&typ, &val, &tb);
    } else if (PyExceptionInstance_Check(typ)) {
        if (val != NULL && val != Py_None) {
            PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
            goto failed;
        }
        Py_XDECREF(val);
        val = typ;
        typ = (PyObject *)Py_TYPE(val);
        Py_INCREF(typ);
        if (tb == NULL)
            tb = PyException_GetTraceback(val);
    } else {
        PyErr_Format(PyExc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                     Py_TYPE(typ)->tp_name);
        goto failed;
    }
    PyObject *r;
    int rc = gen_throw3(G(self), typ, val, tb, &r);
    return step_result(rc, r);
failed:
    Py_XDECREF(typ);
    Py_XDECREF(val);
    Py_XDECREF(tb);
    return NULL;
}

static PyObject *gen_send_method(PyObject *self, PyObject *arg)
{
    PyObject *r;
    int rc = gen_send(G(self), arg, &r);
    return step_result(rc, r);
}

static PyObject *gen_iternext(PyObject *self)
{
    PyObject *r;
    int rc = gen_send(G(self), Py_None, &r);
    if (rc == 0) {   /* a return ends a for loop with no StopIteration to make */
        if (r != Py_None)
            set_stop_value(r);
        Py_DECREF(r);
        return NULL;
    }
    return rc == 1 ? r : NULL;
}

/* ---- the type ---- */

/* "RuntimeWarning: coroutine 'f' was never awaited", through the warnings
   module as CPython reports it. */
static void warn_unawaited(PyObject *self)
{
    PyObject *warnings = PyImport_ImportModule("warnings");
    PyObject *r = warnings ? PyObject_CallMethod(warnings, "_warn_unawaited_coroutine", "O", self) : NULL;
    Py_XDECREF(warnings);
    if (r == NULL)
        PyErr_WriteUnraisable(self);
    Py_XDECREF(r);
}

static void gen_finalize(PyObject *self)
{
    PyxRtGen *g = G(self);
    if (g->finished || g->resume < 0)
        return;
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (g->resume == 0) {
        if (is_coro(g))
            warn_unawaited(self);
        PyErr_Restore(t, v, tb);
        return;
    }
    if (g->finalizer != NULL && !g->ag_closed) {   /* sys.set_asyncgen_hooks: the loop closes it */
        PyObject *r = PyObject_CallFunctionObjArgs(g->finalizer, self, NULL);
        if (r == NULL)
            PyErr_WriteUnraisable(self);
        Py_XDECREF(r);
        PyErr_Restore(t, v, tb);
        return;
    }
    PyObject *r = gen_close(self, NULL);
    if (r == NULL)
        PyErr_WriteUnraisable(self);
    else
        Py_DECREF(r);
    PyErr_Restore(t, v, tb);
}

static int gen_traverse(PyObject *self, visitproc visit, void *arg)
{
    PyxRtGen *g = G(self);
    if (!g->running && !g->finished) {
        PyObject **o = frame_objects(g);
        for (Py_ssize_t i = 0; i < g->def->nobj; i++)
            Py_VISIT(o[i]);
    }
    Py_VISIT(g->yieldfrom);
    Py_VISIT(g->finalizer);
    Py_VISIT(g->name);
    Py_VISIT(g->qualname);
#if PY_VERSION_HEX < 0x030B0000
    Py_VISIT(g->exc_state.exc_type);
    Py_VISIT(g->exc_state.exc_traceback);
#endif
    Py_VISIT(g->exc_state.exc_value);
    return 0;
}

static int gen_clear(PyObject *self)
{
    PyxRtGen *g = G(self);
    if (!g->running && !g->finished) {
        g->finished = 1;
        g->resume = -1;
        frame_clear(g);
    }
    Py_CLEAR(g->yieldfrom);
    Py_CLEAR(g->finalizer);
    Py_CLEAR(g->name);
    Py_CLEAR(g->qualname);
    exc_state_clear(g);
    return 0;
}

static void gen_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    if (PyObject_CallFinalizerFromDealloc(self) < 0)
        return;   /* resurrected */
    if (G(self)->weakrefs != NULL)
        PyObject_ClearWeakRefs(self);
    gen_clear(self);
    PyObject_GC_Del(self);
}

static PyObject *get_name(PyObject *self, void *qual)
{
    PyxRtGen *g = G(self);
    PyObject **slot = qual ? &g->qualname : &g->name;
    if (*slot == NULL) {
        *slot = PyUnicode_FromString(qual ? g->def->func->spec->qualname : g->def->func->ml->ml_name);
        if (*slot == NULL)
            return NULL;
    }
    Py_INCREF(*slot);
    return *slot;
}

static int set_name(PyObject *self, PyObject *value, void *qual)
{
    if (value == NULL || !PyUnicode_Check(value)) {
        PyErr_Format(PyExc_TypeError, "__%sname__ must be set to a string object", qual ? "qual" : "");
        return -1;
    }
    PyObject **slot = qual ? &G(self)->qualname : &G(self)->name;
    Py_INCREF(value);
    Py_XSETREF(*slot, value);
    return 0;
}

static PyObject *get_running(PyObject *self, void *unused)
{
    (void)unused;
    return PyBool_FromLong(G(self)->running);
}

static PyObject *get_suspended(PyObject *self, void *unused)
{
    (void)unused;
    return PyBool_FromLong(!G(self)->running && !G(self)->finished && G(self)->resume > 0);
}

static PyObject *get_frame(PyObject *self, void *unused)
{
    (void)self;
    (void)unused;
    Py_RETURN_NONE;   /* compiled code has no frame object */
}

static PyObject *get_yieldfrom(PyObject *self, void *unused)
{
    (void)unused;
    PyObject *y = G(self)->yieldfrom ? G(self)->yieldfrom : Py_None;
    Py_INCREF(y);
    return y;
}

static PyObject *get_code(PyObject *self, void *unused)
{
    (void)unused;
    const PyxRtGenDef *def = G(self)->def;
    if (*def->code == NULL && (*def->code = pyx_rt_func_code(def->func)) == NULL)
        return NULL;
    Py_INCREF(*def->code);
    return *def->code;
}

static PyObject *gen_repr(PyObject *self)
{
    PyObject *q = get_name(self, (void *)1);
    if (q == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("<%s object %U at %p>", Py_TYPE(self)->tp_name, q, self);
    Py_DECREF(q);
    return r;
}

static PyMethodDef gen_methods[] = {
    {"send", gen_send_method, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", gen_throw, METH_VARARGS, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef gen_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_name, set_name, NULL, (void *)1},
    {"gi_running", get_running, NULL, NULL, NULL},
    {"gi_suspended", get_suspended, NULL, NULL, NULL},
    {"gi_frame", get_frame, NULL, NULL, NULL},
    {"gi_yieldfrom", get_yieldfrom, NULL, NULL, NULL},
    {"gi_code", get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject gen_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "generator",
    .tp_basicsize = PYX_GEN_HEAD,
    .tp_itemsize = 1,
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_weaklistoffset = offsetof(PyxRtGen, weakrefs),
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = gen_finalize,
};

/* ---- coroutines ---- */

/* coroutine.__await__(): an iterator over the coroutine's steps (the
   coroutine itself is none, as in CPython: next(coro) is a TypeError). */
typedef struct {
    PyObject_HEAD
    PyObject *coro;
} Wrapper;

static PyObject *coro_await(PyObject *self)
{
    if (!(wrapper_type.tp_flags & Py_TPFLAGS_READY) && PyType_Ready(&wrapper_type) < 0)
        return NULL;
    Wrapper *w = PyObject_GC_New(Wrapper, &wrapper_type);
    if (w == NULL)
        return NULL;
    Py_INCREF(self);
    w->coro = self;
    PyObject_GC_Track(w);
    return (PyObject *)w;
}

static PyObject *coro_await_method(PyObject *self, PyObject *unused)
{
    (void)unused;
    return coro_await(self);
}

static PyObject *wrapper_next(PyObject *self)
{
    return gen_iternext(((Wrapper *)self)->coro);
}

static PyObject *wrapper_send(PyObject *self, PyObject *arg)
{
    return gen_send_method(((Wrapper *)self)->coro, arg);
}

static PyObject *wrapper_throw(PyObject *self, PyObject *args)
{
    return gen_throw(((Wrapper *)self)->coro, args);
}

static PyObject *wrapper_close(PyObject *self, PyObject *unused)
{
    return gen_close(((Wrapper *)self)->coro, unused);
}

static int wrapper_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(((Wrapper *)self)->coro);
    return 0;
}

static void wrapper_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(((Wrapper *)self)->coro);
    PyObject_GC_Del(self);
}

static PyMethodDef wrapper_methods[] = {
    {"send", wrapper_send, METH_O, NULL},
    {"throw", wrapper_throw, METH_VARARGS, NULL},
    {"close", wrapper_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject wrapper_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(Wrapper),
    .tp_dealloc = wrapper_dealloc,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapper_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = wrapper_next,
    .tp_methods = wrapper_methods,
};

static PyObject *get_origin(PyObject *self, void *unused)
{
    (void)self;
    (void)unused;
    Py_RETURN_NONE;   /* sys.set_coroutine_origin_tracking_depth() is not followed */
}

static PyMethodDef coro_methods[] = {
    {"send", gen_send_method, METH_O, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", gen_throw, METH_VARARGS, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", gen_close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await_method, METH_NOARGS, "Return an iterator to be used in await expression."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef coro_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_name, set_name, NULL, (void *)1},
    {"cr_running", get_running, NULL, NULL, NULL},
    {"cr_suspended", get_suspended, NULL, NULL, NULL},
    {"cr_frame", get_frame, NULL, NULL, NULL},
    {"cr_await", get_yieldfrom, NULL, NULL, NULL},
    {"cr_code", get_code, NULL, NULL, NULL},
    {"cr_origin", get_origin, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyAsyncMethods coro_as_async = {
    .am_await = coro_await,
};

static PyTypeObject coro_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "coroutine",
    .tp_basicsize = PYX_GEN_HEAD,
    .tp_itemsize = 1,
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_weaklistoffset = offsetof(PyxRtGen, weakrefs),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = gen_finalize,
};

/* 'await x': the iterator that runs x (CPython's GET_AWAITABLE), new
   reference or NULL with its TypeError, worded for where x came from. */
static PyObject *awaitable_iter(PyObject *o, int where)
{
    if (Py_TYPE(o) == &coro_type || PyCoro_CheckExact(o)) {
        PyObject *yf = Py_TYPE(o) == &coro_type ? G(o)->yieldfrom : NULL;
        if (yf == NULL && PyCoro_CheckExact(o)) {
            PyObject *a = PyObject_GetAttrString(o, "cr_await");
            if (a == NULL)
                return NULL;
            yf = a != Py_None ? a : NULL;
            Py_DECREF(a);
        }
        if (yf != NULL) {
            PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        Py_INCREF(o);
        return o;
    }
    if (PyGen_CheckExact(o)) {   /* a @types.coroutine generator */
        PyObject *code = PyObject_GetAttrString(o, "gi_code");
        int iterable = code && PyCode_Check(code) && (((PyCodeObject *)code)->co_flags & CO_ITERABLE_COROUTINE);
        Py_XDECREF(code);
        if (iterable) {
            Py_INCREF(o);
            return o;
        }
        PyErr_Clear();
    }
    unaryfunc getter = Py_TYPE(o)->tp_as_async ? Py_TYPE(o)->tp_as_async->am_await : NULL;
    if (getter == NULL) {
        if (where == PYX_AWAIT_AENTER || where == PYX_AWAIT_AEXIT)
            PyErr_Format(PyExc_TypeError, "'async with' received an object from %s that does not implement __await__: %.100s",
                         where == PYX_AWAIT_AENTER ? "__aenter__" : "__aexit__", Py_TYPE(o)->tp_name);
        else if (where == PYX_AWAIT_ANEXT)
            PyErr_Format(PyExc_TypeError, "'async for' received an invalid object from __anext__: %.100s", Py_TYPE(o)->tp_name);
        else
            PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression", Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyObject *res = getter(o);
    if (res == NULL)
        return NULL;
    if (PyCoro_CheckExact(res) || Py_TYPE(res) == &coro_type) {
        PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
        Py_DECREF(res);
        return NULL;
    }
    if (!PyIter_Check(res)) {
        PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'", Py_TYPE(res)->tp_name);
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

int pyx_rt_coro_await_in(PyxRtGen *g, PyObject *awaitable, PyObject **out, int where)
{
    PyObject *it = awaitable_iter(awaitable, where);
    if (it == NULL)
        return -1;
    g->running = 1;
    int rc = iter_send(it, Py_None, out);
    g->running = 0;
    if (rc == 1)
        g->yieldfrom = it;
    else
        Py_DECREF(it);
    return rc;
}

int pyx_rt_coro_await(PyxRtGen *g, PyObject *awaitable, PyObject **out)
{
    return pyx_rt_coro_await_in(g, awaitable, out, PYX_AWAIT);
}

/* type(o).name bound to o, as the interpreter looks up special methods;
   NULL without an exception when there is none. */
static PyObject *special(PyObject *o, const char *name)
{
    PyObject *meth = PyObject_GetAttrString((PyObject *)Py_TYPE(o), name);
    if (meth == NULL) {
        if (PyErr_ExceptionMatches(PyExc_AttributeError))
            PyErr_Clear();
        return NULL;
    }
    descrgetfunc get = Py_TYPE(meth)->tp_descr_get;
    if (get != NULL) {
        PyObject *bound = get(meth, o, (PyObject *)Py_TYPE(o));
        Py_DECREF(meth);
        return bound;
    }
    return meth;
}

PyObject *pyx_rt_async_with_enter(PyObject *mgr, PyObject **exit)
{
    *exit = NULL;
#if PY_VERSION_HEX < 0x030B0000   /* before 3.11: AttributeError, __aexit__ looked up first on 3.8 */
    const char *names[2] = {PY_VERSION_HEX < 0x03090000 ? "__aexit__" : "__aenter__",
                            PY_VERSION_HEX < 0x03090000 ? "__aenter__" : "__aexit__"};
    for (int i = 0; i < 2; i++) {
        PyObject *m = special(mgr, names[i]);
        if (m == NULL) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_AttributeError, names[i]);
            return NULL;
        }
        Py_DECREF(m);
    }
#endif
    PyObject *enter = special(mgr, "__aenter__");
    if (enter == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the asynchronous context manager protocol",
                         Py_TYPE(mgr)->tp_name);
        return NULL;
    }
    PyObject *ex = special(mgr, "__aexit__");
    if (ex == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the asynchronous context manager protocol "
                         "(missed __aexit__ method)", Py_TYPE(mgr)->tp_name);
        Py_DECREF(enter);
        return NULL;
    }
    PyObject *aw = PyObject_CallFunctionObjArgs(enter, NULL);
    Py_DECREF(enter);
    if (aw == NULL) {
        Py_DECREF(ex);
        return NULL;
    }
    *exit = ex;
    return aw;
}

PyObject *pyx_rt_async_with_exit(PyObject *exit, PyObject *exc)
{
    if (exc == NULL)
        return PyObject_CallFunctionObjArgs(exit, Py_None, Py_None, Py_None, NULL);
    PyObject *tb = PyException_GetTraceback(exc);
    PyObject *r = PyObject_CallFunctionObjArgs(exit, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None, NULL);
    Py_XDECREF(tb);
    return r;
}

PyObject *pyx_rt_aiter(PyObject *o)
{
    unaryfunc getter = Py_TYPE(o)->tp_as_async ? Py_TYPE(o)->tp_as_async->am_aiter : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s", Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyObject *it = getter(o);
    if (it == NULL)
        return NULL;
    if (Py_TYPE(it)->tp_as_async == NULL || Py_TYPE(it)->tp_as_async->am_anext == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                     Py_TYPE(it)->tp_name);
        Py_DECREF(it);
        return NULL;
    }
    return it;
}

PyObject *pyx_rt_anext(PyObject *it)
{
    unaryfunc getter = Py_TYPE(it)->tp_as_async ? Py_TYPE(it)->tp_as_async->am_anext : NULL;
    if (getter == NULL) {
        PyErr_Format(PyExc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s", Py_TYPE(it)->tp_name);
        return NULL;
    }
    return getter(it);
}

/* ---- asynchronous generators ---- */

/* The first time it is iterated: sys.get_asyncgen_hooks()'s firstiter is
   called with it and its finalizer kept (asyncio closes it through that). */
static int agen_hooks(PyxRtGen *g)
{
    if (g->ag_hooked)
        return 0;
    g->ag_hooked = 1;
    PyObject *get = PySys_GetObject("get_asyncgen_hooks");   /* borrowed */
    PyObject *hooks = get ? PyObject_CallFunctionObjArgs(get, NULL) : NULL;
    if (hooks == NULL)
        return get ? -1 : 0;
    PyObject *firstiter = PySequence_GetItem(hooks, 0), *finalizer = PySequence_GetItem(hooks, 1);
    Py_DECREF(hooks);
    if (firstiter == NULL || finalizer == NULL) {
        Py_XDECREF(firstiter);
        Py_XDECREF(finalizer);
        return -1;
    }
    if (finalizer != Py_None)
        g->finalizer = finalizer;
    else
        Py_DECREF(finalizer);
    int rc = 0;
    if (firstiter != Py_None) {
        PyObject *r = PyObject_CallFunctionObjArgs(firstiter, (PyObject *)g, NULL);
        rc = r ? 0 : -1;
        Py_XDECREF(r);
    }
    Py_DECREF(firstiter);
    return rc;
}

/* A step's result as the awaitable of asend/anext shows it: a value the
   body yielded ends the awaitable (StopIteration(value)); one it passes
   through from an await goes on to the event loop; the end of the
   generator is StopAsyncIteration. */
static PyObject *agen_unwrap(PyxRtGen *g, int rc, PyObject *r)
{
    if (rc == 1 && !g->ag_yield)
        return r;   /* an await inside: to the event loop */
    g->ag_running_async = 0;
    if (rc == 1) {
        g->ag_yield = 0;
        set_stop_value(r);
        Py_DECREF(r);
        return NULL;
    }
    if (rc == 0) {
        Py_DECREF(r);
        PyErr_SetNone(PyExc_StopAsyncIteration);
    }
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit))
        g->ag_closed = 1;
    return NULL;
}

enum { AW_INIT, AW_ITER, AW_CLOSED };

/* The awaitables of asend(v) / __anext__() (args NULL, value v) and of
   athrow(...) / aclose() (args the throw arguments, or NULL for aclose). */
typedef struct {
    PyObject_HEAD
    PyxRtGen *gen;
    PyObject *value;    /* asend: the value to send first */
    PyObject *args;     /* athrow: its arguments; NULL for aclose */
    int state;
} AgenAwait;

#define AW(o) ((AgenAwait *)(o))

static PyObject *aw_new(PyTypeObject *t, PyxRtGen *g, PyObject *value, PyObject *args)
{
    if (!(t->tp_flags & Py_TPFLAGS_READY) && PyType_Ready(t) < 0)
        return NULL;
    if (agen_hooks(g) < 0)
        return NULL;
    AgenAwait *a = PyObject_GC_New(AgenAwait, t);
    if (a == NULL)
        return NULL;
    Py_INCREF(g);
    a->gen = g;
    Py_XINCREF(value);
    a->value = value;
    Py_XINCREF(args);
    a->args = args;
    a->state = AW_INIT;
    PyObject_GC_Track(a);
    return (PyObject *)a;
}

static void aw_dealloc(PyObject *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(AW(self)->gen);
    Py_CLEAR(AW(self)->value);
    Py_CLEAR(AW(self)->args);
    PyObject_GC_Del(self);
}

static int aw_traverse(PyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(AW(self)->gen);
    Py_VISIT(AW(self)->value);
    Py_VISIT(AW(self)->args);
    return 0;
}

static PyObject *aw_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    AW(self)->state = AW_CLOSED;
    Py_RETURN_NONE;
}

static PyObject *asend_send(PyObject *self, PyObject *arg)
{
    AgenAwait *a = AW(self);
    PyxRtGen *g = a->gen;
    if (a->state == AW_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            a->state = AW_CLOSED;
            PyErr_SetString(PyExc_RuntimeError, "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == Py_None)
            arg = a->value;
        a->state = AW_ITER;
    }
    g->ag_running_async = 1;
    PyObject *r;
    int rc = gen_send(g, arg ? arg : Py_None, &r);
    r = agen_unwrap(g, rc, r);
    if (r == NULL)
        a->state = AW_CLOSED;
    return r;
}

static PyObject *asend_next(PyObject *self)
{
    return asend_send(self, NULL);
}

static PyObject *asend_throw(PyObject *self, PyObject *args)
{
    AgenAwait *a = AW(self);
    if (a->state == AW_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    PyObject *r = gen_throw((PyObject *)a->gen, args);
    int rc = r ? 1 : (PyErr_ExceptionMatches(PyExc_StopIteration) ? 0 : -1);
    if (rc == 0) {   /* the generator returned: its value is never seen */
        PyErr_Clear();
        Py_INCREF(Py_None);
        r = Py_None;
    }
    r = agen_unwrap(a->gen, rc, r);
    if (r == NULL)
        a->state = AW_CLOSED;
    return r;
}

static PyObject *athrow_send(PyObject *self, PyObject *arg)
{
    AgenAwait *a = AW(self);
    PyxRtGen *g = a->gen;
    PyObject *r;
    int rc;
    if (a->state == AW_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (g->finished) {
        a->state = AW_CLOSED;
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            a->state = AW_CLOSED;
            PyErr_Format(PyExc_RuntimeError, "%s(): asynchronous generator is already running", a->args ? "athrow" : "aclose");
            return NULL;
        }
        if (g->ag_closed) {
            a->state = AW_CLOSED;
            PyErr_SetNone(PyExc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != Py_None) {
            PyErr_SetString(PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        a->state = AW_ITER;
        g->ag_running_async = 1;
        if (a->args == NULL) {   /* aclose(): GeneratorExit where it stopped */
            g->ag_closed = 1;
            if (g->resume == 0) {   /* never started: nothing to run */
                g->finished = 1;
                g->resume = -1;
                frame_clear(g);
                rc = -1;
                PyErr_SetNone(PyExc_GeneratorExit);
            } else {
                PyErr_SetNone(PyExc_GeneratorExit);
                PyObject *t, *v, *tb;
                PyErr_Fetch(&t, &v, &tb);
                rc = gen_throw3(g, t, v, tb, &r);
            }
            goto closing;
        }
        r = throw_args((PyObject *)g, a->args);
    } else {
        rc = gen_send(g, arg ? arg : Py_None, &r);
        if (a->args == NULL)
            goto closing;
        r = rc == 1 ? r : NULL;
        if (rc == 0)
            PyErr_SetNone(PyExc_StopAsyncIteration);
    }
    /* athrow(): as asend's */
    if (r == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {   /* it returned */
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopAsyncIteration);
    }
    r = agen_unwrap(g, r ? 1 : -1, r);
    if (r == NULL)
        a->state = AW_CLOSED;
    return r;
closing:
    if (rc == 1 && !g->ag_yield)
        return r;   /* an await in a finally block */
    g->ag_running_async = 0;
    a->state = AW_CLOSED;
    if (rc == 1) {
        g->ag_yield = 0;
        Py_DECREF(r);
        PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
        return NULL;
    }
    if (rc == 0) {
        Py_DECREF(r);
        PyErr_SetNone(PyExc_StopIteration);
        return NULL;
    }
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopIteration);   /* closed: aclose() returns None */
    }
    return NULL;
}

static PyObject *athrow_next(PyObject *self)
{
    return athrow_send(self, NULL);
}

static PyObject *athrow_throw(PyObject *self, PyObject *args)
{
    AgenAwait *a = AW(self);
    if (a->state == AW_CLOSED) {
        PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    PyObject *r = gen_throw((PyObject *)a->gen, args);
    if (a->args == NULL) {   /* aclose() */
        if (r != NULL && a->gen->ag_yield) {
            a->gen->ag_yield = 0;
            a->gen->ag_running_async = 0;
            a->state = AW_CLOSED;
            Py_DECREF(r);
            PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
            return NULL;
        }
        if (r == NULL) {
            a->gen->ag_running_async = 0;
            a->state = AW_CLOSED;
            if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
                PyErr_Clear();
                PyErr_SetNone(PyExc_StopIteration);
            }
        }
        return r;
    }
    if (r == NULL && PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyErr_Clear();
        PyErr_SetNone(PyExc_StopAsyncIteration);
    }
    r = agen_unwrap(a->gen, r ? 1 : -1, r);
    if (r == NULL)
        a->state = AW_CLOSED;
    return r;
}

static PyMethodDef asend_methods[] = {
    {"send", asend_send, METH_O, NULL},
    {"throw", asend_throw, METH_VARARGS, NULL},
    {"close", aw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef athrow_methods[] = {
    {"send", athrow_send, METH_O, NULL},
    {"throw", athrow_throw, METH_VARARGS, NULL},
    {"close", aw_close, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyAsyncMethods aw_as_async = {
    .am_await = PyObject_SelfIter,
};

static PyTypeObject asend_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(AgenAwait),
    .tp_dealloc = aw_dealloc,
    .tp_as_async = &aw_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = aw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = asend_next,
    .tp_methods = asend_methods,
};

static PyTypeObject athrow_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AgenAwait),
    .tp_dealloc = aw_dealloc,
    .tp_as_async = &aw_as_async,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = aw_traverse,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = athrow_next,
    .tp_methods = athrow_methods,
};

static PyObject *agen_anext(PyObject *self)
{
    return aw_new(&asend_type, G(self), Py_None, NULL);
}

static PyObject *agen_asend(PyObject *self, PyObject *arg)
{
    return aw_new(&asend_type, G(self), arg, NULL);
}

static PyObject *agen_athrow(PyObject *self, PyObject *args)
{
#if PY_VERSION_HEX >= 0x030C0000
    if (PyTuple_GET_SIZE(args) > 1
        && PyErr_WarnEx(PyExc_DeprecationWarning, "the (type, exc, tb) signature of athrow() is deprecated, "
                        "use the single-arg signature instead.", 1) < 0)
        return NULL;
#endif
    return aw_new(&athrow_type, G(self), NULL, args);
}

static PyObject *agen_aclose(PyObject *self, PyObject *unused)
{
    (void)unused;
    return aw_new(&athrow_type, G(self), NULL, NULL);
}

static PyObject *agen_running(PyObject *self, void *unused)
{
    (void)unused;
    return PyBool_FromLong(G(self)->ag_running_async);
}

static PyMethodDef agen_methods[] = {
    {"asend", agen_asend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", agen_athrow, METH_VARARGS, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", agen_aclose, METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef agen_getset[] = {
    {"__name__", get_name, set_name, NULL, NULL},
    {"__qualname__", get_name, set_name, NULL, (void *)1},
    {"ag_running", agen_running, NULL, NULL, NULL},
    {"ag_frame", get_frame, NULL, NULL, NULL},
    {"ag_await", get_yieldfrom, NULL, NULL, NULL},
    {"ag_code", get_code, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyAsyncMethods agen_as_async = {
    .am_aiter = PyObject_SelfIter,
    .am_anext = agen_anext,
};

static PyTypeObject agen_type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "async_generator",
    .tp_basicsize = PYX_GEN_HEAD,
    .tp_itemsize = 1,
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &agen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = PyObject_GenericGetAttr,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_weaklistoffset = offsetof(PyxRtGen, weakrefs),
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
    .tp_finalize = gen_finalize,
};

/* ---- making them ---- */

/* The type, ready, and registered with collections.abc's class: once. */
static int type_ready(PyTypeObject *t, const char *abc_name)
{
    if (PyType_Ready(t) < 0)
        return -1;
    PyObject *abc = PyImport_ImportModule("collections.abc");
    if (abc == NULL)
        return -1;
    PyObject *r, *cls = PyObject_GetAttrString(abc, abc_name);
    Py_DECREF(abc);
    if (cls == NULL)
        return -1;
    r = PyObject_CallMethod(cls, "register", "O", (PyObject *)t);
    Py_DECREF(cls);
    if (r == NULL)
        return -1;
    Py_DECREF(r);
    return 0;
}

PyxRtGen *pyx_rt_gen_new(const PyxRtGenDef *def)
{
    PyTypeObject *t = def->kind == PYX_GEN_COROUTINE ? &coro_type : def->kind == PYX_GEN_ASYNC ? &agen_type : &gen_type;
    if (!(t->tp_flags & Py_TPFLAGS_READY)
        && type_ready(t, t == &coro_type ? "Coroutine" : t == &agen_type ? "AsyncGenerator" : "Generator") < 0)
        return NULL;
    PyxRtGen *g = PyObject_GC_NewVar(PyxRtGen, t, def->size);
    if (g == NULL)
        return NULL;
    g->def = def;
    g->resume = 0;
    g->running = g->finished = 0;
    g->name = g->qualname = g->yieldfrom = g->weakrefs = g->finalizer = NULL;
    g->ag_yield = g->ag_closed = g->ag_running_async = g->ag_hooked = 0;
    memset(&g->exc_state, 0, sizeof g->exc_state);
    memset(PYX_GEN_FRAME(g), 0, (size_t)def->size);
    PyObject_GC_Track(g);
    return g;
}
