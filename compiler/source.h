/* source.h - source files and locations.
 *
 * A PyxSource owns the text of one input file (UTF-8, validated on load).
 * A PyxLoc points into it: 1-based line, 1-based byte column, and the byte
 * range, so diagnostics can quote the line and tools can slice the text.
 */
#ifndef PYX_SOURCE_H
#define PYX_SOURCE_H

#include <stdint.h>
#include <stddef.h>

#include "arena.h"

typedef struct PyxSource {
    const char *path;  /* as given on the command line */
    const char *text;  /* NUL-terminated; a UTF-8 BOM is kept out */
    uint32_t len;
} PyxSource;

typedef struct PyxLoc {
    const PyxSource *src;
    uint32_t line, col;   /* 1-based; col counts bytes */
    uint32_t start, end;  /* byte offsets into src->text */
} PyxLoc;

/* Reads and validates 'path'.  On failure prints one line
   "pyxc: error: <path>: <why>" to stderr and returns NULL. */
PyxSource *pyx_source_load(PyxArena *a, const char *path);
/* A source made from memory (tests, fuzzing).  'text' is copied. */
PyxSource *pyx_source_from_string(PyxArena *a, const char *path, const char *text, size_t len);

/* The line containing byte offset 'pos': start and length without the newline. */
void pyx_source_line(const PyxSource *s, uint32_t pos, uint32_t *line_start, uint32_t *line_len);
/* 1-based column of byte offset 'pos' counted in characters, not bytes. */
uint32_t pyx_source_char_col(const PyxSource *s, uint32_t pos);

#endif
