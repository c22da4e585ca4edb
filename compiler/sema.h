/* sema.h - names, scopes and types: the typed AST that emit.c reads.
 *
 * pyx_sema resolves every name to a PyxSymbol, gives every expression a
 * PyxType, infers the types of untyped locals where that is safe, and
 * reports every user error in typed code (wrong types, wrong argument
 * counts, undeclared C types, duplicate declarations) and every construct
 * the back end cannot compile yet, by name.  After it succeeds, emit.c can
 * assume a well-typed tree and never reports user errors.
 */
#ifndef PYX_SEMA_H
#define PYX_SEMA_H

#include "ast.h"
#include "diag.h"
#include "directives.h"
#include "naming.h"
#include "types.h"

typedef enum PyxSymKind {
    PYX_SYM_LOCAL,      /* function local or parameter: C variable in the function */
    PYX_SYM_PYGLOBAL,   /* module-level Python name: lives in the module dict */
    PYX_SYM_CGLOBAL,    /* module-level cdef variable: a C static */
    PYX_SYM_FUNC,       /* cdef / cpdef / def function of this module */
    PYX_SYM_EXTERN,     /* C function or constant from cimport / cdef extern */
    PYX_SYM_BUILTIN,    /* Python builtin (len, print, range...) */
    PYX_SYM_TYPE,       /* ctypedef */
    PYX_SYM_MODULE,     /* cimported module name ('cython', 'libc.math') */
    PYX_SYM_CELL,       /* a variable that lives in a cell (cname: the C local holding the
                           cell): a function's own variable that a def or lambda inside it
                           uses, or (free) an enclosing function's, from the closure */
    PYX_SYM_CLASSVAR,   /* a name in a class body (check_class.c): read from the class namespace,
                           then (outer) the enclosing function's variable, or the globals and
                           builtins; stored in and deleted from the namespace (a 'nonlocal'
                           one: outer) */
} PyxSymKind;

typedef struct PyxFunc PyxFunc;

/* One entry of a def function's __annotations__ (sema decides how it is
   made: signature.c). */
typedef struct PyxAnnotation {
    const char *name;       /* the parameter, or "return" */
    PyxNode *expr;          /* evaluated where the def statement runs (.py files) */
    const char *text;       /* or stored as this string (.pyx files: Cython 3;
                               'from __future__ import annotations': PEP 563) */
} PyxAnnotation;

typedef struct PyxSymbol {
    PyxSymKind kind;
    const char *name;
    const char *cname;      /* C identifier for LOCAL, CGLOBAL, EXTERN */
    PyxType *type;
    PyxLoc loc;
    bool declared;          /* cdef-declared, or a typed parameter */
    bool is_param;
    bool assigned;          /* assigned somewhere (locals) */
    bool read;              /* its value is read somewhere */
    bool arith;             /* used as an operand of arithmetic (inference) */
    bool walrus;            /* a target of ':=': inference leaves it an object, and
                               emit reads it into a temporary (an expression after
                               the read may rebind it: 'a + (a := 3)') */
    bool maybe_unbound;     /* some use may find it unbound (flow.c): it cannot live in C
                               unless declared */
    PyxFunc *func;          /* FUNC: the last def of the name */
    int redefinitions;      /* FUNC: defs of the name after the first */
    PyxNode *value;         /* DEF constants */
    bool free;              /* CELL: an enclosing function's variable (NameError when unbound) */
    bool hidden;            /* a comprehension's variable (a hidden local, made fresh by each run
                               of the comprehension) */
    struct PyxSymbol *param;   /* CELL: the parameter its cell starts out holding */
    struct PyxSymbol *outer;   /* CLASSVAR of a name free in the class body: the enclosing
                                  function's variable (LOAD_CLASSDEREF reads it after the
                                  namespace); NULL: the globals, then the builtins */
    bool nonlocal;             /* CLASSVAR: declared 'nonlocal' in the class body: stores and
                                  deletes go to outer */
} PyxSymbol;

/* How a C function reports an exception to its C callers (Cython 3 rules). */
typedef enum PyxExcKind {
    PYX_EXC_NONE,       /* noexcept: errors are printed as unraisable */
    PYX_EXC_VALUE,      /* except V: V always means an error */
    PYX_EXC_CHECK,      /* except? V: V means maybe, check PyErr_Occurred() */
    PYX_EXC_STAR,       /* except *: always check PyErr_Occurred() */
    PYX_EXC_NULL,       /* returns an object: NULL means error */
} PyxExcKind;

struct PyxFunc {
    PyxNode *def;
    const char *name;
    const char *cname;      /* pyx_f_<mod>_<name>: the C body */
    const char *wcname;     /* pyx_pw_<mod>_<name>: the Python wrapper (def/cpdef) */
    const char *mdef;       /* pyx_mdef_<name>: its PyMethodDef */
    const char **dflt;      /* per parameter: the C slot of its default, or NULL */
    bool is_c;              /* cdef or cpdef: callable from C with C types */
    bool is_py;             /* def or cpdef: callable from Python */
    PyxDirectives directives;  /* in force in the body (module's, then decorators) */
    PyxType *ret;           /* object for def functions */
    PyxSymbol **params;
    int nparams;
    PyxSymbol **locals;     /* every local, parameters first */
    int nlocals, cap_locals;
    PyxExcKind exc;
    const char *exc_value;  /* C expression of the error value */
    bool nothrow;           /* the body cannot raise (analysis.c): callers skip the check */
    struct PyxFlow *flow;   /* the body's control flow (flow.h) */
    const char *doc;        /* docstring, or NULL (with embedsignature, the signature first) */
    int doc_len;
    /* the function object (def, cpdef): signature.c */
    const char *spec;       /* pyx_spec_<name>: its PyxRtArgSpec */
    const char *fdef;       /* pyx_fdef_<name>: its PyxRtFuncDef */
    PyxAnnotation *annotations;   /* in CPython's order: positional, *args, keyword-only,
                                     **kwargs, return */
    int nannotations;
    PyxNodeList decorators;   /* the Python decorators (not Cython directives), top first:
                                 evaluated before the defaults, applied bottom-up */
    /* profiling (profile.c): calls reported to profilers, lines to tracers */
    bool profile;
    bool linetrace;
    const char *trace_code; /* profiled: its PyxRtCode (naming.h), */
    const char *trace_body; /* its body, */
    const char *trace_cold; /* the C function of its reported calls, */
    const char *trace_plain;/* and of its calls that need no test (emit_trace.c) */
    /* closures: a def inside a function, and every lambda (def is then the LAMBDA,
       whose body desugar.c made a 'return' of its value) */
    bool closure;           /* each run of the def makes a new function object that keeps its
                               defaults and its cells (pyx_rt_closure_new) */
    bool nested;            /* defined inside a function or comprehension (CO_NESTED) */
    PyxFunc *parent;        /* the function it is defined in, or NULL */
    const char *qualname;   /* __qualname__: 'outer.<locals>.inner' */
    PyxSymbol **freevars;   /* the enclosing functions' variables it uses (cells from its
                               closure), in co_freevars order (by name) */
    PyxSymbol **closure_src;   /* each one's symbol where the def runs: the cells the closure
                                  is made of */
    int nfree;
    /* locals(), vars() and dir() without arguments (check_locals.c) */
    bool uses_locals;       /* the body calls one: no local is inferred to a C type */
    PyxSymbol **view;       /* the variables they show, in CPython 3.11's order */
    int nview;
    PyxSymbol *frame_locals;   /* the dict they fill (a local of the function) */
    /* generators (emit_gen.c): a def whose body yields */
    bool generator;
    bool coroutine;         /* an 'async def': its generator is a coroutine */
    bool async_gen;         /* an 'async def' that yields: an async generator (also coroutine) */
    const char *gen_body;   /* pyx_gb_<mod>_<name>: the resumable body */
    const char *gen_frame;  /* pyx_gs_<mod>_<name>: the struct of its frame */
    const char *gen_def;    /* pyx_gdef_<name>: its PyxRtGenDef */
};

/* A plain Python class statement (check_class.c decides, emit_class.c
   follows): the body runs inline where the statement stands, filling the
   namespace __prepare__ made; then the metaclass makes the class. */
typedef struct PyxClass {
    PyxNode *def;
    const char *name;
    const char *qualname;   /* __qualname__, as CPython 3.11's compiler names it */
    PyxSymbol *cell;        /* the implicit __class__ cell its methods use (super()), a hidden
                               local of where the statement runs; NULL when none uses it */
    PyxNodeList decorators; /* top first: evaluated before the bases, applied bottom-up */
    const char *doc;        /* docstring (__doc__), or NULL */
    int doc_len;
    bool annotations;       /* the body annotates a name: __annotations__ is made first */
    PyxAnnotation *anns;    /* each annotated assignment's annotation: expr is the ASSIGN,
                               text the string stored for it (NULL: its value evaluated) */
    int nanns;
} PyxClass;

typedef struct PyxModuleInfo {
    const char *name;       /* module name: 'my_module' (the last part of qualname) */
    const char *qualname;   /* the full dotted name: 'pkg.my_module' */
    PyxNaming naming;       /* mints the C names (naming.h) */
    PyxNode *ast;
    PyxFunc **funcs;
    int nfuncs, cap_funcs;
    PyxSymbol **cglobals;   /* module-level cdef variables */
    int ncglobals, cap_cglobals;
    PyxFunc *init;          /* the module body as a function (its locals are C temps) */
    bool setup_annotations; /* the body annotates a variable: __annotations__ = {} first */
    PyxDirectives directives;  /* the module's: defaults, then the '# cython:' header */
    const char *doc;
    int doc_len;
    const char **includes;  /* C headers from cimports and extern blocks */
    int nincludes, cap_includes;
    PyxSymbol **init_locals;  /* C locals of the module body (comprehension variables) */
    int ninit_locals, cap_init_locals;
    PyxFunc *first_profiled;  /* the first function profile.c profiles, or NULL */
    /* the first construct that needs a newer Python than 3.8 ('match': 3.10),
       which the driver checks against the target interpreter */
    const char *needs_what;   /* "match statements", or NULL */
    int needs_hexversion;     /* sys.hexversion of the first version that has it */
    PyxLoc needs_loc;
} PyxModuleInfo;

PyxModuleInfo *pyx_sema(PyxArena *a, PyxNode *module, const char *modname, PyxDiag *d);

#endif
