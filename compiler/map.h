/* map.h - string-keyed hash maps and growable arrays in the arena.
 *
 * Scopes, interned names and constant tables are looked up by name once per
 * use, so they must not be linear scans: a module of n names would cost
 * O(n^2).  PyxMap is open addressing with linear probing, keys compared by
 * length and bytes; it never shrinks and nothing in it is freed (the arena
 * owns it all).  Iteration order is insertion order, which keeps the
 * generated C deterministic.
 */
#ifndef PYX_MAP_H
#define PYX_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

typedef struct PyxMapEntry {
    const char *key;    /* NUL-terminated; owned by the caller (usually the arena) */
    uint32_t len, hash;
    void *value;
} PyxMapEntry;

typedef struct PyxMap {
    PyxArena *a;
    PyxMapEntry *entries;   /* in insertion order */
    int len, cap;
    int32_t *slots;         /* index into entries, -1 when empty */
    uint32_t nslots;        /* a power of two, at least twice len */
} PyxMap;

void pyx_map_init(PyxMap *m, PyxArena *a);
/* The value stored under key, or NULL. */
void *pyx_map_get(const PyxMap *m, const char *key);
/* Stores value under key (replacing what was there); returns its entry,
   which stays valid until the next pyx_map_put. */
PyxMapEntry *pyx_map_put(PyxMap *m, const char *key, void *value);
/* The entry for key, or NULL. */
PyxMapEntry *pyx_map_find(const PyxMap *m, const char *key);

/* Appends item to a growable array (arr, len, cap) in arena a. */
#define PYX_VEC_PUSH(a, arr, len, cap, item)                                     \
    do {                                                                         \
        if ((len) == (cap)) {                                                    \
            int c_ = (cap) ? (cap) * 2 : 8;                                      \
            void *n_ = pyx_arena_alloc((a), sizeof *(arr) * (size_t)c_);         \
            if (len)                                                             \
                memcpy(n_, (arr), sizeof *(arr) * (size_t)(len));                \
            (arr) = n_;                                                          \
            (cap) = c_;                                                          \
        }                                                                        \
        (arr)[(len)++] = (item);                                                 \
    } while (0)

#endif
