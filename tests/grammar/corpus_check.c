/*
 * corpus_check - run tree-sitter corpus tests without the tree-sitter CLI.
 *
 * Usage: corpus_check [-v] [-f SUBSTRING] [-x NAME]... FILE...
 *
 * -x NAME leaves out the test called exactly NAME (counted as skipped): for
 * re-running another grammar's corpus with its known, deliberate differences.
 *
 * Each FILE is in the tree-sitter test format:
 *
 *     ==================
 *     test name
 *     :attribute        (optional: :skip, :error, :platform(x), ...)
 *     ==================
 *     source code
 *     ---
 *     (expected s-expression)
 *
 * Header lines are three or more '=' and divider lines three or more '-',
 * optionally followed by a suffix.  As in the CLI, the first header of a
 * file fixes the suffix for the whole file: header and divider lines with
 * another suffix are ordinary text.  The last divider of a test
 * separates the source from the expected tree.  CRLF line endings are
 * accepted.
 *
 * Each source is parsed with tree_sitter_pyxc() and rendered with
 * ts_node_string() (named nodes, `field:` prefixes, (ERROR ...) and
 * (MISSING ...)), then compared with the expected tree after normalising
 * whitespace, as `tree-sitter test` does.  As in the CLI, when the expected
 * tree contains no field names, field names are removed from the actual one.
 *
 * Attributes honoured: :skip (not run), :error (passes iff the tree contains
 * an error; the expected tree is not compared), :platform(NAME) (run only
 * when NAME is "linux").  Others are accepted and ignored.
 *
 * Output: one FAIL line per failing test followed by its normalised expected
 * and actual trees, then exactly `corpus: N passed, M failed`.  The exit
 * status is 1 when M > 0, 2 on usage errors.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_pyxc(void);

/* ------------------------------------------------------------------------ */
/* Growable byte buffer                                                      */

typedef struct {
  char *data;
  size_t len, cap;
} Buf;

static void die_oom(void) {
  fputs("corpus_check: out of memory\n", stderr);
  exit(2);
}

static void buf_reserve(Buf *b, size_t extra) {
  if (b->len + extra + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < b->len + extra + 1) cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) die_oom();
  b->data = p;
  b->cap = cap;
}

static void buf_add(Buf *b, const char *s, size_t n) {
  buf_reserve(b, n);
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

static void buf_addc(Buf *b, char c) { buf_add(b, &c, 1); }

static void buf_clear(Buf *b) {
  b->len = 0;
  if (b->data) b->data[0] = '\0';
}

static char *buf_cstr(Buf *b) {
  buf_reserve(b, 0);
  b->data[b->len] = '\0';
  return b->data;
}

/* ------------------------------------------------------------------------ */
/* Reading files and splitting lines                                         */

static char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  Buf b = {0};
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_add(&b, chunk, n);
  bool err = ferror(f) != 0;
  fclose(f);
  if (err) {
    free(b.data);
    return NULL;
  }
  buf_reserve(&b, 0);
  *len_out = b.len;
  return b.data;
}

typedef struct {
  size_t start;   /* offset of the first byte of the line */
  size_t end;     /* offset of the line's end, excluding "\r\n" / "\n" */
  size_t next;    /* offset of the following line */
} Line;

static Line *split_lines(const char *s, size_t len, size_t *count) {
  size_t cap = 64, n = 0;
  Line *v = malloc(cap * sizeof *v);
  if (!v) die_oom();
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && s[j] != '\n') j++;
    size_t end = j;
    if (end > i && s[end - 1] == '\r') end--;
    size_t next = j < len ? j + 1 : j;
    if (n == cap) {
      cap *= 2;
      Line *p = realloc(v, cap * sizeof *v);
      if (!p) die_oom();
      v = p;
    }
    v[n++] = (Line){i, end, next};
    i = next;
  }
  *count = n;
  return v;
}

/*
 * If line [p, e) is a delimiter made of at least three `ch` characters
 * followed by an optional suffix, store the suffix span and return true.
 * A suffix may not start with `ch`; trailing blanks are ignored.
 */
static bool delimiter_line(const char *s, size_t p, size_t e, char ch, size_t *sfx,
                           size_t *sfx_len) {
  size_t i = p;
  while (i < e && s[i] == ch) i++;
  if (i - p < 3) return false;
  size_t j = e;
  while (j > i && (s[j - 1] == ' ' || s[j - 1] == '\t')) j--;
  *sfx = i;
  *sfx_len = j - i;
  return true;
}

static bool same_suffix(const char *s, size_t a, size_t alen, size_t b, size_t blen) {
  return alen == blen && (alen == 0 || memcmp(s + a, s + b, alen) == 0);
}

/* ------------------------------------------------------------------------ */
/* S-expression normalisation                                                */

/* Drop `;` comment lines, collapse whitespace runs to one space, trim, and
 * remove spaces before ')' and after '('. */
static void normalise_sexp(const char *in, size_t n, Buf *out) {
  buf_clear(out);
  size_t i = 0;
  bool at_line_start = true;
  bool pending_space = false;
  while (i < n) {
    char c = in[i];
    if (at_line_start) {
      size_t k = i;
      while (k < n && (in[k] == ' ' || in[k] == '\t' || in[k] == '\r')) k++;
      if (k < n && in[k] == ';') {
        while (k < n && in[k] != '\n') k++;
        i = k;
        pending_space = out->len > 0;
        continue;
      }
      at_line_start = false;
    }
    if (c == '\n') at_line_start = true;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      pending_space = out->len > 0;
      i++;
      continue;
    }
    if (pending_space && c != ')' && !(out->len && out->data[out->len - 1] == '(')) {
      buf_addc(out, ' ');
    }
    pending_space = false;
    buf_addc(out, c);
    i++;
  }
  buf_cstr(out);
}

static bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Does the (normalised) tree mention a field, i.e. `word: (`? */
static bool has_fields(const char *s) {
  for (const char *p = strstr(s, ": ("); p; p = strstr(p + 1, ": (")) {
    if (p > s && is_word(p[-1])) return true;
  }
  return false;
}

/* Remove every `word: ` that directly precedes '(' (outside quotes). */
static void strip_fields(const char *s, Buf *out) {
  buf_clear(out);
  size_t n = strlen(s);
  size_t i = 0;
  bool in_quote = false;
  while (i < n) {
    char c = s[i];
    if (c == '"') in_quote = !in_quote;
    if (!in_quote && is_word(c) && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(')) {
      size_t j = i;
      while (j < n && is_word(s[j])) j++;
      if (j + 2 < n && s[j] == ':' && s[j + 1] == ' ' && s[j + 2] == '(') {
        i = j + 2; /* skip "word: " */
        continue;
      }
      buf_add(out, s + i, j - i);
      i = j;
      continue;
    }
    buf_addc(out, c);
    i++;
  }
  buf_cstr(out);
}

/* ------------------------------------------------------------------------ */
/* Running one test                                                          */

typedef struct {
  unsigned passed, failed, skipped;
  bool verbose;
  const char *filter;
  const char **excluded; /* -x names */
  int nexcluded;
  TSParser *parser;
} Run;

static void print_difference(const char *exp, const char *act) {
  size_t i = 0;
  while (exp[i] && exp[i] == act[i]) i++;
  size_t from = i > 40 ? i - 40 : 0;
  printf("  first difference at character %zu:\n", i);
  printf("    expected: ...%.100s\n", exp + from);
  printf("    actual:   ...%.100s\n", act + from);
}

static void run_test(Run *r, const char *path, unsigned line_no, const char *name,
                     const char *attrs, const char *src, size_t src_len, const char *exp_raw,
                     size_t exp_len) {
  if (r->filter && !strstr(name, r->filter)) return;
  for (int i = 0; i < r->nexcluded; i++) {
    if (!strcmp(name, r->excluded[i])) {
      r->skipped++;
      return;
    }
  }

  bool want_error = false, skip = false;
  /* attrs: attribute lines separated by '\n' */
  for (const char *a = attrs; *a;) {
    const char *e = strchr(a, '\n');
    size_t n = e ? (size_t)(e - a) : strlen(a);
    if (n == 5 && !strncmp(a, ":skip", 5)) skip = true;
    if (n == 6 && !strncmp(a, ":error", 6)) want_error = true;
    if (n > 10 && !strncmp(a, ":platform(", 10)) {
      const char *arg = a + 10;
      size_t alen = n - 10;
      if (alen && arg[alen - 1] == ')') alen--;
      if (!(alen == 5 && !strncmp(arg, "linux", 5))) skip = true;
    }
    a += n;
    if (*a == '\n') a++;
  }
  if (skip) {
    r->skipped++;
    if (r->verbose) printf("skip %s:%u: %s\n", path, line_no, name);
    return;
  }

  TSTree *tree = ts_parser_parse_string(r->parser, NULL, src, (uint32_t)src_len);
  if (!tree) {
    r->failed++;
    printf("FAIL %s:%u: %s: parser gave up (timeout?)\n", path, line_no, name);
    ts_parser_reset(r->parser);
    return;
  }
  TSNode root = ts_tree_root_node(tree);
  char *sexp = ts_node_string(root);
  bool tree_has_error = ts_node_has_error(root);

  Buf expected = {0}, actual = {0}, tmp = {0};
  normalise_sexp(exp_raw, exp_len, &expected);
  normalise_sexp(sexp, strlen(sexp), &actual);
  if (!has_fields(buf_cstr(&expected))) {
    strip_fields(buf_cstr(&actual), &tmp);
    Buf t = actual;
    actual = tmp;
    tmp = t;
  }

  bool ok;
  if (want_error) {
    ok = tree_has_error;
  } else {
    ok = strcmp(buf_cstr(&expected), buf_cstr(&actual)) == 0;
  }

  if (ok) {
    r->passed++;
    if (r->verbose) printf("ok   %s:%u: %s\n", path, line_no, name);
  } else {
    r->failed++;
    if (want_error) {
      printf("FAIL %s:%u: %s: expected a parse error, got none\n", path, line_no, name);
      printf("  actual:   %s\n", buf_cstr(&actual));
    } else {
      printf("FAIL %s:%u: %s\n", path, line_no, name);
      printf("  expected: %s\n", buf_cstr(&expected));
      printf("  actual:   %s\n", buf_cstr(&actual));
      print_difference(buf_cstr(&expected), buf_cstr(&actual));
    }
  }

  free(expected.data);
  free(actual.data);
  free(tmp.data);
  free(sexp);
  ts_tree_delete(tree);
}

/* ------------------------------------------------------------------------ */
/* Splitting a corpus file into tests                                        */

/*
 * Is there a test header starting at line i?  As in the CLI, the suffix is
 * fixed per file by its first header: when `want_sfx` is true, both header
 * lines must carry the suffix [*sfx, *sfx + *sfx_len); otherwise any suffix
 * is accepted (the same on both lines) and stored.  On success store the
 * index of the closing header line.
 */
static bool header_at(const char *s, const Line *L, size_t nl, size_t i, bool want_sfx,
                      size_t *close, size_t *sfx, size_t *sfx_len) {
  size_t a, alen;
  if (!delimiter_line(s, L[i].start, L[i].end, '=', &a, &alen)) return false;
  if (want_sfx && !same_suffix(s, a, alen, *sfx, *sfx_len)) return false;
  size_t j = i + 1;
  while (j < nl) {
    size_t b, blen;
    if (delimiter_line(s, L[j].start, L[j].end, '=', &b, &blen)) {
      if (j == i + 1 || !same_suffix(s, a, alen, b, blen)) return false;
      *close = j;
      *sfx = a;
      *sfx_len = alen;
      return true;
    }
    /* Name and attribute lines: non-empty, not starting with '='. */
    if (L[j].end == L[j].start || s[L[j].start] == '=') return false;
    j++;
  }
  return false;
}

static void run_file(Run *r, const char *path) {
  size_t len = 0;
  char *s = read_file(path, &len);
  if (!s) {
    r->failed++;
    printf("FAIL %s: cannot read file\n", path);
    return;
  }
  size_t nl = 0;
  Line *L = split_lines(s, len, &nl);

  Buf name = {0}, attrs = {0};
  size_t i = 0;
  unsigned found = 0;
  /* Find the first header. */
  size_t close = 0, sfx = 0, sfx_len = 0;
  while (i < nl && !header_at(s, L, nl, i, false, &close, &sfx, &sfx_len)) i++;
  const size_t hsfx = sfx, hsfx_len = sfx_len; /* the file's suffix */

  while (i < nl) {
    size_t hdr = i, hclose = close;
    found++;

    /* Name (non-attribute lines, joined by a space) and attributes. */
    buf_clear(&name);
    buf_clear(&attrs);
    for (size_t k = hdr + 1; k < hclose; k++) {
      size_t p = L[k].start, e = L[k].end;
      while (p < e && (s[p] == ' ' || s[p] == '\t')) p++;
      while (e > p && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
      if (p < e && s[p] == ':') {
        buf_add(&attrs, s + p, e - p);
        buf_addc(&attrs, '\n');
      } else if (p < e) {
        if (name.len) buf_addc(&name, ' ');
        buf_add(&name, s + p, e - p);
      }
    }
    buf_cstr(&name);
    buf_cstr(&attrs);

    /* The body runs to the next header. */
    size_t body = hclose + 1;
    size_t next = body;
    size_t nclose = 0, nsfx = hsfx, nsfx_len = hsfx_len;
    while (next < nl && !header_at(s, L, nl, next, true, &nclose, &nsfx, &nsfx_len)) next++;

    /* Last divider with this test's suffix. */
    size_t div = SIZE_MAX;
    for (size_t k = body; k < next; k++) {
      size_t d, dlen;
      if (delimiter_line(s, L[k].start, L[k].end, '-', &d, &dlen) &&
          same_suffix(s, d, dlen, hsfx, hsfx_len)) {
        div = k;
      }
    }

    unsigned line_no = (unsigned)(hdr + 1);
    if (div == SIZE_MAX) {
      if (!r->filter || strstr(name.data, r->filter)) {
        r->failed++;
        printf("FAIL %s:%u: %s: no '---' line separating source and tree\n", path, line_no,
               name.data);
      }
    } else {
      size_t src_start = body < nl ? L[body].start : len;
      size_t src_end = L[div].start;
      if (src_end < src_start) src_end = src_start;
      /* Like the CLI: drop the line break that precedes the divider. */
      if (src_end > src_start && s[src_end - 1] == '\n') src_end--;
      if (src_end > src_start && s[src_end - 1] == '\r') src_end--;
      size_t exp_start = L[div].next;
      size_t exp_end = next < nl ? L[next].start : len;
      if (exp_end < exp_start) exp_end = exp_start;
      run_test(r, path, line_no, name.data, attrs.data, s + src_start, src_end - src_start,
               s + exp_start, exp_end - exp_start);
    }

    i = next;
    close = nclose;
  }

  if (found == 0) {
    r->failed++;
    printf("FAIL %s: no tests found\n", path);
  }
  free(name.data);
  free(attrs.data);
  free(L);
  free(s);
}

int main(int argc, char **argv) {
  Run r = {0};
  int nfiles = 0;
  r.excluded = calloc((size_t)argc, sizeof *r.excluded);
  if (!r.excluded) die_oom();
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v")) {
      r.verbose = true;
    } else if (!strcmp(argv[i], "-f") && i + 1 < argc) {
      r.filter = argv[++i];
    } else if (!strcmp(argv[i], "-x") && i + 1 < argc) {
      r.excluded[r.nexcluded++] = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
      fprintf(stderr, "usage: %s [-v] [-f SUBSTRING] [-x NAME]... CORPUS_FILE...\n", argv[0]);
      return 2;
    } else {
      nfiles++;
    }
  }
  if (nfiles == 0) {
    fprintf(stderr, "usage: %s [-v] [-f SUBSTRING] [-x NAME]... CORPUS_FILE...\n", argv[0]);
    return 2;
  }

  r.parser = ts_parser_new();
  if (!r.parser || !ts_parser_set_language(r.parser, tree_sitter_pyxc())) {
    fputs("corpus_check: cannot load the pyxc language (ABI mismatch?)\n", stderr);
    return 2;
  }
  /* Guard against a runaway parse: 20 s per test. */
  ts_parser_set_timeout_micros(r.parser, 20u * 1000u * 1000u);

  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v")) continue;
    if (!strcmp(argv[i], "-f") || !strcmp(argv[i], "-x")) {
      i++;
      continue;
    }
    run_file(&r, argv[i]);
  }
  ts_parser_delete(r.parser);
  free(r.excluded);

  if (r.skipped) printf("corpus: %u skipped\n", r.skipped);
  printf("corpus: %u passed, %u failed\n", r.passed, r.failed);
  fflush(stdout);
  return r.failed ? 1 : 0;
}
