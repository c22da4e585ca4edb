/* rt_profile.c: profiled compiled functions report to Python's profilers
   and tracers as Python functions do (the 'profile' and 'linetrace'
   directives; pyx_rt.h has the contracts).

   Two ways in, by version:
   - sys.setprofile / sys.settrace (cProfile up to 3.11, profile.py, most
     tracers): the thread's c_profilefunc / c_tracefunc is called with a
     frame of our own (PyFrame_New on the function's code object), with
     the thread marked as tracing meanwhile, as ceval.c does.
   - sys.monitoring (3.13+; cProfile from 3.12 on): PEP 669's C API fires
     PY_START, PY_RETURN, PY_UNWIND, RAISE and LINE for the code object.
     Tools 6 and 7 are sys.setprofile and sys.settrace themselves: they get
     the events the first way, with this call's frame, so they are masked
     out of the monitoring events (which would show them the caller's).
   Python 3.12 has the first way but its cProfile uses the second, which
   has no C API there: pyxc refuses to build profiled code for it.

   The cost while nothing profiles is one test of pyx_rt_trace_armed per
   call: an audit hook sets it when sys.setprofile, sys.settrace or
   sys.monitoring.register_callback is used (cProfile uses them too), and
   pyx_rt_trace_init sets it when something is active at import.  While
   it is set each call asks its thread; after 1024 calls with nothing to
   report, if no thread profiles or traces and no sys.monitoring tool is in
   use, it is cleared again. */
#include "pyx_rt.h"

#include <frameobject.h>
#include <string.h>

int pyx_rt_trace_armed;   /* hidden: each module has its own */

#if PY_VERSION_HEX >= 0x030C0000 && PY_VERSION_HEX < 0x030D0000

/* Python 3.12: the generated module refuses to compile (#error) and pyxc
   refuses to build it; these keep the runtime whole. */
int pyx_rt_trace_init(void)
{
    PyErr_SetString(PyExc_ImportError, "profiling compiled code is not supported on Python 3.12");
    return -1;
}

int pyx_rt_trace_call(PyxRtTrace *t, PyxRtCode *c, PyObject *globals)
{
    (void)t;
    (void)c;
    (void)globals;
    return 0;
}

int pyx_rt_trace_line(PyxRtTrace *t, int line)
{
    (void)t;
    (void)line;
    return 0;
}

void pyx_rt_trace_exception(PyxRtTrace *t, int line)
{
    (void)t;
    (void)line;
}

int pyx_rt_trace_return(PyxRtTrace *t, PyObject *result)
{
    (void)t;
    (void)result;
    return 0;
}

#else

/* who gets a call's events (PyxRtTrace.to) */
enum {
    TO_PROFILE = 1,        /* the thread's sys.setprofile function */
    TO_TRACE = 2,          /* its sys.settrace function (linetrace only) */
    TO_MONITOR = 4,        /* sys.monitoring tools: start and return */
    TO_MONITOR_LINES = 8,  /* sys.monitoring tools: lines and raises (linetrace only) */
};

/* ---- the frame's line ------------------------------------------------------------------- */

/* Profilers read frame.f_lineno.  Up to 3.10 PyFrameObject is public; from
   3.11 it is internal, with the same head in 3.11, 3.12 and 3.13
   (Include/internal/pycore_frame.h): checked on the first frame made. */
#if PY_VERSION_HEX >= 0x030B0000
typedef struct FrameHead {
    PyObject_HEAD
    void *f_back;
    void *f_frame;
    PyObject *f_trace;
    int f_lineno;
    char f_trace_lines;
} FrameHead;
#define HEAD(f) ((FrameHead *)(f))
#else
#define HEAD(f) ((PyFrameObject *)(f))
#endif

static int layout;   /* 0: not checked yet, 1: as above, -1: unknown (no lines set) */

static void check_layout(PyObject *frame)
{
#if PY_VERSION_HEX >= 0x030B0000 && PY_VERSION_HEX < 0x030E0000
    /* a fresh frame: no trace function, line 0 ("ask the code"), lines on */
    FrameHead *h = HEAD(frame);
    layout = h->f_trace == NULL && h->f_lineno == 0 && h->f_trace_lines == 1 ? 1 : -1;
#elif PY_VERSION_HEX >= 0x030B0000
    (void)frame;
    layout = -1;
#else
    (void)frame;
    layout = 1;
#endif
}

static void set_line(PyObject *frame, int line)
{
    if (layout > 0)
        HEAD(frame)->f_lineno = line;
}

static int wants_lines(PyObject *frame)
{
    return layout <= 0 || HEAD(frame)->f_trace_lines;
}

/* ---- the thread --------------------------------------------------------------------------- */

/* No events while a profiler or tracer runs (ceval.c's call_trace). */
static void enter_tracing(PyThreadState *ts)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyThreadState_EnterTracing(ts);
#elif PY_VERSION_HEX >= 0x030A0000
    ts->tracing++;
    ts->cframe->use_tracing = 0;
#else
    ts->tracing++;
    ts->use_tracing = 0;
#endif
}

static void leave_tracing(PyThreadState *ts)
{
#if PY_VERSION_HEX >= 0x030B0000
    PyThreadState_LeaveTracing(ts);
#elif PY_VERSION_HEX >= 0x030A0000
    ts->cframe->use_tracing = ts->c_tracefunc != NULL || ts->c_profilefunc != NULL;
    ts->tracing--;
#else
    ts->use_tracing = ts->c_tracefunc != NULL || ts->c_profilefunc != NULL;
    ts->tracing--;
#endif
}

/* Calls a sys.setprofile / sys.settrace function (which may be NULL by
   now: removed during the call).  0, or -1 with its exception set. */
static int call_func(PyThreadState *ts, Py_tracefunc fn, PyObject *obj, PyxRtTrace *t, int what,
                     PyObject *arg, int line)
{
    if (fn == NULL)
        return 0;
    set_line(t->frame, line);
    enter_tracing(ts);
    int r = fn(obj, (PyFrameObject *)t->frame, what, arg);
    leave_tracing(ts);
    return r != 0 ? -1 : 0;
}

/* ---- sys.monitoring (3.13+) ----------------------------------------------------------------- */

#if PY_VERSION_HEX >= 0x030D0000
enum { MON_START, MON_RETURN, MON_UNWIND, MON_RAISE, MON_LINE, MON_N };

static const uint8_t mon_events[MON_N] = {
    PY_MONITORING_EVENT_PY_START, PY_MONITORING_EVENT_PY_RETURN, PY_MONITORING_EVENT_PY_UNWIND,
    PY_MONITORING_EVENT_RAISE, PY_MONITORING_EVENT_LINE,
};

/* tools 6 and 7: sys.setprofile and sys.settrace, called directly */
#define LEGACY_TOOLS 0xC0

/* Brings code c's view of which tools want which events up to date. */
static void mon_scope(PyxRtCode *c)
{
    PyMonitoring_EnterScope(c->mon, &c->mon_version, mon_events, MON_N);
}

/* The tools (a bit mask, as PyMonitoringState.active holds them) that
   want event ev of code c, the legacy ones left out. */
static int mon_wants(const PyxRtCode *c, int ev)
{
    return c->mon[ev].active & ~LEGACY_TOOLS;
}

/* Fires event ev of this call to the tools that want it.  A tool's
   DISABLE holds for this code until the tools change. */
static int mon_fire(PyxRtTrace *t, int ev, PyObject *arg, int line)
{
    PyxRtCode *c = t->code;
    mon_scope(c);
    if (!mon_wants(c, ev)) {
        PyMonitoring_ExitScope();
        return 0;
    }
    PyMonitoringState st = c->mon[ev];
    uint8_t legacy = st.active & LEGACY_TOOLS;
    st.active &= (uint8_t)~LEGACY_TOOLS;
    int r;
    switch (ev) {
    case MON_START:
        r = PyMonitoring_FirePyStartEvent(&st, c->code, 0);
        break;
    case MON_RETURN:
        r = PyMonitoring_FirePyReturnEvent(&st, c->code, 0, arg);
        break;
    case MON_UNWIND:
        r = PyMonitoring_FirePyUnwindEvent(&st, c->code, 0);
        break;
    case MON_RAISE:
        r = PyMonitoring_FireRaiseEvent(&st, c->code, 0);
        break;
    default:
        r = PyMonitoring_FireLineEvent(&st, c->code, 0, line);
        break;
    }
    PyMonitoring_ExitScope();
    c->mon[ev].active = (uint8_t)(st.active | legacy);
    return r < 0 ? -1 : 0;
}
#endif

/* ---- arming --------------------------------------------------------------------------------- */

static int hook_state;   /* 0: not tried, 1: the audit hook is in, -1: refused (never disarm) */
static unsigned idle;    /* calls with nothing to report since the last look around */
#define IDLE_LOOK 1024

static int audit_hook(const char *event, PyObject *args, void *data)
{
    (void)args;
    (void)data;
    if (event[0] == 's' && (strcmp(event, "sys.setprofile") == 0 || strcmp(event, "sys.settrace") == 0
                            || strcmp(event, "sys.monitoring.register_callback") == 0)) {
        pyx_rt_trace_armed = 1;
        idle = 0;
    }
    return 0;
}

/* Is any thread of this interpreter profiled or traced, or (3.12+) any
   sys.monitoring tool in use (its events may be set again without an
   audit event)? */
static int anything_active(void)
{
    PyThreadState *me = PyThreadState_Get();
    for (PyThreadState *ts = PyInterpreterState_ThreadHead(me->interp); ts; ts = PyThreadState_Next(ts))
        if (ts->c_profilefunc != NULL || ts->c_tracefunc != NULL)
            return 1;
#if PY_VERSION_HEX >= 0x030C0000
    PyObject *mon = PySys_GetObject("monitoring");   /* borrowed */
    if (mon == NULL)
        return 0;
    PyObject *saved[3];
    pyx_rt_exc_fetch(saved);
    int used = 0;
    for (int tool = 0; tool < 6 && !used; tool++) {   /* 6 and 7: sys.setprofile, sys.settrace */
        PyObject *name = PyObject_CallMethod(mon, "get_tool", "i", tool);
        used = name == NULL || name != Py_None;
        Py_XDECREF(name);
    }
    PyErr_Clear();
    pyx_rt_exc_restore(saved);
    return used;
#else
    return 0;
#endif
}

/* A call had nothing to report: once in a while, if nothing profiles or
   traces any more, profiled calls go back to the one flag test (the audit
   hook arms again when something starts). */
static void maybe_disarm(void)
{
    if (++idle < IDLE_LOOK || hook_state <= 0)
        return;
    idle = 0;
    if (!anything_active())
        pyx_rt_trace_armed = 0;
}

int pyx_rt_trace_init(void)
{
    if (hook_state == 0) {
        /* hooks already installed may refuse ours: then every call asks */
        hook_state = 1;
        if (PySys_AddAuditHook(audit_hook, NULL) < 0) {
            hook_state = -1;
            pyx_rt_trace_armed = 1;
            if (PyErr_Occurred())
                return -1;
        }
    }
    if (anything_active())
        pyx_rt_trace_armed = 1;
    return 0;
}

/* ---- the events ----------------------------------------------------------------------------- */

/* A profiler or tracer raised: -1, or for a function that cannot pass the
   error on, 0 after printing it as unraisable. */
static int failed(PyxRtCode *c)
{
    if (!c->nothrow)
        return -1;
    pyx_rt_write_unraisable(c->qualname);
    return 0;
}

int pyx_rt_trace_call(PyxRtTrace *t, PyxRtCode *c, PyObject *globals)
{
    memset(t, 0, sizeof *t);
    t->line = c->line;
    PyThreadState *ts = PyThreadState_Get();
    if (ts->tracing > 0)
        return 0;   /* inside a profiler or tracer: not reported, as in CPython */
    int to = 0;
    if (ts->c_profilefunc != NULL)
        to |= TO_PROFILE;
    if (c->lines && ts->c_tracefunc != NULL)
        to |= TO_TRACE;
#if PY_VERSION_HEX >= 0x030D0000
    mon_scope(c);
    if (mon_wants(c, MON_START) | mon_wants(c, MON_RETURN) | mon_wants(c, MON_UNWIND))
        to |= TO_MONITOR;
    if (c->lines && (mon_wants(c, MON_LINE) | mon_wants(c, MON_RAISE)))
        to |= TO_MONITOR_LINES;
    PyMonitoring_ExitScope();
#endif
    if (!to) {
        maybe_disarm();
        return 0;
    }
    if (c->code == NULL) {
        c->code = (PyObject *)PyCode_NewEmpty(c->file, c->name, c->line);
        if (c->code == NULL)
            return failed(c);
    }
    if (to & (TO_PROFILE | TO_TRACE)) {
        t->frame = (PyObject *)PyFrame_New(ts, (PyCodeObject *)c->code, globals, NULL);
        if (t->frame == NULL)
            return failed(c);
        if (layout == 0)
            check_layout(t->frame);
    }
    t->code = c;
    t->to = to;
    t->lines = (to & (TO_TRACE | TO_MONITOR_LINES)) != 0;
    /* as ceval.c: the tracer first, then the profiler */
    if ((to & TO_TRACE) && call_func(ts, ts->c_tracefunc, ts->c_traceobj, t, PyTrace_CALL, Py_None, c->line) < 0)
        goto fail;
    if ((to & TO_PROFILE) && call_func(ts, ts->c_profilefunc, ts->c_profileobj, t, PyTrace_CALL, Py_None, c->line) < 0)
        goto fail;
#if PY_VERSION_HEX >= 0x030D0000
    if ((to & TO_MONITOR) && mon_fire(t, MON_START, NULL, 0) < 0)
        goto fail;
#endif
    return 1;
fail:
    Py_CLEAR(t->frame);
    t->code = NULL;
    t->lines = 0;
    return failed(c);
}

int pyx_rt_trace_line(PyxRtTrace *t, int line)
{
    int again = line == t->line;   /* a loop on one line went round */
    if (again && !t->back)
        return 0;
    t->back = 0;
    t->line = line;
    PyThreadState *ts = PyThreadState_Get();
    if (ts->tracing > 0)
        return 0;
    if ((t->to & TO_TRACE) && wants_lines(t->frame)
        && call_func(ts, ts->c_tracefunc, ts->c_traceobj, t, PyTrace_LINE, Py_None, line) < 0)
        return failed(t->code);
#if PY_VERSION_HEX >= 0x030D0000
    /* sys.monitoring's LINE, unlike sys.settrace, is not repeated for a loop on one line */
    if ((t->to & TO_MONITOR_LINES) && !again && mon_fire(t, MON_LINE, NULL, line) < 0)
        return failed(t->code);
#endif
    return 0;
}

void pyx_rt_trace_exception(PyxRtTrace *t, int line)
{
    if (!t->lines || !PyErr_Occurred())
        return;
    t->line = line;
    PyThreadState *ts = PyThreadState_Get();
    if (ts->tracing > 0)
        return;
    if ((t->to & TO_TRACE) && ts->c_tracefunc != NULL) {
        /* (type, value, traceback), as ceval.c's call_exc_trace */
        PyObject *exc = pyx_rt_exc_catch();
        PyObject *tb = PyException_GetTraceback(exc);
        PyObject *arg = PyTuple_Pack(3, (PyObject *)Py_TYPE(exc), exc, tb ? tb : Py_None);
        Py_XDECREF(tb);
        if (arg == NULL || call_func(ts, ts->c_tracefunc, ts->c_traceobj, t, PyTrace_EXCEPTION, arg, line) < 0) {
            if (arg == NULL)
                pyx_rt_exc_rethrow(exc);   /* MemoryError: the original goes on */
            else
                Py_DECREF(exc);            /* the tracer's exception replaces it */
        } else {
            pyx_rt_exc_rethrow(exc);
        }
        Py_XDECREF(arg);
    }
#if PY_VERSION_HEX >= 0x030D0000
    if ((t->to & TO_MONITOR_LINES) && PyErr_Occurred())
        (void)mon_fire(t, MON_RAISE, NULL, 0);
#endif
}

int pyx_rt_trace_return(PyxRtTrace *t, PyObject *result)
{
    PyThreadState *ts = PyThreadState_Get();
    int bad = 0;
    PyObject *saved[3] = {NULL, NULL, NULL};
    int raising = PyErr_Occurred() != NULL;
    PyObject *arg = raising ? NULL : result ? result : Py_None;
    if (raising)
        pyx_rt_exc_fetch(saved);
    if (ts->tracing == 0) {
        if ((t->to & TO_TRACE) && call_func(ts, ts->c_tracefunc, ts->c_traceobj, t, PyTrace_RETURN, arg, t->line) < 0)
            bad = 1;
        if (!bad && (t->to & TO_PROFILE)
            && call_func(ts, ts->c_profilefunc, ts->c_profileobj, t, PyTrace_RETURN, arg, t->line) < 0)
            bad = 1;
    }
    if (raising) {
        if (bad)
            pyx_rt_exc_drop(saved);   /* the profiler's exception replaces it */
        else
            pyx_rt_exc_restore(saved);
    }
#if PY_VERSION_HEX >= 0x030D0000
    if (!bad && ts->tracing == 0 && (t->to & TO_MONITOR)
        && mon_fire(t, raising ? MON_UNWIND : MON_RETURN, arg, 0) < 0)
        bad = 1;
#endif
    PyxRtCode *c = t->code;
    Py_CLEAR(t->frame);
    t->code = NULL;
    t->lines = 0;
    return bad ? failed(c) : 0;
}

#endif
