/* sema_int.h - what the checker's files share (private to sema.c,
 * declare.c, libc.c, infer.c and check_*.c).
 *
 * Sema is the state of one module's check: the scope chain, the function
 * being checked, and the loop depth that decides whether break and
 * continue may stand.
 */
#ifndef PYX_SEMA_INT_H
#define PYX_SEMA_INT_H

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "flow.h"
#include "map.h"
#include "symtable.h"
#include "sema.h"

/* ---- scopes --------------------------------------------------------------- */

typedef struct Scope Scope;
struct Scope {
    Scope *parent;
    PyxMap syms;           /* name -> PyxSymbol *, in order of declaration */
    PyxFunc *func;         /* NULL for the module scope */
    PyxScope *py;          /* functions: symtable.c's scope, which says which names are
                              local and which global */
    const char *mangle;    /* inside a class (its body, its methods): the class's name, which
                              private names ('__x') are mangled with */
    PyxSymbol *class_cell; /* a class body's: its implicit __class__ cell, or NULL */
};

typedef struct Sema {
    PyxArena *a;
    PyxDiag *d;
    PyxModuleInfo *m;
    Scope *builtins;       /* parent of the module scope */
    Scope *module;
    Scope *scope;          /* current */
    PyxFunc *func;         /* current function, NULL at module level */
    int loop_depth;
    int star_loops;        /* loop_depth at the except* clause being checked, else -1 */
    bool star_import;      /* the module has 'from m import *': no name is known to be a builtin */
    int infer_pass;        /* 1 while collecting assignment types for inference */
    PyxDirectives *dirs;   /* the directives in force */
    PyxClass *cls;         /* the class whose body is being checked (statements directly in it,
                              not its methods), or NULL */
} Sema;

/* sema.c */
Scope *new_scope(Sema *S, Scope *parent, PyxFunc *func);
void check_closure(Sema *S, PyxNode *def);
void check_genexp(Sema *S, PyxNode *e);
void check_genexp_body(Sema *S, PyxNode *e);
PyxSymbol *scope_find(Scope *s, const char *name);
PyxSymbol *scope_add(Sema *S, Scope *s, PyxSymKind kind, const char *name, PyxType *t, PyxLoc loc);
PyxSymbol *lookup(Sema *S, const char *name);
const char *mangled(Sema *S, const char *name);
const char *scope_qualname(Sema *S, const PyxScope *s);
void unsupported(Sema *S, PyxNode *n, const char *what);
PyxType *type_error(PyxNode *n);

/* declare.c */
PyxType *resolve_ctype(Sema *S, PyxNode *n);
void add_include(Sema *S, const char *header);
void declare_module(Sema *S, PyxNodeList *body);
bool captured(Sema *S, const char *name);
bool capturable(Sema *S, PyxSymbol *sym, PyxLoc loc);
void bind_local(Sema *S, const char *name, PyxLoc loc);
PyxFunc *declare_closure(Sema *S, PyxNode *def, const char *qualname);
void collect_declarations(Sema *S, PyxNodeList *body, bool top);

/* check_debug.c */
void check_debug_names(Sema *S, PyxNode *module);

/* check_locals.c */
bool calls_locals(PyxNodeList *body);
void decide_locals_view(Sema *S, PyxFunc *f, Scope *fs);
bool check_frame_call(Sema *S, PyxNode *e, const char *builtin);

/* check_annot.c */
void check_annotated_assign(Sema *S, PyxNode *s);

/* signature.c */
bool is_python_source(const PyxNode *n);
bool future_annotations(const PyxNode *module);
void decide_signature(Sema *S, PyxFunc *f, const char *stem);
bool annotation_as_text(Sema *S, PyxNode *ann, const char **text);

/* libc.c */
void declare_libc(Sema *S, PyxNode *stmt, PyxNode *alias);

/* infer.c */
bool is_range_call(Sema *S, PyxNode *it);
void mark_arith(Sema *S, PyxNode *e, bool operand);
void infer_locals(Sema *S, PyxFunc *f);

/* check_expr.c */
bool parse_int_literal(const char *s, int64_t *value);
bool fold_int_op(int op, int64_t a, int64_t b, int64_t *r);
long const_int_value(Sema *S, PyxNode *e, bool *ok);
PyxType *set_type(PyxNode *e, PyxType *t);
void convert_to(PyxNode *e, PyxType *t);
bool check_boxable(Sema *S, PyxNode *e, const char *what);
bool check_unpacked(Sema *S, PyxNode *e, const char *what);
bool is_parallel_assign(const PyxNode *target, const PyxNode *value);
PyxType *check_name(Sema *S, PyxNode *e);
PyxType *check_expr(Sema *S, PyxNode *e);
PyxType *check_iterable(Sema *S, PyxNode *it);
bool bytes_literal_to_char_ptr(PyxNode *value, PyxType *to);
void check_assignable(Sema *S, PyxNode *value, PyxType *to, const char *what);

/* check_call.c */
PyxType *check_call(Sema *S, PyxNode *e);

/* check_match.c */
void check_match(Sema *S, PyxNode *s);

/* check_class.c */
void check_class(Sema *S, PyxNode *s);
bool check_super_call(Sema *S, PyxNode *e);
void check_class_annotation(Sema *S, PyxNode *s);

/* check_stmt.c */
void check_target(Sema *S, PyxNode *t, PyxNode *value);
void set_loop_kind(Sema *S, PyxNode *loop, PyxNode *target, PyxNode *iter);
void check_def_parts(Sema *S, PyxNode *s);
void bind_def_name(Sema *S, PyxNode *def);
void check_stmt(Sema *S, PyxNode *s);
void check_stmts(Sema *S, PyxNodeList *body);

#endif
