/* directives.h - Cython's compiler directives, in one table.
 *
 * A directive has a value at every point of a module: the default, then the
 * module's '# cython: name=value, ...' header comments, then a function's
 * '@cython.name(value)' decorators, then 'with cython.name(value):' blocks.
 * sema keeps the set in force and records what each construct needs on its
 * node (e.g. PYX_SF(CDIVISION) on a division).  Unknown directives are
 * errors; the table says which ones pyxc acts on so far (pyxc --directives
 * lists them).
 */
#ifndef PYX_DIRECTIVES_H
#define PYX_DIRECTIVES_H

#include <stdbool.h>
#include <stdio.h>

#include "ast.h"
#include "diag.h"

typedef enum PyxDirKind {
    PYX_DIRK_BOOL,
    PYX_DIRK_INT,
    PYX_DIRK_STR,     /* a name or a string: language_level=3str, c_string_type=bytes */
} PyxDirKind;

/* name, value kind, default, acted on by pyxc.  ORDER PYX_DIR. */
#define PYX_DIRECTIVES(X) \
    X(BOUNDSCHECK, "boundscheck", BOOL, 1, false) \
    X(WRAPAROUND, "wraparound", BOOL, 1, false) \
    X(CDIVISION, "cdivision", BOOL, 0, true) \
    X(CDIVISION_WARNINGS, "cdivision_warnings", BOOL, 0, false) \
    X(CPOW, "cpow", BOOL, 0, false) \
    X(NONECHECK, "nonecheck", BOOL, 0, false) \
    X(INITIALIZEDCHECK, "initializedcheck", BOOL, 1, false) \
    X(OVERFLOWCHECK, "overflowcheck", BOOL, 0, false) \
    X(OVERFLOWCHECK_FOLD, "overflowcheck.fold", BOOL, 1, false) \
    X(INFER_TYPES, "infer_types", BOOL, 2, true) /* 2: None, Cython's safe inference */ \
    X(LANGUAGE_LEVEL, "language_level", STR, 0, false) \
    X(PROFILE, "profile", BOOL, 0, true) \
    X(LINETRACE, "linetrace", BOOL, 0, true) \
    X(BINDING, "binding", BOOL, 1, false) \
    X(EMBEDSIGNATURE, "embedsignature", BOOL, 0, true) \
    X(EMBEDSIGNATURE_FORMAT, "embedsignature.format", STR, 0, true) /* c, python, clinic */ \
    X(ALWAYS_ALLOW_KEYWORDS, "always_allow_keywords", BOOL, 1, false) \
    X(C_API_BINOP_METHODS, "c_api_binop_methods", BOOL, 0, false) \
    X(C_STRING_TYPE, "c_string_type", STR, 0, false) \
    X(C_STRING_ENCODING, "c_string_encoding", STR, 0, false) \
    X(ANNOTATION_TYPING, "annotation_typing", BOOL, 1, false) \
    X(AUTO_PICKLE, "auto_pickle", BOOL, 2, false) \
    X(AUTO_CPDEF, "auto_cpdef", BOOL, 0, false) \
    X(EMIT_CODE_COMMENTS, "emit_code_comments", BOOL, 1, false) \
    X(UNRAISABLE_TRACEBACKS, "unraisable_tracebacks", BOOL, 1, false) \
    X(ITERABLE_COROUTINE, "iterable_coroutine", BOOL, 0, false) \
    X(TYPE_VERSION_TAG, "type_version_tag", BOOL, 1, false) \
    X(LEGACY_IMPLICIT_NOEXCEPT, "legacy_implicit_noexcept", BOOL, 0, false) \
    X(CPP_LOCALS, "cpp_locals", BOOL, 0, false) \
    X(FAST_GETATTR, "fast_getattr", BOOL, 0, false) \
    X(SHOW_PERFORMANCE_HINTS, "show_performance_hints", BOOL, 1, false) \
    X(OPTIMIZE_USE_SWITCH, "optimize.use_switch", BOOL, 1, false) \
    X(OPTIMIZE_UNPACK_METHOD_CALLS, "optimize.unpack_method_calls", BOOL, 1, false) \
    X(WARN_UNDECLARED, "warn.undeclared", BOOL, 0, false) \
    X(WARN_UNREACHABLE, "warn.unreachable", BOOL, 1, false) \
    X(WARN_MAYBE_UNINITIALIZED, "warn.maybe_uninitialized", BOOL, 0, false) \
    X(WARN_UNUSED, "warn.unused", BOOL, 0, false) \
    X(WARN_UNUSED_ARG, "warn.unused_arg", BOOL, 0, false) \
    X(WARN_UNUSED_RESULT, "warn.unused_result", BOOL, 0, false) \
    X(WARN_MULTIPLE_DECLARATORS, "warn.multiple_declarators", BOOL, 1, false)

typedef enum PyxDirective {
#define PYX_X(id, name, kind, dflt, acted) PYX_DIR_##id,
    PYX_DIRECTIVES(PYX_X)
#undef PYX_X
    PYX_DIR__COUNT
} PyxDirective;

/* The directives in force at one point: int values (bools are 0/1; 2 is
   Python's None where Cython allows it) and the text of string ones. */
typedef struct PyxDirectives {
    int value[PYX_DIR__COUNT];
    const char *text[PYX_DIR__COUNT];
} PyxDirectives;

void pyx_directives_default(PyxDirectives *d);

/* The '# cython:' comments that open a source file, applied to d. */
void pyx_directives_header(PyxDirectives *d, const PyxSource *src, PyxArena *a, PyxDiag *diag);

/* If e is 'cython.name(value)' (a decorator or a with item) naming a
   directive, applies it to d and returns true; an unknown name or a bad
   value is reported.  False when e is no directive (other decorators). */
bool pyx_directive_call(PyxDirectives *d, const PyxNode *e, PyxArena *a, PyxDiag *diag);

/* Which directive e ('cython.name(value)') names, or -1 when it is no
   directive call; nothing is applied or reported. */
int pyx_directive_of(const PyxNode *e);

/* A default from the command line (pyxc --profile): every module starts
   with it, before its '# cython:' header. */
void pyx_directives_set_default(PyxDirective which, int value);

/* 'name=value[,name=value...]' from pyxc -X (Cython's values: True, False,
   numbers, strings): defaults of every module, which its '# cython:' header
   and decorators can still change.  NULL, or what is wrong with spec. */
const char *pyx_directives_cmdline(const char *spec, PyxArena *a);

/* The table, for pyxc --directives. */
void pyx_directives_list(FILE *out);

#endif
