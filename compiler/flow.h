/* flow.h - control flow of a function body, and the analyses on it.
 *
 * pyxc keeps the AST and lays a control-flow graph over it (the way
 * Cython's FlowControl does) rather than lowering bodies to an IR: the
 * emitter stays a tree walker, and the graph carries what the analyses need.
 * A block is a straight run of operations on the function's local variables
 * -- a use, a definition, a deletion, a yield -- each pointing back to its
 * node; edges are the normal successors plus one exception edge, to the
 * innermost handler (or out of the function).  An exception can leave a
 * block before any of its operations, so a handler sees the state at the
 * entry of every block it protects.
 *
 * On the graph:
 *   - definite assignment: every use of a local that is bound on every path
 *     to it gets PYX_SF(BOUND), so emit writes no unbound-local check there;
 *     a use that is not gets none, and its variable is noted as possibly
 *     unbound (a C-typed local cannot raise UnboundLocalError, so inference
 *     keeps such a variable a Python object);
 *   - liveness: the locals live across each yield point (what a generator's
 *     frame must keep), and whether the end of the body is reachable.
 * (Whether code can raise is decided on the typed tree: analysis.c.)
 */
#ifndef PYX_FLOW_H
#define PYX_FLOW_H

#include <stdbool.h>
#include <stdint.h>

#include "ast.h"
#include "map.h"

typedef enum PyxFlowOpKind {
    PYX_FLOW_USE,     /* reads the variable (node: the NAME) */
    PYX_FLOW_DEF,     /* binds it */
    PYX_FLOW_DEL,     /* unbinds it ('del x', the end of 'except E as x') */
    PYX_FLOW_YIELD,   /* a yield, yield from or await (var -1) */
} PyxFlowOpKind;

typedef struct PyxFlowOp {
    uint8_t kind;
    int var;          /* index into PyxFlow.vars, -1 for YIELD */
    PyxNode *node;
} PyxFlowOp;

typedef struct PyxFlowBlock {
    PyxFlowOp *ops;
    int nops, cap_ops;
    int *succ;        /* normal successors */
    int nsucc, cap_succ;
    int exc;          /* where an exception goes: a block, or -1 (out of the function) */
} PyxFlowBlock;

/* The variables a function's flow tracks: its locals, by name.  'bound'
   marks those bound on entry (parameters, and C variables, which C
   initialises). */
typedef struct PyxFlowVar {
    const char *name;
    bool bound_on_entry;
    bool maybe_unbound;   /* result: some use may find it unbound */
} PyxFlowVar;

typedef struct PyxFlowYield {
    PyxNode *node;
    uint64_t *live;       /* bitset over vars: live across this yield */
} PyxFlowYield;

typedef struct PyxFlow {
    PyxArena *a;
    PyxFlowBlock *blocks;
    int nblocks, cap_blocks;
    int entry, exit;      /* exit: where returns and the end of the body go */
    int end;              /* the block where the body's last statement ends, or -1 */
    PyxFlowVar *vars;
    int nvars, cap_vars;
    PyxMap var_index;     /* name -> index + 1 */
    int words;            /* uint64_t words in a bitset over vars */
    bool falls_off_end;   /* result: the end of the body is reachable */
    PyxFlowYield *yields;
    int nyields, cap_yields;
} PyxFlow;

/* A flow over 'body' whose variables are added with pyx_flow_var first. */
PyxFlow *pyx_flow_new(PyxArena *a);
void pyx_flow_var(PyxFlow *f, const char *name, bool bound_on_entry);
/* Builds the graph of a function body (after its variables are added). */
void pyx_flow_build(PyxFlow *f, PyxNodeList *body);

/* Definite assignment: sets PYX_SF(BOUND) on the uses that are always
   bound, maybe_unbound on variables with a use that is not, and
   falls_off_end. */
void pyx_flow_definite_assignment(PyxFlow *f);
/* Liveness: fills yields[i].live. */
void pyx_flow_liveness(PyxFlow *f);

bool pyx_flow_bit(const uint64_t *set, int i);

#endif
