/* arena.h - one bump allocator per compilation.
 *
 * Everything the front end builds (AST nodes, interned strings, diagnostics)
 * lives in a PyxArena and is released at once by pyx_arena_free().  Nothing
 * else in the compiler calls free(), which is why returning early on an error
 * is always safe.
 */
#ifndef PYX_ARENA_H
#define PYX_ARENA_H

#include <stddef.h>

typedef struct PyxArenaBlock PyxArenaBlock;

typedef struct PyxArena {
    PyxArenaBlock *head; /* newest block first */
    size_t total;        /* bytes handed out, for --stats and tests */
} PyxArena;

void pyx_arena_init(PyxArena *a);
void pyx_arena_free(PyxArena *a);

/* Zeroed memory aligned for any object; aborts when the system is out of memory. */
void *pyx_arena_alloc(PyxArena *a, size_t size);
char *pyx_arena_strndup(PyxArena *a, const char *s, size_t n);
char *pyx_arena_strdup(PyxArena *a, const char *s);
/* printf into the arena. */
char *pyx_arena_printf(PyxArena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define pyx_arena_new(a, T) ((T *)pyx_arena_alloc((a), sizeof(T)))

/* A growing string in the arena, always NUL-terminated once written to
   (p is NULL while empty). */
typedef struct PyxBuf {
    char *p;
    size_t len, cap;
} PyxBuf;

/* Room for n more bytes and the NUL. */
void pyx_buf_reserve(PyxArena *a, PyxBuf *b, size_t n);
void pyx_buf_put(PyxArena *a, PyxBuf *b, const char *s, size_t n);

#endif
