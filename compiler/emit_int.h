/* emit_int.h - what the emitter's files share (private to compiler/emit*.c).
 *
 * The emitter turns the typed AST into C text.  Emit is the module being
 * written (constants, statics, functions); Fn is one C function being
 * written (its declarations, body, temps, labels and the error and return
 * labels in force); Val is the C text of one evaluated expression with its
 * type and whether it names an owned reference.
 */
#ifndef PYX_EMIT_INT_H
#define PYX_EMIT_INT_H

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "flow.h"
#include "map.h"

/* ---- text buffers ------------------------------------------------------------ */

typedef PyxBuf Buf;

/* Marks where the C file's own line numbers resume after #line directives
   into the source; pyx_emit_module replaces it once line numbers are known. */
#define LINE_RESET "#line PYX_RESET\n"

/* Constants per function of pyx_init_constants: one function for
   thousands of them costs gcc more than linear time. */
#define CONST_PART 256

/* ---- module and function state ------------------------------------------------ */

typedef struct Emit {
    PyxArena *a;
    PyxModuleInfo *m;
    const PyxEmitOptions *o;
    Buf consts;        /* static PyObject *pyx_k_N; */
    Buf const_init;    /* creates them, in functions of CONST_PART each */
    int nconst_units;
    int nconsts;
    PyxMap names;      /* interned identifier -> its pyx_n_<i> */
    PyxMap gcaches;    /* global or builtin name read -> its PyxRtGlobalCache pyx_gc_<i> */
    PyxMap numbers;    /* C literal of an int or float constant -> its pyx_k_<i> */
    Buf statics;       /* defaults and method defs */
    Buf funcs;
    Buf protos;
    /* the file names, escaped once: string literals and comment text */
    const char *src_lit, *src_comment, *line_lit, *c_lit;
} Emit;

typedef struct Label {
    const char *name;
    bool used;            /* something jumps here */
    int njumps;           /* how many gotos (jump()) */
    struct Label *skip;   /* error labels: the same place after this frame's
                             traceback entry, for errors that already have it */
} Label;

typedef struct Loop {
    bool break_by_goto;       /* 'break' jumps to brk (the C loop is not the user's loop's end) */
    Label *brk;
    int in_flight;            /* Fn.nin_flight when the loop began */
    bool poll;                /* each iteration checks for signals (PYX_SF(POLLS)) */
    Label *outer_brk, *outer_cont;   /* Fn.brk and Fn.cont around the loop */
    unsigned trace_line;      /* line-traced: the header line, reported each time round */
} Loop;

typedef struct Fn {
    Emit *E;
    PyxFunc *f;             /* NULL for the module body */
    Buf decl, body;
    int indent;
    int ntemp, nlabel;
    const char **otemps;    /* object temps: released at the error label */
    int notemps, cap_otemps;
    Label *err, *ret;       /* where errors and returns go now */
    Label *brk, *cont;      /* where break and continue go from a block that must clean up on
                               the way out (finally, with, except handler); NULL: to the loop */
    Label err_main, ret_main, err_main_skip;
    Loop *loops;            /* the loops around the statement being written */
    int nloops, cap_loops;
    const char **in_flight; /* saved exceptions of the finally blocks being run because
                               of one: a break, continue or return out of the block drops it */
    int nin_flight, cap_in_flight;
    const char *tb_name;    /* function name in tracebacks */
    int lineno_used;
    bool poll_declared;     /* 'unsigned pyx_poll', the iteration count of signal checks */
    bool trace_lines;       /* linetrace: statements report their lines (emit_trace.c) */
    bool gen;               /* a generator's resumable body (emit_gen.c) */
    const char **resumes;   /* its yield points' labels, in order */
    int nresume, cap_resume;
    PyxClass *cls;          /* the class whose body is being written inline (emit_class.c), */
    const char *cls_ns;     /* and the C temp holding its namespace; NULL outside class bodies */
} Fn;

typedef struct Val {
    const char *c;
    PyxType *t;
    bool owned;     /* c is a temp holding a new reference */
} Val;

#define A (fn->E->a)

typedef void (*BodyFn)(Fn *fn, void *ctx);

/* cwriter.c */
void buf_printf(PyxArena *a, Buf *b, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void buf_append(PyxArena *a, Buf *dst, const Buf *src);
void line(Fn *fn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
Label *new_label(Fn *fn, const char *what);
Label *new_error_label(Fn *fn, const char *what);
void place_label(Fn *fn, Label *l);
bool drop_trailing_jump(Fn *fn, Label *l);
const char *jump(Label *l);
const char *temp(Fn *fn, PyxType *t);
void check(Fn *fn, const char *cond, PyxLoc loc);
void goto_error(Fn *fn, PyxLoc loc);
void release(Fn *fn, Val v);
Val cval(const char *c, PyxType *t);
void close_blocks(Fn *fn, int n);
void push_loop(Fn *fn, const Loop *loop);
void pop_loop(Fn *fn);
void emit_loop_exit(Fn *fn, bool is_continue);
void leave_to_loop(Fn *fn);
void start_iteration(Fn *fn, const Loop *loop, PyxLoc loc);
const char *c_string(PyxArena *a, const char *s, uint32_t len);
const char *c_comment_text(PyxArena *a, const char *s, size_t len);

/* emit_conv.c */
const char *new_const(Emit *E, const char *init_fmt, const char *arg1, uint32_t n);
const char *name_const(Emit *E, const char *name);
const char *global_cache(Emit *E, const char *name);
const char *attr_cache(Emit *E, const char *name);
const char *int_const(Emit *E, int64_t v);
const char *float_const(Emit *E, const char *c_literal);
const char *str_const(Emit *E, PyxNode *s);
const char *strip_underscores(PyxArena *a, const char *s);
Val to_object(Fn *fn, Val v, PyxLoc loc);
const char *to_new_ref(Fn *fn, Val v, PyxLoc loc);
const char *type_object_of(PyxBuiltin b);
Val coerce(Fn *fn, Val v, PyxType *to, PyxLoc loc);
void move_into(Fn *fn, const char *res, Val v);
Val materialize(Fn *fn, Val v);
void store_object(Fn *fn, const char *dst, Val v, PyxLoc loc);

/* emit_expr.c */
Val emit_name(Fn *fn, PyxNode *e);
Val object_binop(Fn *fn, int op, Val l, Val r, bool inplace, PyxLoc loc);
const char *emit_cond(Fn *fn, PyxNode *e);
const char *exc_test(Fn *fn, PyxFunc *f, const char *res);
Val emit_key(Fn *fn, PyxNode *right);
Val emit_expr(Fn *fn, PyxNode *e);
Val emit_value(Fn *fn, PyxNode *e);
const char *float_literal(PyxArena *a, const char *text);
Val c_arith(Fn *fn, int op, Val l, Val r, PyxType *t, bool cdiv, int64_t k, bool ints, PyxLoc loc);
bool python_int(PyxNode *e);

/* emit_stmt.c */
void emit_line_marker(Fn *fn, PyxNode *s);
void assign_to(Fn *fn, PyxNode *target, Val v);
void store_symbol(Fn *fn, PyxSymbol *sym, Val v, PyxLoc loc);
Val emit_comprehension(Fn *fn, PyxNode *e);
void emit_stmts(Fn *fn, PyxNodeList *body);
void emit_genexp_loops(Fn *fn, PyxNode *e);

/* emit_exc.c */
void emit_try_finally(Fn *fn, PyxNode *s);
void emit_with_items(Fn *fn, PyxNode *s, int k);
void emit_try_except(Fn *fn, PyxNode *s);
void emit_try_except_star(Fn *fn, PyxNode *s);

/* emit_trace.c */
void trace_enter(Fn *fn);
void trace_shell(Fn *fn, Buf *out);
void trace_protos(Emit *E, PyxFunc *f);
const char *trace_callee(Fn *fn, PyxFunc *f);
const char *trace_exception(Fn *fn);
void trace_statement(Fn *fn, PyxNode *s);
void trace_line_at(Fn *fn, unsigned line);
void open_loop(Fn *fn, const Loop *loop, const char *init, const char *cond, const char *step);
void trace_module_header(Emit *E, FILE *out);
void trace_module_init(Emit *E, Buf *out);

/* emit_annot.c */
void emit_annotation_target(Fn *fn, PyxNode *s);
void emit_annotation(Fn *fn, PyxNode *s);

/* emit_locals.c */
Val emit_frame_call(Fn *fn, PyxNode *e);

/* emit_match.c */
void emit_match(Fn *fn, PyxNode *s);

/* emit_gen.c */
Val emit_yield(Fn *fn, PyxNode *e);
void emit_yield_value(Fn *fn, PyxNode *value);
Val emit_genexp(Fn *fn, PyxNode *e);
Val emit_await_value(Fn *fn, Val aw, const char *where, PyxLoc loc, const char *cleanup, Label *on_stop);
void emit_async_for(Fn *fn, PyxNode *s);
const char *emit_async_loop(Fn *fn, PyxNode *target, PyxNode *iterable, Loop *loop, Label *natural, BodyFn body,
                            void *ctx);
void emit_generator(Emit *E, PyxFunc *f);

/* emit_func.c */
void fn_init(Fn *fn, Emit *E, PyxFunc *f, const char *tb_name);
const char *c_signature(Emit *E, PyxFunc *f);
const char *c_signature_as(Emit *E, PyxFunc *f, const char *name, const char *first);
void declare_default_slots(Emit *E, PyxFunc *f);
void emit_function(Emit *E, PyxFunc *f);
void emit_wrapper(Emit *E, PyxFunc *f);
void emit_def_statement(Fn *fn, PyxNode *s);
Val emit_closure(Fn *fn, PyxNode *def);
Val owned_object(Fn *fn, Val v, PyxLoc loc);
const char *text_const(Emit *E, const char *text);

/* emit_class.c */
Val class_name_load(Fn *fn, PyxSymbol *sym, PyxLoc loc);
void class_name_store(Fn *fn, PyxSymbol *sym, Val v, PyxLoc loc);
void class_name_delete(Fn *fn, PyxSymbol *sym, PyxLoc loc);
void class_name_unbind(Fn *fn, PyxSymbol *sym);
void emit_class_annotation(Fn *fn, PyxNode *s);
Val emit_super_call(Fn *fn, PyxNode *e);
void emit_class_statement(Fn *fn, PyxNode *s);

#endif
