/* support.h - helpers shared by the cmocka unit tests: compile a string
   through parse and lower, capturing diagnostics in memory. */
#ifndef PYX_TEST_SUPPORT_H
#define PYX_TEST_SUPPORT_H

#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "ast.h"
#include "diag.h"
#include "lower.h"
#include "parse.h"

typedef struct Compiled {
    PyxArena arena;
    PyxDiag diag;
    char *messages;     /* everything the diagnostics printed */
    size_t messages_len;
    FILE *out;
    PyxNode *module;    /* NULL when parsing failed */
} Compiled;

/* Parses and lowers 'text' as file 'path'. */
static inline Compiled *compile_file_text(const char *path, const char *text)
{
    Compiled *c = calloc(1, sizeof *c);
    pyx_arena_init(&c->arena);
    c->out = open_memstream(&c->messages, &c->messages_len);
    pyx_diag_init(&c->diag, c->out);
    PyxSource *src = pyx_source_from_string(&c->arena, path, text, strlen(text));
    TSTree *tree = pyx_parse(src, &c->diag);
    if (tree && c->diag.errors == 0)
        c->module = pyx_lower(&c->arena, src, tree, &c->diag);
    if (tree)
        ts_tree_delete(tree);
    fflush(c->out);
    return c;
}

/* Parses and lowers 'text' as file 't.pyx'. */
static inline Compiled *compile_text(const char *text)
{
    return compile_file_text("t.pyx", text);
}

static inline void compiled_free(Compiled *c)
{
    fclose(c->out);
    free(c->messages);
    pyx_arena_free(&c->arena);
    free(c);
}

/* The AST dump of the module, for substring checks. */
static inline char *dump_of(Compiled *c)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    pyx_ast_dump(f, c->module);
    fclose(f);
    char *copy = pyx_arena_strdup(&c->arena, buf);
    free(buf);
    return copy;
}

/* Statement i of the module body. */
static inline PyxNode *stmt(Compiled *c, int i)
{
    assert_non_null(c->module);
    assert_true(i < c->module->body.len);
    return c->module->body.items[i];
}

#define assert_contains(hay, needle) \
    do { \
        if (strstr((hay), (needle)) == NULL) \
            fail_msg("expected to find\n  %s\nin\n%s", (needle), (hay)); \
    } while (0)

#endif
