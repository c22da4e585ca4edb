/* types.h - pyxc's semantic types.
 *
 * A PyxType says how a value is represented in the generated C: a C scalar,
 * a pointer or array, a C function, or a Python object (optionally known to
 * be exactly one builtin type such as list).  The C scalar types are
 * singletons from a fixed table, so types can be compared with ==; derived
 * types (pointers, arrays, functions) are made in the arena and compared with
 * pyx_type_equal.  Conversions between C and Python follow Cython: see
 * pyx_type_assignable.
 */
#ifndef PYX_TYPES_H
#define PYX_TYPES_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

typedef struct PyxNode PyxNode;

typedef enum PyxTypeKind {
    PYX_TY_ERROR,    /* after a reported error: accepts everything, silences cascades */
    PYX_TY_VOID,
    PYX_TY_BINT,     /* C int holding a truth value */
    PYX_TY_INT,      /* C integer types */
    PYX_TY_FLOAT,    /* float, double */
    PYX_TY_PTR,
    PYX_TY_ARRAY,
    PYX_TY_FUNC,
    PYX_TY_NULL,     /* the type of NULL: converts to any pointer */
    PYX_TY_OBJECT,   /* PyObject *, maybe known to be a builtin type */
} PyxTypeKind;

/* Builtin Python types a declaration may name ('cdef list xs'). */
typedef enum PyxBuiltin {
    PYX_BI_NONE,     /* any object */
    PYX_BI_LIST, PYX_BI_DICT, PYX_BI_TUPLE, PYX_BI_STR, PYX_BI_BYTES,
    PYX_BI_INT, PYX_BI_FLOAT, PYX_BI_BOOL, PYX_BI_SET,
} PyxBuiltin;

typedef struct PyxType PyxType;
struct PyxType {
    PyxTypeKind kind;
    const char *name;      /* as Cython spells it: 'unsigned long long', 'list' */
    const char *cname;     /* C spelling of the type: 'unsigned long long', 'PyObject *' */
    /* PYX_TY_INT, PYX_TY_FLOAT */
    int rank;              /* promotion rank: char 1 < short 2 < int 3 < long 4 < long long 5 */
    bool is_signed;
    const char *rt;        /* runtime suffix: pyx_rt_as_<rt>, pyx_rt_floordiv_<rt> */
    const char *from_c;    /* C -> Python constructor: 'PyLong_FromLong' */
    const char *min, *max; /* limits.h macros */
    /* PYX_TY_OBJECT */
    PyxBuiltin builtin;
    const char *check;     /* exact type check macro: 'PyList_CheckExact' */
    /* PYX_TY_PTR, PYX_TY_ARRAY: element; PYX_TY_FUNC: return type */
    PyxType *base;
    long array_len;        /* PYX_TY_ARRAY; -1 when unknown */
    /* PYX_TY_FUNC */
    PyxType **params;
    int nparams;
    bool varargs;
};

extern PyxType pyx_type_error, pyx_type_void, pyx_type_bint, pyx_type_null, pyx_type_object;
extern PyxType pyx_type_char, pyx_type_schar, pyx_type_uchar, pyx_type_short, pyx_type_ushort;
extern PyxType pyx_type_int, pyx_type_uint, pyx_type_long, pyx_type_ulong;
extern PyxType pyx_type_longlong, pyx_type_ulonglong, pyx_type_ssize_t, pyx_type_size_t;
extern PyxType pyx_type_float, pyx_type_double;

/* The type named by a plain identifier ('int', 'Py_ssize_t', 'list',
   'object', 'cython.double'), or NULL. */
PyxType *pyx_type_by_name(const char *name);
/* The C integer type for sign/size words: 'unsigned' + 2 longs -> unsigned long long.
   'base' is 'int' or 'char' or 'double'...; NULL if the combination is invalid. */
PyxType *pyx_type_by_words(const char *base, bool is_unsigned, bool is_signed, bool is_short, int longs);
/* The C type C gives an integer literal of value v: int, else long. */
PyxType *pyx_type_of_int_value(int64_t v);
/* The builtin object type 'list', 'dict'... */
PyxType *pyx_type_builtin(PyxBuiltin b);

PyxType *pyx_type_ptr(PyxArena *a, PyxType *base);
PyxType *pyx_type_array(PyxArena *a, PyxType *base, long len);

bool pyx_type_is_c(const PyxType *t);         /* represented by a C value, not PyObject* */
bool pyx_type_is_numeric(const PyxType *t);   /* bint, C int or float */
bool pyx_type_is_object(const PyxType *t);
bool pyx_type_equal(const PyxType *a, const PyxType *b);
/* The type C's usual arithmetic conversions give a op b, for numeric a, b. */
PyxType *pyx_type_promote(PyxType *a, PyxType *b);
/* Can a value of type 'from' be assigned to 'to' (with a conversion where
   Cython makes one)?  Returns NULL when yes, else a reason for the error. */
const char *pyx_type_assignable(const PyxType *to, const PyxType *from);
/* 'int', 'double *', 'list object': the type as Cython users write it. */
const char *pyx_type_str(PyxArena *a, const PyxType *t);
/* The C declaration of a variable 'name' of type t ('double x[5]'). */
const char *pyx_type_decl(PyxArena *a, const PyxType *t, const char *name);

#endif
