/* arena.c - the bump allocator behind PyxArena (see arena.h). */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct PyxArenaBlock {
    PyxArenaBlock *next;
    size_t used, cap;
    max_align_t data[];
};

enum { BLOCK_MIN = 64 * 1024 };

void pyx_arena_init(PyxArena *a)
{
    a->head = NULL;
    a->total = 0;
}

void pyx_arena_free(PyxArena *a)
{
    PyxArenaBlock *b = a->head;
    while (b) {
        PyxArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

void *pyx_arena_alloc(PyxArena *a, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    PyxArenaBlock *b = a->head;
    if (b == NULL || b->cap - b->used < size) {
        size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
        b = malloc(sizeof(PyxArenaBlock) + cap);
        if (b == NULL) {
            fputs("pyxc: out of memory\n", stderr);
            abort();
        }
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *pyx_arena_strndup(PyxArena *a, const char *s, size_t n)
{
    char *p = pyx_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *pyx_arena_strdup(PyxArena *a, const char *s)
{
    return pyx_arena_strndup(a, s, strlen(s));
}

char *pyx_arena_printf(PyxArena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = pyx_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void pyx_buf_reserve(PyxArena *a, PyxBuf *b, size_t n)
{
    if (b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap * 2 : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *p = pyx_arena_alloc(a, cap);
    if (b->len)
        memcpy(p, b->p, b->len);
    b->p = p;
    b->cap = cap;
}

void pyx_buf_put(PyxArena *a, PyxBuf *b, const char *s, size_t n)
{
    pyx_buf_reserve(a, b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}
