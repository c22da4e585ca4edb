/* rt_exc.c: exceptions raised and reported by compiled code.

   Takes: the exception currently set plus a source position.  Gives: a
   traceback frame for that position, unraisable reports, and the cold
   raise helpers behind pyx_rt.h's inline arithmetic.

   The one idea: compiled code has no Python frames, so to show
   'File "demo.pyx", line 4, in demo.scale' we build an empty code object
   whose first line is that line (PyCode_NewEmpty) and a frame for it, then
   PyTraceBack_Here.  That works unchanged on 3.8-3.13 because an unstarted
   frame reports its code's first line; it is also why the cache is keyed
   by line, not by function. */
#include "pyx_rt.h"

#include <pthread.h>

#include <frameobject.h>
#include <string.h>

/* Code objects by (funcname, filename, lineno).  Open addressing; entries
   live until the process exits (there are finitely many call sites).
   Strings are compared by content, so equal literals in different modules
   share an entry, which is right: the code object would be identical. */
typedef struct {
    const char *funcname;
    const char *filename;
    int lineno;
    PyCodeObject *code;   /* owned */
} CodeEntry;

static CodeEntry *code_table;
static size_t code_cap;   /* power of two, or 0 */
static size_t code_len;

static size_t hash_key(const char *funcname, const char *filename, int lineno)
{
    size_t h = 1469598103934665603u;   /* FNV-1a */
    const unsigned char *p;
    for (p = (const unsigned char *)funcname; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    h = (h ^ 0xff) * 1099511628211u;
    for (p = (const unsigned char *)filename; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return (h ^ (size_t)(unsigned)lineno) * 1099511628211u;
}

static CodeEntry *find_slot(CodeEntry *table, size_t cap, const char *funcname,
                            const char *filename, int lineno)
{
    size_t i = hash_key(funcname, filename, lineno) & (cap - 1);
    for (;; i = (i + 1) & (cap - 1)) {
        CodeEntry *e = &table[i];
        if (e->code == NULL)
            return e;
        if (e->lineno == lineno && strcmp(e->funcname, funcname) == 0 &&
            strcmp(e->filename, filename) == 0)
            return e;
    }
}

/* Returns a new reference, or NULL with an exception set. */
static PyCodeObject *get_code(const char *funcname, const char *filename, int lineno)
{
    CodeEntry *e;
    PyCodeObject *code;
    if (code_cap != 0) {
        e = find_slot(code_table, code_cap, funcname, filename, lineno);
        if (e->code != NULL) {
            Py_INCREF(e->code);
            return e->code;
        }
    }
    code = PyCode_NewEmpty(filename, funcname, lineno);
    if (code == NULL)
        return NULL;
    if ((code_len + 1) * 2 > code_cap) {   /* keep the load under 1/2 */
        size_t ncap = code_cap ? code_cap * 2 : 64, i;
        CodeEntry *nt = PyMem_RawCalloc(ncap, sizeof(CodeEntry));
        if (nt == NULL)
            return code;   /* uncached, still usable */
        for (i = 0; i < code_cap; i++) {
            CodeEntry *old = &code_table[i];
            if (old->code != NULL)
                *find_slot(nt, ncap, old->funcname, old->filename, old->lineno) = *old;
        }
        PyMem_RawFree(code_table);
        code_table = nt;
        code_cap = ncap;
    }
    e = find_slot(code_table, code_cap, funcname, filename, lineno);
    /* The strings are the generated module's literals; copy them anyway so
       that an unloaded module cannot leave dangling keys. */
    {
        size_t fl = strlen(funcname) + 1, nl = strlen(filename) + 1;
        char *keys = PyMem_RawMalloc(fl + nl);
        if (keys == NULL)
            return code;
        memcpy(keys, funcname, fl);
        memcpy(keys + fl, filename, nl);
        e->funcname = keys;
        e->filename = keys + fl;
    }
    e->lineno = lineno;
    Py_INCREF(code);
    e->code = code;
    code_len++;
    return code;
}

void pyx_rt_add_traceback(const char *funcname, const char *filename,
                          int lineno, PyObject *globals)
{
    PyObject *type, *value, *tb;
    PyCodeObject *code;
    PyFrameObject *frame = NULL;
    PyObject *own_globals = NULL;

    /* Frame creation looks things up in 'globals' and checks
       PyErr_Occurred(), so do the work with no exception set. */
    PyErr_Fetch(&type, &value, &tb);
    if (type == NULL)
        return;
    code = get_code(funcname, filename, lineno);
    if (code != NULL) {
        if (globals == NULL)
            globals = own_globals = PyDict_New();
        if (globals != NULL)
            frame = PyFrame_New(PyThreadState_Get(), code, globals, NULL);
        Py_DECREF(code);
    }
    Py_XDECREF(own_globals);
    if (frame == NULL)
        PyErr_Clear();   /* best effort: keep the original exception */
    PyErr_Restore(type, value, tb);
    if (frame != NULL) {
        PyTraceBack_Here(frame);
        Py_DECREF(frame);
    }
}

void pyx_rt_write_unraisable(const char *qualname)
{
    PyObject *type, *value, *tb, *ctx;
    PyErr_Fetch(&type, &value, &tb);
    ctx = PyUnicode_FromString(qualname);
    if (ctx == NULL)
        PyErr_Clear();
    PyErr_Restore(type, value, tb);
    PyErr_WriteUnraisable(ctx != NULL ? ctx : Py_None);
    Py_XDECREF(ctx);
}

int pyx_rt_raise_overflow(const char *ctype)
{
    PyErr_Format(PyExc_OverflowError, "value too large to convert to %s", ctype);
    return -1;
}

int pyx_rt_raise_neg_overflow(const char *ctype)
{
    PyErr_Format(PyExc_OverflowError, "can't convert negative value to %s", ctype);
    return -1;
}

int pyx_rt_raise_zerodivision(const char *msg)
{
    PyErr_SetString(PyExc_ZeroDivisionError, msg);
    return -1;
}

int pyx_rt_raise_int_zerodivision(void)
{
    return pyx_rt_raise_zerodivision("integer division or modulo by zero");
}

int pyx_rt_raise_div_overflow(void)
{
    PyErr_SetString(PyExc_OverflowError, "value too large to perform division");
    return -1;
}

/* ---- the C stack ------------------------------------------------------------ */

/* UINTPTR_MAX until this thread's first call works the floor out. */
__thread uintptr_t pyx_rt_stack_floor = UINTPTR_MAX;

int pyx_rt_stack_slow(uintptr_t sp)
{
    if (pyx_rt_stack_floor == UINTPTR_MAX) {
        pthread_attr_t attr;
        void *addr = NULL;
        size_t size = 0;
        uintptr_t floor = 0;
        if (pthread_getattr_np(pthread_self(), &attr) == 0) {
            if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr && size) {
                /* headroom for what compiled code calls: CPython, printing, C libraries */
                size_t room = size / 4 < (256u << 10) ? size / 4 : (256u << 10);
                floor = (uintptr_t)addr + room;
            }
            pthread_attr_destroy(&attr);
        }
        pyx_rt_stack_floor = floor;   /* 0 when unknown: never raises */
        if (sp >= floor)
            return 0;
    }
    PyErr_SetString(PyExc_RecursionError, "maximum recursion depth exceeded");
    return -1;
}
