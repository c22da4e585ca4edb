/* symtable.h - Python's scopes, decided as CPython's symtable.c decides them.
 *
 * pyx_symtable walks the lowered AST once, before any typing, and builds the
 * tree of scopes: the module, every function (def, cdef, cpdef, async def),
 * lambda, class body and comprehension (list, set, dict, generator), each
 * attached to the node that opens it (node->scope).  Every name a scope
 * binds or uses gets one entry with CPython's classification:
 *
 *   LOCAL             bound in this function (assignment, parameter, import,
 *                     def/class statement, for/with/except target, del,
 *                     walrus, match capture, cdef declaration) and not
 *                     captured by a nested scope;
 *   CELL              a LOCAL that a nested scope uses (lives in a cell);
 *   FREE              used here, bound in an enclosing function (or declared
 *                     nonlocal);
 *   GLOBAL_EXPLICIT   declared 'global' here;
 *   GLOBAL_IMPLICIT   used here, bound nowhere in the enclosing functions
 *                     (module globals and builtins).
 *
 * As in CPython, a name the module body binds is LOCAL in the module scope
 * (CPython's symtable module calls it both local and global), and a name a
 * module or class body only uses is GLOBAL_IMPLICIT there.
 *
 * with CPython's special cases: class bodies bind names that their methods
 * do not see; a method using super() or __class__ makes the class scope
 * provide an implicit __class__ cell; a comprehension's first iterable is
 * evaluated in the enclosing scope; walrus targets in a comprehension bind
 * in the enclosing function; a name that is global in a class but free in a
 * method follows CPython (DEF_FREE_CLASS).  Errors CPython's symtable
 * reports (nonlocal at module level, no binding for nonlocal, name both
 * parameter and global, name used/assigned before its global/nonlocal
 * declaration, ...) are reported with CPython's wording.
 *
 * Cython declarations bind too: 'cdef int x' in a function makes x local;
 * at module level cdef variables, cdef/cpdef functions, extern names,
 * ctypedefs, structs, enums and cimported names are module-level bindings
 * (PYX_SYMF_C marks them).
 */
#ifndef PYX_SYMTABLE_H
#define PYX_SYMTABLE_H

#include <stdio.h>

#include "ast.h"
#include "diag.h"
#include "map.h"

typedef enum PyxScopeKind {
    PYX_SCOPE_MODULE,
    PYX_SCOPE_FUNCTION,      /* def, cdef, cpdef, async def */
    PYX_SCOPE_LAMBDA,
    PYX_SCOPE_CLASS,         /* class body (also cdef class) */
    PYX_SCOPE_COMPREHENSION, /* list/set/dict comprehension, generator expression */
    PYX_SCOPE_ANNOTATION,    /* PEP 695 (Python 3.12): the type parameters of a generic
                                def/class ('<generic parameters of NAME>') and the value of
                                a 'type X = ...' alias ('X'); function-like.  Also the hidden
                                scope of an annotation under 'from __future__ import
                                annotations', which is in no children list (as in CPython) */
} PyxScopeKind;

typedef enum PyxBinding {
    PYX_BIND_LOCAL,
    PYX_BIND_CELL,
    PYX_BIND_FREE,
    PYX_BIND_GLOBAL_EXPLICIT,
    PYX_BIND_GLOBAL_IMPLICIT,
} PyxBinding;

/* What a scope does with a name (PyxScopeEntry.flags). */
#define PYX_SYMF_ASSIGNED    (1u << 0)   /* bound here by anything but a parameter or an import
                                            (CPython's DEF_LOCAL): assignment, def/class,
                                            for/with/except target, del, walrus, match
                                            capture, 'x: T' (even without a value), cdef */
#define PYX_SYMF_PARAM       (1u << 1)   /* a parameter */
#define PYX_SYMF_USED        (1u << 2)   /* read here */
#define PYX_SYMF_GLOBAL      (1u << 3)   /* 'global' statement */
#define PYX_SYMF_NONLOCAL    (1u << 4)   /* 'nonlocal' statement */
#define PYX_SYMF_IMPORTED    (1u << 5)   /* bound by import */
#define PYX_SYMF_ANNOTATED   (1u << 6)   /* 'x: T' annotation */
#define PYX_SYMF_COMP_ITER   (1u << 7)   /* a comprehension's loop target */
#define PYX_SYMF_DELETED     (1u << 8)   /* 'del x' (with ASSIGNED, as in CPython) */
#define PYX_SYMF_C           (1u << 9)   /* a Cython declaration (cdef, extern, cimport, ctypedef,
                                            struct, enum and its values, fused, DEF, cdef class,
                                            cdef/cpdef function, C-typed parameter) */
#define PYX_SYMF_FREE_CLASS  (1u << 10)  /* free in a method, bound in the class (CPython DEF_FREE_CLASS) */
#define PYX_SYMF_NAMESPACE   (1u << 11)  /* a nested scope has this name (CPython's is_namespace():
                                            def and class, but a mangled '__f' is not one) */
/* Any binding form: what makes a name LOCAL (CPython's DEF_BOUND). */
#define PYX_SYMF_BOUND       (PYX_SYMF_ASSIGNED | PYX_SYMF_PARAM | PYX_SYMF_IMPORTED)

typedef struct PyxScope PyxScope;

typedef struct PyxScopeEntry {
    const char *name;
    unsigned flags;            /* PYX_SYMF_* */
    PyxBinding binding;
    PyxLoc loc;                /* where the scope first binds or uses it */
    struct PyxSymbol *sym;     /* sema's symbol for it, once sema has made one */
    bool captured;             /* sema: a def or lambda inside uses it as a free variable, so it
                                  lives in a cell (a comprehension that uses it runs inline and
                                  needs none) */
} PyxScopeEntry;

struct PyxScope {
    PyxScopeKind kind;
    const char *name;          /* 'top' for the module, the def/class name, 'lambda',
                                  'listcomp', 'setcomp', 'dictcomp', 'genexpr' (CPython's names) */
    PyxNode *node;             /* MODULE, FUNCTION_DEF, LAMBDA, CLASS_DEF, *_COMP, GENERATOR
                                  (FUNCTION_DEF, CLASS_DEF or TYPE_ALIAS for ANNOTATION) */
    unsigned line;             /* CPython's line for it: 0 for the module, the 'def' or
                                  'class' line of a decorated definition */
    PyxScope *parent;
    PyxScope **children;       /* in CPython's order: source order, except that a def's
                                  defaults and annotations come before its decorators, a
                                  try's else before its handlers, an assignment's targets
                                  before its value and a dict display's keys before its values */
    int nchildren, cap_children;
    PyxMap entries;            /* name -> PyxScopeEntry *, in order of first appearance
                                  (names only passing through to nested scopes last) */
    bool is_generator;         /* contains yield / yield from (or is a generator expression) */
    bool is_coroutine;         /* async def, or an async comprehension */
    bool has_free;             /* has FREE entries: uses free variables of enclosing
                                  scopes or passes them on to nested ones (co_freevars) */
    bool child_has_free;       /* some nested scope does */
    bool needs_class_cell;     /* CLASS: a method uses super() or __class__ */
    PyxScopeEntry *class_cell; /* CLASS with needs_class_cell: the implicit '__class__' cell,
                                  which CPython keeps out of the class's own names (so it is
                                  not in entries); pyx_scope_resolve returns it */
    bool has_star_import;      /* 'from m import *' (module only in Python 3) */
};

/* Builds the scopes of a lowered module and sets node->scope on every node
   that opens one.  Returns the module scope; errors go to d (the tree is
   still complete after errors). */
PyxScope *pyx_symtable(PyxArena *a, PyxNode *module, PyxDiag *d);

/* The entry for name in scope s itself (no search of enclosing scopes), or NULL.
   Names are stored as CPython stores them: inside a class body (and the functions
   in it) a private '__x' is '_C__x' (pyx_symtable_mangle). */
PyxScopeEntry *pyx_scope_entry(const PyxScope *s, const char *name);

/* The entry that decides what name means when it is used in scope s: s's
   own entry for LOCAL/CELL/GLOBAL_*, and for FREE the entry of the
   enclosing function scope that binds it (its CELL; for '__class__' the
   class's class_cell).  NULL when s has no entry for name. */
PyxScopeEntry *pyx_scope_resolve(const PyxScope *s, const char *name);

/* name as it is stored in a scope inside class 'class_name' (NULL: none): '__x' becomes
   '_C__x' unless it ends in '__' or has a dot; a class named only '_'s mangles nothing. */
const char *pyx_symtable_mangle(PyxArena *a, const char *class_name, const char *name);

/* pyxc --dump-symtable: every scope and every entry, in a stable text form
   that tests/symtable/cpython_symtable.py prints for CPython's own symtable
   module, so that the two can be compared on any Python file. */
void pyx_symtable_dump(FILE *out, const PyxScope *top);

#endif
