/* source.c - loading input files (see source.h).
 *
 * Everything that makes a file unreadable for the parser is caught here with
 * a one-line message, so later phases can assume valid UTF-8 text.
 */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void load_error(const char *path, const char *fmt, const char *detail)
{
    fprintf(stderr, "pyxc: error: %s: ", path);
    fprintf(stderr, fmt, detail);
    fputc('\n', stderr);
}

/* Returns the length of the valid UTF-8 sequence at p (1..4), or 0. */
static int utf8_seq_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; min = 0x10000; }
    else
        return 0;
    if (end - p < n)
        return 0;
    unsigned cp = c & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

/* Checks text is UTF-8 without NUL bytes; reports the first offence. */
static int validate(const char *path, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text, *end = p + len;
    unsigned line = 1, col = 1;
    while (p < end) {
        if (*p == 0) {
            load_error(path, "%s", "binary file (contains NUL bytes), not Python or Cython source");
            return -1;
        }
        int n = utf8_seq_len(p, end);
        if (n == 0) {
            char buf[96];
            snprintf(buf, sizeof buf, "not valid UTF-8: byte 0x%02x at line %u, column %u",
                     *p, line, col);
            load_error(path, "%s", buf);
            return -1;
        }
        if (*p == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        p += n;
    }
    return 0;
}

PyxSource *pyx_source_from_string(PyxArena *a, const char *path, const char *text, size_t len)
{
    PyxSource *s = pyx_arena_new(a, PyxSource);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    s->path = pyx_arena_strdup(a, path);
    s->text = pyx_arena_strndup(a, text, len);
    s->len = (uint32_t)len;
    return s;
}

PyxSource *pyx_source_load(PyxArena *a, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        load_error(path, "%s", strerror(errno));
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        load_error(path, "%s", "is a directory, expected a .pyx, .pxd or .py file");
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        load_error(path, "%s", "not a regular file");
        return NULL;
    }
    if (st.st_size > 0x3FFFFFFF) {
        load_error(path, "%s", "file too large");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        load_error(path, "%s", strerror(errno));
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = pyx_arena_alloc(a, cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - 1 - len, f)) > 0) {
        len += n;
        if (len == cap - 1)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        load_error(path, "%s", "read error");
        return NULL;
    }
    if (validate(path, buf, len) != 0)
        return NULL;
    return pyx_source_from_string(a, path, buf, len);
}

void pyx_source_line(const PyxSource *s, uint32_t pos, uint32_t *line_start, uint32_t *line_len)
{
    if (pos > s->len)
        pos = s->len;
    uint32_t b = pos;
    while (b > 0 && s->text[b - 1] != '\n')
        b--;
    uint32_t e = pos;
    while (e < s->len && s->text[e] != '\n')
        e++;
    if (e > b && s->text[e - 1] == '\r')
        e--;
    *line_start = b;
    *line_len = e - b;
}

uint32_t pyx_source_char_col(const PyxSource *s, uint32_t pos)
{
    uint32_t b, n;
    pyx_source_line(s, pos, &b, &n);
    uint32_t col = 1;
    for (uint32_t i = b; i < pos && i < s->len; i++)
        if (((unsigned char)s->text[i] & 0xC0) != 0x80)
            col++;
    return col;
}
