/* rt_embed.c: main() of an executable built with 'pyxc --embed'.
 *
 * The executable holds one compiled module and the interpreter (linked
 * against libpython).  It runs the module as __main__, as 'python3
 * module.py' runs the source: sys.argv is the command line, an uncaught
 * exception prints its traceback and exits with status 1, SystemExit exits
 * with its code, KeyboardInterrupt ends the process by SIGINT.
 *
 * Only executables call this: an extension module never pulls rt_embed.o
 * out of libpyxrt.a.
 */
#include "pyx_rt.h"   /* Python.h: POSIX, for kill() */

#include <signal.h>
#include <unistd.h>

/* Makes the module from its definition under the name __main__, puts it in
   sys.modules and runs its body.  0, or -1 with an exception set. */
static int run_main_module(PyModuleDef *def)
{
    PyObject *machinery = PyImport_ImportModule("importlib.machinery");
    if (machinery == NULL)
        return -1;
    PyObject *spec = PyObject_CallMethod(machinery, "ModuleSpec", "sO", "__main__", Py_None);
    Py_DECREF(machinery);
    if (spec == NULL)
        return -1;
    PyObject *module = PyModule_FromDefAndSpec(def, spec);
    Py_DECREF(spec);
    if (module == NULL)
        return -1;
    int rc = -1;
    if (PyDict_SetItemString(PyImport_GetModuleDict(), "__main__", module) == 0)
        rc = PyModule_ExecDef(module, def);
    Py_DECREF(module);
    return rc;
}

int pyx_rt_embed_main(int argc, char **argv, PyModuleDef *def)
{
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;   /* every argument is the program's: sys.argv */
    PyStatus st = PyStatus_Ok();
    if (argc > 0 && argv[0])
        st = PyConfig_SetBytesString(&config, &config.program_name, argv[0]);
    if (!PyStatus_Exception(st))
        st = PyConfig_SetBytesArgv(&config, argc, argv);
    if (!PyStatus_Exception(st))
        st = Py_InitializeFromConfig(&config);
    PyConfig_Clear(&config);
    if (PyStatus_Exception(st)) {
        if (PyStatus_IsExit(st))
            return st.exitcode;
        Py_ExitStatusException(st);   /* prints the error and exits */
    }
    int status = 0, interrupted = 0;
    if (run_main_module(def) < 0) {
        interrupted = PyErr_ExceptionMatches(PyExc_KeyboardInterrupt);
        PyErr_Print();   /* the traceback; for SystemExit, exits with its code */
        status = 1;
    }
    if (Py_FinalizeEx() < 0 && status == 0)
        status = 120;   /* as python3 does when flushing stdout fails */
    if (interrupted) {
        /* as python3 does: the parent sees the process ended by SIGINT */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
