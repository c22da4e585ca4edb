/* cleanup.c - temporary files and child processes that must not outlive
 * pyxc (see cleanup.h).
 *
 * The registries are plain arrays of malloc'd strings and pids: the signal
 * handler only reads them, and only async-signal-safe calls (kill, unlink,
 * rmdir, openat/unlinkat through a small recursive remover) run in it.
 */
#define _GNU_SOURCE
#include "cleanup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

#define MAX_TRACKED 256

typedef struct Temp {
    char *name;
    int is_dir;
} Temp;

static Temp temps[MAX_TRACKED];
static volatile sig_atomic_t ntemps;
static pid_t children[MAX_TRACKED];   /* process groups (pgid == the child's pid) */
static volatile sig_atomic_t nchildren;

/* ---- the registries ---------------------------------------------------------------- */

void pyx_temp_register(const char *name, int is_dir)
{
    if (ntemps >= MAX_TRACKED)
        return;   /* still removed on the normal paths */
    char *copy = strdup(name);
    if (copy == NULL)
        return;
    temps[ntemps].name = copy;
    temps[ntemps].is_dir = is_dir;
    ntemps = ntemps + 1;
}

void pyx_temp_done(const char *name)
{
    for (int i = 0; i < ntemps; i++)
        if (temps[i].name && strcmp(temps[i].name, name) == 0) {
            char *n = temps[i].name;
            temps[i].name = NULL;
            free(n);
            return;
        }
}

FILE *pyx_temp_create(PyxArena *a, const char *path, const char **name)
{
    char *tmp = pyx_arena_printf(a, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);   /* O_CREAT | O_EXCL: never an existing file or link */
    if (fd < 0)
        return NULL;
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        /* keep mkstemp's 0600: still correct, only stricter */
    }
    FILE *f = fdopen(fd, "w+");
    if (f == NULL) {
        int err = errno;
        close(fd);
        unlink(tmp);
        errno = err;
        return NULL;
    }
    pyx_temp_register(tmp, 0);
    *name = tmp;
    return f;
}

/* ---- children ---------------------------------------------------------------------- */

int pyx_child_spawn(char *const argv[], int out_fd, const char *dir, pid_t *pid)
{
    int report[2];   /* the child writes errno here if exec fails; exec closes it */
    if (pipe2(report, O_CLOEXEC) != 0)
        return errno;
    pid_t parent = getpid();
    pid_t p = fork();
    if (p < 0) {
        int err = errno;
        close(report[0]);
        close(report[1]);
        return err;
    }
    if (p == 0) {
        setpgid(0, 0);                         /* cc1 and as join it: killed together */
        prctl(PR_SET_PDEATHSIG, SIGKILL);      /* and the driver dies when pyxc does */
        if (getppid() != parent)
            _exit(127);
        if (out_fd >= 0) {
            dup2(out_fd, 1);
            dup2(out_fd, 2);
        }
        int err = 0;
        if (dir && chdir(dir) != 0)
            err = errno;
        else
            execvp(argv[0], argv);
        err = err ? err : errno;
        ssize_t w = write(report[1], &err, sizeof err);
        (void)w;
        _exit(127);
    }
    setpgid(p, p);   /* also from here, so no signal can find it in ours */
    close(report[1]);
    int err = 0;
    ssize_t n;
    while ((n = read(report[0], &err, sizeof err)) < 0 && errno == EINTR)
        ;
    close(report[0]);
    if (n == (ssize_t)sizeof err) {
        while (waitpid(p, NULL, 0) < 0 && errno == EINTR)
            ;
        return err;
    }
    pyx_child_track(p);
    *pid = p;
    return 0;
}

void pyx_child_forget(pid_t pgid)
{
    for (int i = 0; i < nchildren; i++)
        if (children[i] == pgid)
            children[i] = 0;
}

void pyx_child_track(pid_t pgid)
{
    if (nchildren < MAX_TRACKED) {
        children[nchildren] = pgid;
        nchildren = nchildren + 1;
    }
}

void pyx_child_detach(void)
{
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
}

int pyx_child_wait(pid_t pid)
{
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    pyx_child_forget(pid);
    return st;
}

/* ---- the signal handler -------------------------------------------------------------- */

/* Removes name under dirfd, a directory's contents first; links are
   removed, never followed.  Only calls that are safe in a handler, but for
   fdopendir/readdir, which glibc implements without locks for this use. */
static void remove_at(int dirfd, const char *name, int depth)
{
    if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT || depth > 64)
        return;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return;
    DIR *d = fdopendir(fd);
    if (d == NULL) {
        close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            remove_at(fd, e->d_name, depth + 1);
    closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

void pyx_remove_tree(const char *path)
{
    remove_at(AT_FDCWD, path, 0);
}

static void on_signal(int sig)
{
    for (int i = 0; i < nchildren; i++)   /* each child's group: it cleans up after itself */
        if (children[i] > 0)
            kill(-children[i], sig == SIGINT ? SIGTERM : sig);
    for (int i = 0; i < ntemps; i++)
        if (temps[i].name)
            remove_at(AT_FDCWD, temps[i].name, 0);
    signal(sig, SIG_DFL);
    raise(sig);
}

void pyx_cleanup_install(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigfillset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old;
        sigaction(sigs[i], NULL, &old);
        if (old.sa_handler != SIG_IGN)   /* nohup and friends keep theirs */
            sigaction(sigs[i], &sa, NULL);
    }
}
