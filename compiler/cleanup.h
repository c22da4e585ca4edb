/* cleanup.h - nothing pyxc starts outlives it: temporary files and
 * directories, and the C compiler's processes.
 *
 * Every temporary file is created exclusively (mkstemp), so a link planted
 * under a predictable name is never followed and two runs never share one,
 * and is registered until it is renamed into place or removed.  Every child
 * runs in a process group of its own (so that its own children, cc1 and as,
 * can be killed with it) and dies if pyxc dies.  When pyxc is interrupted
 * or terminated (SIGINT, SIGTERM, SIGHUP, SIGQUIT) it kills those groups,
 * removes what is registered, and dies of the same signal.
 */
#ifndef PYX_CLEANUP_H
#define PYX_CLEANUP_H

#include <stdio.h>
#include <sys/types.h>

#include "arena.h"

/* Installs the signal handlers (once, from main). */
void pyx_cleanup_install(void);

/* A new temporary file beside 'path' (path.tmp-XXXXXX, permissions as a
   plain new file), open for writing; its name in *name.  NULL with errno
   set on failure. */
FILE *pyx_temp_create(PyxArena *a, const char *path, const char **name);
/* The temporary is renamed or removed: forget it. */
void pyx_temp_done(const char *name);
/* A temporary directory (or file) made elsewhere, removed on a signal. */
void pyx_temp_register(const char *name, int is_dir);
/* Removes path, a directory with its contents; links are removed, never
   followed (safe in a signal handler). */
void pyx_remove_tree(const char *path);

/* Runs argv[0] (searched in PATH) in a new process group, with stdout and
   stderr to out_fd when it is >= 0, in directory dir when not NULL.  0 and
   *pid, or an errno value when the program could not be started. */
int pyx_child_spawn(char *const argv[], int out_fd, const char *dir, pid_t *pid);
/* Waits for a child pyx_child_spawn started; its wait status, -1 if lost. */
int pyx_child_wait(pid_t pid);
/* For children forked otherwise (pyxc -j's workers): the child calls
   pyx_child_detach (its own group, dies with pyxc), the parent tracks it
   until it has waited for it. */
void pyx_child_detach(void);
void pyx_child_track(pid_t pgid);
void pyx_child_forget(pid_t pgid);

#endif
