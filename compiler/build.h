/* build.h - from a generated .c file to an importable extension module.
 *
 * Takes the C text emit wrote to disk; gives a .so for one Python
 * interpreter.  Everything slow is cached under
 * ${PYXC_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/pyxc}: the interpreter's
 * sysconfig answers (python-<hash>) and the runtime library built for its ABI
 * (rt-<hash>/pyx_rt.h, libpyxrt.a).  Every file that other processes may see
 * is written under a temporary name and renamed into place, so a failed,
 * interrupted or racing build never leaves a half-written result.
 *
 * Failures are the user's environment, not their source, so there is no
 * location: each prints one line "pyxc: error: ..." on stderr.
 */
#ifndef PYX_BUILD_H
#define PYX_BUILD_H

#include "arena.h"

typedef struct PyxPython {
    const char *exe;         /* interpreter as given ('python3', '/usr/bin/python3.11-dbg') */
    const char *version;     /* "3.11" */
    int hexversion;          /* sys.hexversion */
    const char *include;     /* sysconfig.get_paths()['include'] */
    const char *platinclude; /* sysconfig.get_paths()['platinclude'] */
    const char *ext_suffix;  /* sysconfig EXT_SUFFIX, e.g. ".cpython-311-x86_64-linux-gnu.so" */
    const char *soabi;
    int debug;               /* Py_DEBUG build (python3.11-dbg) */
    /* for --embed: linking an executable with the interpreter in it */
    const char *libdir;      /* sysconfig LIBDIR */
    const char *libpl;       /* LIBPL: the static library's directory */
    const char *ldversion;   /* LDVERSION: -lpython<ldversion> ("3.11", "3.11d") */
    const char *libs;        /* LIBS and SYSLIBS */
    const char *linkforshared; /* LINKFORSHARED ("-Xlinker -export-dynamic") */
    int shared;              /* Py_ENABLE_SHARED: libpython is a shared library */
} PyxPython;

/* Which interpreter to build for: exe (--python PATH), else $PYXC_PYTHON,
   else "python3".  Runs it once and caches the answer keyed by the
   executable's path, resolved path, inode, size and mtime; interpreters that
   are scripts (pyenv shims) are asked every time, since what they run depends
   on the environment.  Rejects Pythons older than 3.8 and ones without
   Python.h.  0, or -1 after a one-line error. */
int pyx_python_query(PyxArena *a, const char *exe, PyxPython *out);

/* A growable list of strings in the arena. */
typedef struct PyxStrList {
    const char **v;
    int len, cap;
} PyxStrList;

void pyx_strlist_push(PyxArena *a, PyxStrList *l, const char *s);

typedef struct PyxBuildOptions {
    const char *cc;           /* $CC or "cc"; may hold arguments ("ccache gcc") */
    int opt_level;            /* default 2 */
    int debug_info;           /* -g */
    const char *extra_cflags; /* $PYXC_CFLAGS, split on spaces, may be NULL */
    int verbose;              /* print the commands run */
    /* C libraries: -I, -L, -l and the '# distutils:' keys of the same names.
       Sources and objects come before the libraries on the link line. */
    PyxStrList include_dirs, library_dirs, libraries;
    PyxStrList compile_args, link_args;   /* extra_compile_args, extra_link_args */
    PyxStrList sources;                   /* more C files (or .o/.a) to build in */
    const char *source_dir;   /* the module's source directory: -g debug information names it */
    int embed;                /* --embed: link an executable that embeds the interpreter
                                 (the C file has main()), not an extension module */
} PyxBuildOptions;

/* The defaults above, read from the environment. */
void pyx_build_options_init(PyxBuildOptions *o);

/* The directory holding pyx_rt.h and libpyxrt.a for this interpreter, built
   if needed.  Sources come from $PYXC_RUNTIME_DIR, else <dir of the pyxc
   executable>/../runtime (in-tree), else <dir>/../share/pyxc/runtime
   (installed).  The cache key covers the sources' contents, the
   interpreter's ABI and the compile command.  NULL after a one-line error. */
const char *pyx_runtime_dir(PyxArena *a, const PyxPython *py, const PyxBuildOptions *o);

/* Called with everything the C compiler printed; without one it goes to our
   stderr unchanged. */
typedef void (*PyxCcOutput)(void *ctx, const char *text);

/* Compiles c_file and the runtime into so_path (with o->embed, an
   executable) via a temporary file in the same directory, renamed into place
   only on success.  cc's diagnostics go
   to report (or our stderr).  0, or -1 after
   "pyxc: error: C compiler failed (exit N) building <so_path>". */
int pyx_build_extension(PyxArena *a, const PyxPython *py, const PyxBuildOptions *o,
                        const char *c_file, const char *so_path, PyxCcOutput report, void *ctx);

/* A fresh private directory under $TMPDIR (or /tmp); NULL after an error. */
char *pyx_build_tempdir(PyxArena *a);
/* Removes dir and everything below it, without following symlinks. */
void pyx_build_rmtree(const char *dir);
/* "dir/my_module.pyx" -> "my_module".  NULL after an error if the name is not
   an ASCII Python identifier (PyInit_<name> must be a C identifier too). */
const char *pyx_module_name(PyxArena *a, const char *path);
/* The full dotted name of the module in 'path' whose file stem is 'stem':
   the directories above it holding an __init__ (.py, .pyx, .pxd) are its
   packages, as Cython and the import system see them; pkg/__init__.py is
   the module 'pkg'. */
const char *pyx_module_qualname(PyxArena *a, const char *path, const char *stem);
/* The absolute, resolved directory of the file 'path', or NULL. */
const char *pyx_real_dir(PyxArena *a, const char *path);

#endif
