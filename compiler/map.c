/* map.c - string-keyed hash maps in the arena (see map.h). */
#include "map.h"

static uint32_t hash_of(const char *s, uint32_t *len)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    const char *p = s;
    for (; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    *len = (uint32_t)(p - s);
    return h;
}

void pyx_map_init(PyxMap *m, PyxArena *a)
{
    memset(m, 0, sizeof *m);
    m->a = a;
}

static int32_t *probe(const PyxMap *m, const char *key, uint32_t len, uint32_t hash)
{
    uint32_t mask = m->nslots - 1;
    for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
        int32_t *slot = &m->slots[i];
        if (*slot < 0)
            return slot;
        const PyxMapEntry *e = &m->entries[*slot];
        if (e->hash == hash && e->len == len && memcmp(e->key, key, len) == 0)
            return slot;
    }
}

PyxMapEntry *pyx_map_find(const PyxMap *m, const char *key)
{
    if (m->len == 0)
        return NULL;
    uint32_t len, hash = hash_of(key, &len);
    int32_t *slot = probe(m, key, len, hash);
    return *slot < 0 ? NULL : &m->entries[*slot];
}

void *pyx_map_get(const PyxMap *m, const char *key)
{
    PyxMapEntry *e = pyx_map_find(m, key);
    return e ? e->value : NULL;
}

static void rehash(PyxMap *m, uint32_t nslots)
{
    m->slots = pyx_arena_alloc(m->a, sizeof(int32_t) * nslots);
    memset(m->slots, 0xff, sizeof(int32_t) * nslots);
    m->nslots = nslots;
    for (int i = 0; i < m->len; i++) {
        PyxMapEntry *e = &m->entries[i];
        *probe(m, e->key, e->len, e->hash) = i;
    }
}

PyxMapEntry *pyx_map_put(PyxMap *m, const char *key, void *value)
{
    if ((uint32_t)(m->len + 1) * 2 > m->nslots)
        rehash(m, m->nslots ? m->nslots * 2 : 16);
    uint32_t len, hash = hash_of(key, &len);
    int32_t *slot = probe(m, key, len, hash);
    if (*slot >= 0) {
        m->entries[*slot].value = value;
        return &m->entries[*slot];
    }
    PyxMapEntry e = {key, len, hash, value};
    PYX_VEC_PUSH(m->a, m->entries, m->len, m->cap, e);
    *slot = m->len - 1;
    return &m->entries[m->len - 1];
}
