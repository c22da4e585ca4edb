/* ast.h - pyxc's abstract syntax tree.
 *
 * lower.c builds it once from the tree-sitter CST; no later phase sees a
 * tree-sitter node.  One struct, PyxNode, serves every kind: a kind uses the
 * named child slots and lists that make sense for it (documented per kind
 * below) and leaves the others NULL/empty.  That keeps traversal and the
 * --dump-ast printer generic, and lets types.c annotate any node in place
 * (the 'type' field) without side tables.
 *
 * The tree covers all of Python 3 and the Cython language, so later issues
 * add semantics, not syntax.  C types as written in the source are nodes too
 * (PYX_NODE_CTYPE_*); types.c turns them into semantic PyxType values.
 */
#ifndef PYX_AST_H
#define PYX_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "source.h"

typedef struct PyxNode PyxNode;
typedef struct PyxType PyxType;   /* semantic types: types.h */

typedef struct PyxNodeList {
    PyxNode **items;
    int len, cap;
} PyxNodeList;

/* ORDER PYX_NODE: keep node_names[] in ast.c in step. */
#define PYX_NODE_KINDS(X) \
    /* module: body */ \
    X(MODULE) \
    /* ---- statements ---- */ \
    X(EXPR_STMT)      /* value */ \
    X(ASSIGN)         /* items = targets (a = b = v has two), value, annotation (PEP 526 'x: T = v') */ \
    X(AUG_ASSIGN)     /* target op= value */ \
    X(DELETE)         /* items */ \
    X(PASS) X(BREAK) X(CONTINUE) \
    X(RETURN)         /* value? */ \
    X(RAISE)          /* value? (the exception), cause? */ \
    X(GLOBAL) X(NONLOCAL) /* items = NAMEs */ \
    X(ASSERT)         /* test, value? (message) */ \
    X(IMPORT)         /* items = ALIASes (name = dotted module, asname) */ \
    X(IMPORT_FROM)    /* name = module or NULL, level (leading dots), items = ALIASes; flags STAR */ \
    X(ALIAS)          /* name, asname */ \
    X(IF)             /* test, body, orelse (an elif is an IF alone in orelse) */ \
    X(WHILE)          /* test, body, orelse */ \
    X(FOR)            /* target, value = iterable, body, orelse; flags ASYNC */ \
    X(WITH)           /* items = WITH_ITEMs, body; flags ASYNC */ \
    X(WITH_ITEM)      /* value = context expr, target? */ \
    X(TRY)            /* body, handlers, orelse, finalbody; flags STAR for except* */ \
    X(EXCEPT)         /* value? = exception type, name?, body */ \
    X(FUNCTION_DEF)   /* name, params, body, decorators, annotation = return annotation, \
                         ctype = C return type (cdef/cpdef), except_clause, type_params; \
                         flags ASYNC CDEF CPDEF INLINE NOGIL WITH_GIL PUBLIC API NOEXCEPT; \
                         a cdef declaration without body has flags DECL_ONLY; \
                         asname = C name ('int f "c_f"()'); type_params = TYPE_PARAMs of a C++ \
                         template function ('T f[T](T)'); flags CONST (C++ const method), \
                         STDCALL CDECL FASTCALL (calling convention); name 'operator==' etc. */ \
    X(PARAM)          /* name (NULL in 'cdef int f(int)' declarations), annotation?, ctype?, \
                         value? = default; op = PyxParamKind; flags NOT_NONE OR_NONE, \
                         STAR for the '.pxd' default marker 'x=*' */ \
    X(EXCEPT_CLAUSE)  /* Cython 'except' clause: value?; flags EXC_CHECK ('?'), EXC_STAR ('*'), EXC_PLUS ('+'); \
                         'except +*' has EXC_PLUS and EXC_STAR */ \
    X(CLASS_DEF)      /* name, items = bases, keywords, body, decorators, type_params; flags CDEF PUBLIC API; \
                         a cdef class may have target = NAME of its module ('cdef extern class \
                         mod.Name', 'ctypedef class mod.Name'), asname = 'as' name, and in \
                         keywords its options '[object O, type T, check_size C]' as KEYWORDs; \
                         flags DECL_ONLY when it has no body */ \
    X(PROPERTY)       /* name, body: legacy Cython 'property name:' block of __get__/__set__/__del__ */ \
    X(CPPCLASS_DEF)   /* name, asname = C name, type_params = template TYPE_PARAMs (flags STAR for \
                         'T=*'), items = base CTYPE_*s, body = declarations; flags NOGIL DECL_ONLY */ \
    X(MATCH)          /* value = subject, items = MATCH_CASEs */ \
    X(MATCH_CASE)     /* target = pattern, test? = guard, body */ \
    X(TYPE_ALIAS)     /* target, type_params, value */ \
    X(TYPE_PARAM)     /* name, value? = bound; op = 0 plain, 1 '*', 2 '**' */ \
    /* ---- Cython statements ---- */ \
    X(CDEF_VARS)      /* items = C_VARs; flags PUBLIC READONLY API; one 'cdef T a, *b = 1' line; \
                         'cdef x' (no type) gives x the type CTYPE_NAME 'object' */ \
    X(C_VAR)          /* name, ctype (declarator applied), value? = initialiser, asname? = C name */ \
    X(CDEF_BLOCK)     /* body: 'cdef:' followed by declarations; flags NOGIL PUBLIC READONLY */ \
    X(CTYPEDEF)       /* name, ctype, asname? = C name; or value = STRUCT_DEF/ENUM_DEF/CLASS_DEF \
                         it wraps; flags PUBLIC API */ \
    X(STRUCT_DEF)     /* name, asname? = C name, items = C_VARs (and FUNCTION_DEF members of \
                         function type); flags UNION PACKED PUBLIC */ \
    X(ENUM_DEF)       /* name?, asname? = C name, items = ENUMERATORs, ctype? = underlying type; \
                         flags CPDEF PUBLIC SCOPED ('enum class') */ \
    X(ENUMERATOR)     /* name, value?, asname? = C name */ \
    X(FUSED_DEF)      /* name, items = CTYPE_*s */ \
    X(EXTERN_BLOCK)   /* name = header ("*" for none), asname = namespace?, body; flags NOGIL */ \
    X(CIMPORT)        /* items = ALIASes */ \
    X(CIMPORT_FROM)   /* name = module, level, items = ALIASes; flags STAR */ \
    X(GIL_BLOCK)      /* test? = condition of 'with nogil(c):', body; flags NOGIL or WITH_GIL; \
                         'with nogil, cm():' puts a WITH for the other items in body */ \
    X(INCLUDE)        /* name = file */ \
    X(DEF_CONST)      /* name, value: compile-time 'DEF NAME = value' */ \
    X(COMPILE_IF)     /* test, body, orelse: compile-time 'IF/ELIF/ELSE' (an ELIF is a COMPILE_IF \
                         alone in orelse) */ \
    X(PRINT_STMT)     /* Python 2 'print x': kept so the checker can reject it by name */ \
    X(EXEC_STMT)      /* Python 2 'exec code' */ \
    /* ---- expressions ---- */ \
    X(NAME)           /* name */ \
    X(INT)            /* name = literal text as written (any base, underscores), without a C \
                         suffix: flags UNSIGNED for 'U', op = number of 'L's ('1ULL') */ \
    X(FLOAT)          /* name = literal text */ \
    X(IMAG)           /* name = literal text ('3j') */ \
    X(STR)            /* name/len = decoded value (UTF-8, may contain NUL); \
                         flags BYTES RAW UNICODE CHAR (c'x' literal); adjacent literals are joined; \
                         ESCAPED: name is in unicode-escape form (it holds \N{...} escapes) */ \
    X(FSTRING)        /* items = STR and FORMATTED parts */ \
    X(FORMATTED)      /* value, op = conversion char ('r','s','a') or 0, right? = format spec (FSTRING); \
                         f'{x=}' is lowered to the text 'x=' and a FORMATTED with conversion 'r' */ \
    X(TRUE) X(FALSE) X(NONE) X(ELLIPSIS) \
    X(BINOP)          /* left op right */ \
    X(UNARYOP)        /* op value */ \
    X(BOOLOP)         /* items = operands; op = AND/OR */ \
    X(NOT)            /* value */ \
    X(COMPARE)        /* left, items = COMPARATORs: 'a < b <= c' */ \
    X(COMPARATOR)     /* op, value */ \
    X(CALL)           /* value = callee, items = positional args (STARRED for *a), keywords */ \
    X(KEYWORD)        /* name (NULL for **mapping), value */ \
    X(STARRED)        /* value: '*x' in calls, targets, displays */ \
    X(DOUBLE_STARRED) /* value: '**m' in dict displays */ \
    X(ATTRIBUTE)      /* value . name */ \
    X(SUBSCRIPT)      /* value [ right ]  (right is a TUPLE for a[i, j]) */ \
    X(SLICE)          /* lower?, upper?, step? */ \
    X(TUPLE) X(LIST) X(SET) /* items */ \
    X(DICT)           /* items = DICT_ITEMs and DOUBLE_STARREDs */ \
    X(DICT_ITEM)      /* left = key, value */ \
    X(LIST_COMP) X(SET_COMP) X(GENERATOR) /* value = element, handlers = COMPREHENSIONs */ \
    X(DICT_COMP)      /* left = key, value, handlers = COMPREHENSIONs */ \
    X(COMPREHENSION)  /* target, value = iterable, items = if-conditions; flags ASYNC */ \
    X(LAMBDA)         /* params, value = body; after desugar.c: body = [RETURN value] */ \
    X(IF_EXP)         /* test, left = then value, right = else value */ \
    X(NAMED_EXPR)     /* target := value */ \
    X(AWAIT) X(YIELD) X(YIELD_FROM) /* value? */ \
    /* ---- Cython expressions ---- */ \
    X(CAST)           /* ctype, value; flags CHECKED for <T?>x */ \
    X(ADDRESS_OF)     /* value: &x */ \
    X(SIZEOF)         /* ctype or value */ \
    X(NEW)            /* ctype, items = arguments, keywords: C++ 'new T(args)' */ \
    /* ---- match patterns ---- */ \
    /* (a capture's target is the NAME it binds, made by desugar.c; sema records \
       op on PAT_VALUE: PYX_OP_IS for None/True/False, else PYX_OP_EQ; and on \
       PAT_SEQUENCE: a PyxSeqFetch) */ \
    X(PAT_VALUE)      /* value: literal or dotted name */ \
    X(PAT_CAPTURE)    /* name, target ('_' is the wildcard: name NULL) */ \
    X(PAT_SEQUENCE)   /* items */ \
    X(PAT_STAR)       /* name?, target? ('*rest', '*_') */ \
    X(PAT_MAPPING)    /* items = DICT_ITEM(left = key pattern, value = pattern), name?, target? = '**rest' */ \
    X(PAT_CLASS)      /* value = class (dotted name), items = positional patterns, keywords */ \
    X(PAT_KEYWORD)    /* name = value pattern */ \
    X(PAT_AS)         /* value = pattern, name, target */ \
    X(PAT_OR)         /* items */ \
    /* ---- C types as written ---- */ \
    X(CTYPE_NAME)     /* name = base name ('int', 'Py_ssize_t', 'MyStruct', 'cython.double', 'object'); \
                         op = number of 'long's; flags SIGNED UNSIGNED SHORT CONST VOLATILE COMPLEX; \
                         items, keywords = template/buffer arguments (np.ndarray[double, ndim=2]); \
                         ctype? = the template a nested type belongs to ('vector[int].iterator') */ \
    X(CTYPE_PTR)      /* ctype = pointee; flags CONST for 'T * const' */ \
    X(CTYPE_ARRAY)    /* ctype = element, value? = size */ \
    X(CTYPE_FUNC)     /* ctype = return type, params, except_clause?; flags NOGIL WITH_GIL NOEXCEPT \
                         STDCALL CDECL FASTCALL */ \
    X(CTYPE_REF)      /* ctype = referenced type: C++ 'T&' (op = 2 for 'T&&') */ \
    X(CTYPE_TUPLE)    /* items = component types: C tuple '(int, double)' */ \
    X(CTYPE_MEMVIEW)  /* ctype = element, items = MEMVIEW_DIMs */ \
    X(MEMVIEW_DIM)    /* lower?, upper?, step? : ':' ,'::1', '1:' */

typedef enum PyxNodeKind {
#define PYX_X(k) PYX_NODE_##k,
    PYX_NODE_KINDS(PYX_X)
#undef PYX_X
    PYX_NODE__COUNT
} PyxNodeKind;

/* Operators of BINOP, UNARYOP, AUG_ASSIGN, BOOLOP, COMPARATOR.
   ORDER PYX_OP: keep op_names[] in ast.c in step. */
#define PYX_OPS(X) \
    X(ADD, "+") X(SUB, "-") X(MUL, "*") X(MATMUL, "@") X(DIV, "/") X(FLOORDIV, "//") \
    X(MOD, "%") X(POW, "**") X(LSHIFT, "<<") X(RSHIFT, ">>") X(BITOR, "|") X(BITXOR, "^") \
    X(BITAND, "&") X(INVERT, "~") X(UPLUS, "+") X(UMINUS, "-") X(AND, "and") X(OR, "or") \
    X(EQ, "==") X(NE, "!=") X(LT, "<") X(LE, "<=") X(GT, ">") X(GE, ">=") X(IS, "is") \
    X(IS_NOT, "is not") X(IN, "in") X(NOT_IN, "not in")

typedef enum PyxOp {
    PYX_OP_NONE,
#define PYX_X(k, s) PYX_OP_##k,
    PYX_OPS(PYX_X)
#undef PYX_X
    PYX_OP__COUNT
} PyxOp;

/* PARAM op values.  ORDER PyxParamKind: keep param_kind_names[] in ast.c in step. */
typedef enum PyxParamKind {
    PYX_PARAM_NORMAL,    /* positional or keyword */
    PYX_PARAM_POSONLY,   /* before '/' */
    PYX_PARAM_KWONLY,    /* after '*' or '*args' */
    PYX_PARAM_VARARGS,   /* *args */
    PYX_PARAM_VARKW,     /* **kwargs */
    PYX_PARAM_CVARARGS,  /* '...' in a C declaration */
} PyxParamKind;

/* Node flags.  ORDER PYX_FLAG: keep flag_names[] in ast.c in step. */
#define PYX_FLAGS(X) \
    X(ASYNC) X(STAR) X(CDEF) X(CPDEF) X(INLINE) X(NOGIL) X(WITH_GIL) X(PUBLIC) \
    X(API) X(READONLY) X(NOEXCEPT) X(DECL_ONLY) X(NOT_NONE) X(OR_NONE) X(EXC_CHECK) \
    X(EXC_STAR) X(EXC_PLUS) X(BYTES) X(RAW) X(UNICODE) X(CHAR) X(CHECKED) \
    X(SIGNED) X(UNSIGNED) X(SHORT) X(CONST) X(VOLATILE) X(UNION) X(PACKED) X(PARENS) X(ESCAPED) \
    X(COMPLEX) X(SCOPED) X(STDCALL) X(CDECL) X(FASTCALL)

enum {
#define PYX_X(f) PYX_FLAGBIT_##f,
    PYX_FLAGS(PYX_X)
#undef PYX_X
    PYX_FLAGBIT__COUNT
};
#define PYX_F(f) (1ull << PYX_FLAGBIT_##f)

/* Child slots, in the order --dump-ast prints them.  ORDER PYX_SLOT: keep
   slot_names[] and the slot accessors in ast.c in step. */
#define PYX_SLOTS(X) \
    X(DECORATORS) X(TYPE_PARAMS) X(PARAMS) X(TARGET) X(TEST) X(LEFT) X(VALUE) X(RIGHT) \
    X(CAUSE) X(ANNOTATION) X(CTYPE) X(EXCEPT_CLAUSE) X(LOWER) X(UPPER) X(STEP) X(ITEMS) \
    X(KEYWORDS) X(BODY) X(HANDLERS) X(ORELSE) X(FINALBODY)

typedef enum PyxSlot {
#define PYX_X(s) PYX_SLOT_##s,
    PYX_SLOTS(PYX_X)
#undef PYX_X
    PYX_SLOT__COUNT
} PyxSlot;

/* How a CALL is made (sema decides, emit follows). */
typedef enum PyxCallKind {
    PYX_CALL_PYTHON,     /* a Python call (vectorcall) */
    PYX_CALL_METHOD,     /* 'obj.name(...)', a Python call of an attribute: the method is
                            looked up first (as CPython's LOAD_METHOD) and, when it is a
                            method descriptor, called with obj without a bound method */
    PYX_CALL_UNPACK,     /* a Python call with '*x' or '**m': tuple and dict built, PyObject_Call */
    PYX_CALL_C_FUNC,     /* this module's cdef/cpdef function, called in C: value->sym->func */
    PYX_CALL_C_EXTERN,   /* an extern C function or a C function pointer: value->sym */
    PYX_CALL_BUILTIN,    /* a builtin computed in C for C arguments: builtin */
    PYX_CALL_GLOBALS,    /* globals(): the module's dict; locals() and vars() at module level */
    PYX_CALL_LOCALS,     /* locals() and vars() in a function: a new dict of PyxFunc.view */
    PYX_CALL_DIR,        /* dir(): the sorted names of PyxFunc.view (or of the module) */
    PYX_CALL_EXEC,       /* exec() or eval() with one argument: the module's globals, and a
                            function's locals() */
    PYX_CALL_SUPER,      /* 'super()' with no arguments: callee, the __class__ cell (sym, NULL:
                            none) and the function's first argument (emit_class.c) */
} PyxCallKind;

/* Builtins computed in C (PYX_CALL_BUILTIN). */
typedef enum PyxBuiltinFn {
    PYX_BUILTIN_NONE, PYX_BUILTIN_LEN, PYX_BUILTIN_ABS, PYX_BUILTIN_MIN, PYX_BUILTIN_MAX,
    PYX_BUILTIN_FLOAT,
} PyxBuiltinFn;

/* How a FOR or COMPREHENSION loops (sema decides). */
typedef enum PyxLoopKind {
    PYX_LOOP_ITER,       /* the iterator protocol */
    PYX_LOOP_RANGE,      /* range() with C integer bounds: a C loop */
    PYX_LOOP_CARRAY,     /* the elements of a C array of known length, or of p[a:b] */
} PyxLoopKind;

/* How a PAT_SEQUENCE reads its elements, as CPython's compiler decides
   (sema records it in op): not at all when every element is a wildcard,
   by index (subject[i], subject[len(subject) - k]) when the pattern has a
   '*_', else by unpacking (iteration) like an assignment. */
typedef enum PyxSeqFetch {
    PYX_SEQ_NONE,
    PYX_SEQ_INDEX,
    PYX_SEQ_UNPACK,
} PyxSeqFetch;

/* Facts sema and the analyses record on nodes for the emitter (sflags). */
#define PYX_SFLAGS(X) \
    X(CONST)        /* INT, or an expression folded to one: ival is its value */ \
    X(BIG)          /* INT: the literal does not fit in 64 bits (a Python int) */ \
    X(DECLARED)     /* DECL: a statement some declaration pass has handled */ \
    X(CDIVISION)    /* BINOP, AUG_ASSIGN: C semantics for / // % (directive) */ \
    X(BOUND)        /* NAME: definitely assigned here (flow.c): no unbound check */ \
    X(RAISES)       /* expression or statement: its code can raise */ \
    X(TYPED)        /* expression: its C type comes from a declaration, not inference */ \
    X(DIRECTIVES)   /* WITH: 'with cython.name(value):', a block of directives: only its body runs */ \
    X(POLLS)        /* FOR, WHILE: each iteration may check for signals (analysis.c) */ \
    X(RECURSIVE)    /* CALL of a C function: part of a cycle of calls (analysis.c) */ \
    X(PARALLEL)     /* ASSIGN: 'a, b = x, y' element by element, no tuple built */ \
    X(ANN_EVAL)     /* ASSIGN 'x.y: T': the annotation is evaluated (module level, .py) */ \
    X(ANN_STORE)    /* ASSIGN 'x: T': __annotations__['x'] = T (module level, .py); with
                       'from __future__ import annotations' name holds T's text */

enum {
#define PYX_X(f) PYX_SFLAGBIT_##f,
    PYX_SFLAGS(PYX_X)
#undef PYX_X
    PYX_SFLAGBIT__COUNT
};
#define PYX_SF(f) (1u << PYX_SFLAGBIT_##f)

struct PyxNode {
    PyxNodeKind kind;
    int op;                /* PyxOp, PyxParamKind, long count, conversion char... */
    uint64_t flags;        /* PYX_F(...) bits: syntax, set by lower.c */
    PyxLoc loc;
    const char *name;      /* identifiers, literal text, module names */
    uint32_t len;          /* byte length of 'name' (STR values may hold NUL) */
    const char *asname;    /* ALIAS, EXTERN_BLOCK namespace */
    int level;             /* relative import dots */

    /* child slots: which ones a kind uses is documented in PYX_NODE_KINDS */
    PyxNode *target, *value, *test, *left, *right, *cause;
    PyxNode *annotation, *ctype, *except_clause;
    PyxNode *lower, *upper, *step;

    /* child lists */
    PyxNodeList body, orelse, finalbody, handlers;
    PyxNodeList items, keywords, params, decorators, type_params;

    /* filled in by symtable.c */
    struct PyxScope *scope;      /* MODULE, FUNCTION_DEF, LAMBDA, CLASS_DEF and the
                                    comprehensions: the scope the node opens */
    /* filled in by sema and the analyses; emit only reads them */
    PyxType *type;               /* expressions: the value's type */
    PyxType *conv;               /* expressions: the type the context converts the
                                    value to, or NULL for none */
    struct PyxSymbol *sym;       /* NAME, C_VAR, PARAM, FUNCTION_DEF, ALIAS: what it names */
    struct PyxFunc *func;        /* FUNCTION_DEF, LAMBDA */
    struct PyxClass *cls;        /* CLASS_DEF (a plain Python class) */
    uint32_t sflags;             /* PYX_SF(...) bits */
    uint8_t call_kind;           /* CALL: PyxCallKind */
    uint8_t builtin;             /* CALL of PYX_CALL_BUILTIN: PyxBuiltinFn */
    uint8_t loop_kind;           /* FOR, COMPREHENSION: PyxLoopKind */
    int64_t ival;                /* PYX_SF(CONST): the integer value */
    PyxNodeList args;            /* CALL of a C function: one argument per parameter,
                                    NULL where the parameter's default applies */
};

PyxNode *pyx_node_new(PyxArena *a, PyxNodeKind kind, PyxLoc loc);
void pyx_list_push(PyxArena *a, PyxNodeList *l, PyxNode *n);

const char *pyx_node_kind_name(PyxNodeKind k);
const char *pyx_op_str(int op);

const char *pyx_slot_name(PyxSlot s);

/* Calls fn for every child of n (lists expanded), in the order Python
   evaluates them (value before targets in an assignment, the iterable
   before the target in a loop...).  Every slot is visited: slots a kind
   does not order explicitly follow in dump order, so a walker built on
   this cannot miss a child of a new kind. */
typedef void (*PyxChildFn)(PyxNode *child, PyxSlot slot, void *ctx);
void pyx_ast_children(PyxNode *n, PyxChildFn fn, void *ctx);

/* Prints the tree as stable indented text (pyxc --dump-ast). */
void pyx_ast_dump(FILE *out, const PyxNode *n);

#endif
