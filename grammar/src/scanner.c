/*
 * pyxc external scanner for tree-sitter.
 *
 * Written for pyxc from scratch.  It produces the layout tokens of the
 * Python/Cython grammar (newline, indent, dedent) and the pieces of string
 * literals (start, content, escaped braces, end).  The closing brackets and
 * the `except` keyword are never produced here: `except` is listed as an
 * external only so that this scanner can see whether the parser currently
 * expects it.  Brackets (opening and closing) are produced here so that the
 * scanner knows how deeply nested in brackets the parser is.
 *
 * Layout model
 *   - `indents` is a stack of indentation columns of the enclosing blocks;
 *     column 0 (module level) is implicit and never stored.
 *   - Columns are measured Python-style: a space counts 1, a tab moves to the
 *     next multiple of 8, a carriage return or form feed restarts the count.
 *   - Lines that are blank or hold only a comment never open or close blocks.
 *     Blocks whose body ends in such comment lines keep those comments when the
 *     comments are indented at least as deep as the block.
 *   - Inside brackets -- `depth` counts the ones this scanner produced,
 *     including the braces of f-string replacement fields -- no layout token
 *     is produced at all, so a line break there is just white space.
 *
 * String model
 *   - `strings` is a stack of open string literals (several are open at once
 *     inside f-string replacement fields).  Each entry is a bit set describing
 *     the quote character, whether it is triple-quoted, and its prefix kind.
 *   - Content stops before anything the grammar lexes itself: backslashes in
 *     non-raw literals (escape sequences) and single braces in f-strings
 *     (replacement fields).
 *
 * Every loop below advances the lexer at least once per iteration or stops at
 * end of input, so the scanner cannot hang.  The stacks have fixed capacity
 * and the serialized form always fits in the runtime's buffer.
 */

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

/* Order must match `externals` in grammar.js. */
enum PyxcExternal {
  TOK_NEWLINE,
  TOK_INDENT,
  TOK_DEDENT,
  TOK_STRING_START,
  TOK_STRING_CONTENT,
  TOK_ESCAPE_INTERPOLATION,
  TOK_STRING_END,
  TOK_COMMENT,
  TOK_CLOSE_BRACKET,
  TOK_CLOSE_PAREN,
  TOK_CLOSE_BRACE,
  TOK_EXCEPT,
  TOK_OPEN_PAREN,
  TOK_OPEN_BRACKET,
  TOK_OPEN_BRACE,
  TOK__COUNT
};

/* String literal descriptor bits. */
#define STR_DOUBLE 0x01u /* closing quote is '"' (otherwise '\'') */
#define STR_TRIPLE 0x02u /* closed by three quotes */
#define STR_RAW 0x04u    /* r prefix: backslashes are literal */
#define STR_FORMAT 0x08u /* f prefix: braces open replacement fields */
#define STR_BYTES 0x10u  /* b prefix: \N, \u, \U are not escapes */
#define STR_CHAR 0x20u   /* Cython c prefix: C char literal */
#define STR_BACKTICK 0x40u /* Python 2 `repr` backquotes (lowering rejects them) */

/*
 * Capacities.  CPython itself rejects more than 100 indentation levels and
 * far fewer nested f-strings, so these only matter for hostile input.
 * Serialized size: 1 + MAX_STRINGS + 4 + 2 * MAX_INDENTS = 869 bytes, below
 * TREE_SITTER_SERIALIZATION_BUFFER_SIZE (1024).
 */
#define MAX_STRINGS 64u
#define MAX_INDENTS 400u
#define MAX_COLUMN 0xFFFFu

typedef struct {
  uint32_t indent_count;
  uint32_t string_count;
  uint32_t depth; /* open brackets; saturates at UINT32_MAX */
  uint16_t indents[MAX_INDENTS];
  uint8_t strings[MAX_STRINGS];
} PyxcScanner;

#if defined(TREE_SITTER_SERIALIZATION_BUFFER_SIZE)
_Static_assert(1u + MAX_STRINGS + 4u + 2u * MAX_INDENTS <= TREE_SITTER_SERIALIZATION_BUFFER_SIZE,
               "serialized scanner state must fit the runtime buffer");
#endif

/* ------------------------------------------------------------------------ */
/* Small helpers                                                             */

static inline void step(TSLexer *lx) { lx->advance(lx, false); }
static inline void skip_ws(TSLexer *lx) { lx->advance(lx, true); }
static inline bool at_end(TSLexer *lx) { return lx->eof(lx); }

static inline uint32_t current_indent(const PyxcScanner *sc) {
  return sc->indent_count ? sc->indents[sc->indent_count - 1] : 0;
}

static inline bool emit(TSLexer *lx, enum PyxcExternal tok) {
  lx->result_symbol = (TSSymbol)tok;
  return true;
}

static inline uint32_t add_column(uint32_t col, uint32_t n) {
  return col + n > MAX_COLUMN ? MAX_COLUMN : col + n;
}

/* Produces the bracket at the lexer's position when the parser expects it,
 * keeping count of how deeply nested the brackets are. */
static bool scan_bracket(PyxcScanner *sc, TSLexer *lx, const bool *valid) {
  enum PyxcExternal tok;
  bool open = true;
  switch (lx->lookahead) {
  case '(': tok = TOK_OPEN_PAREN; break;
  case '[': tok = TOK_OPEN_BRACKET; break;
  case '{': tok = TOK_OPEN_BRACE; break;
  case ')': tok = TOK_CLOSE_PAREN; open = false; break;
  case ']': tok = TOK_CLOSE_BRACKET; open = false; break;
  case '}': tok = TOK_CLOSE_BRACE; open = false; break;
  default: return false;
  }
  if (!valid[tok]) return false;
  step(lx);
  lx->mark_end(lx);
  if (open) {
    if (sc->depth < UINT32_MAX) sc->depth++;
  } else if (sc->depth > 0) {
    sc->depth--;
  }
  return emit(lx, tok);
}

/* Is `c` one of the letters allowed in a string prefix (r b u f, Cython c)? */
static unsigned prefix_flag(int32_t c) {
  switch (c) {
  case 'r': case 'R': return STR_RAW;
  case 'b': case 'B': return STR_BYTES;
  case 'f': case 'F': return STR_FORMAT;
  case 'c': case 'C': return STR_CHAR;
  case 'u': case 'U': return 0x100u; /* accepted, no effect */
  default: return 0;
  }
}

/* ------------------------------------------------------------------------ */
/* String contents                                                           */

/*
 * Called when the parser is inside a string literal (the innermost one on
 * the stack).  Produces, in priority order at the current position:
 *   string_end            the closing quote(s), when no content precedes it
 *   escape_interpolation  `{{` or `}}` in an f-string, ditto
 *   _string_content       the longest run of ordinary characters
 * and returns false when the next thing is for the grammar to lex (an escape
 * sequence or a replacement field) or when the literal is unterminated.
 */
static bool scan_string_body(PyxcScanner *sc, TSLexer *lx, const bool *valid) {
  const uint8_t d = sc->strings[sc->string_count - 1];
  const int32_t quote = (d & STR_BACKTICK) ? '`' : (d & STR_DOUBLE) ? '"' : '\'';
  const bool triple = (d & STR_TRIPLE) != 0;
  const bool raw = (d & STR_RAW) != 0;
  const bool fmt = (d & STR_FORMAT) != 0;
  const bool bytes = (d & STR_BYTES) != 0;
  bool have_text = false;

#define FINISH_TEXT() \
  return have_text && valid[TOK_STRING_CONTENT] ? emit(lx, TOK_STRING_CONTENT) : false

  for (;;) {
    /* Everything consumed so far is content; remember where it ends. */
    lx->mark_end(lx);

    if (at_end(lx)) {
      /* Unterminated literal: produce nothing; error recovery takes over. */
      return false;
    }

    int32_t c = lx->lookahead;

    if (c == quote) {
      if (!triple) {
        if (have_text) FINISH_TEXT();
        step(lx);
        lx->mark_end(lx);
        sc->string_count--;
        return valid[TOK_STRING_END] ? emit(lx, TOK_STRING_END) : false;
      }
      /* Triple-quoted: fewer than three quotes in a row are ordinary text. */
      unsigned run = 0;
      while (run < 3 && !at_end(lx) && lx->lookahead == quote) {
        step(lx);
        run++;
      }
      if (run == 3) {
        if (have_text) FINISH_TEXT(); /* end still marked before the quotes */
        lx->mark_end(lx);
        sc->string_count--;
        return valid[TOK_STRING_END] ? emit(lx, TOK_STRING_END) : false;
      }
      have_text = true;
      continue;
    }

    if (fmt && (c == '{' || c == '}')) {
      step(lx);
      if (!at_end(lx) && lx->lookahead == c) {
        /* Doubled brace: a literal brace, its own token. */
        if (have_text) FINISH_TEXT();
        step(lx);
        lx->mark_end(lx);
        return valid[TOK_ESCAPE_INTERPOLATION] ? emit(lx, TOK_ESCAPE_INTERPOLATION) : false;
      }
      /* A single brace opens a replacement field (or is an error). */
      if (have_text) FINISH_TEXT();
      if (c == '{' && valid[TOK_OPEN_BRACE]) {
        lx->mark_end(lx);
        if (sc->depth < UINT32_MAX) sc->depth++;
        return emit(lx, TOK_OPEN_BRACE);
      }
      return false;
    }

    if (c == '\\') {
      if (raw) {
        /* The backslash is text, and it keeps a following quote or
         * backslash (or line break) from being special.  In raw f-strings
         * braces after it still count as braces. */
        step(lx);
        have_text = true;
        if (!at_end(lx) && !(fmt && (lx->lookahead == '{' || lx->lookahead == '}'))) {
          step(lx);
        }
        continue;
      }
      if (bytes) {
        /* \N{...}, \uXXXX and \UXXXXXXXX are not escapes in bytes literals. */
        step(lx);
        if (!at_end(lx) &&
            (lx->lookahead == 'N' || lx->lookahead == 'u' || lx->lookahead == 'U')) {
          step(lx);
          have_text = true;
          continue;
        }
      }
      /* Stop before the backslash; the grammar lexes the escape sequence. */
      FINISH_TEXT();
    }

    if ((c == '\n' || c == '\r') && !triple) {
      /* Line break inside a single-quoted literal: it is unterminated.
       * Produce nothing, so that error recovery re-reads the rest of the
       * line as code instead of losing the following lines. */
      return false;
    }

    step(lx);
    have_text = true;
  }
#undef FINISH_TEXT
}

/* Scan a string prefix and opening quote(s).  Nothing has been consumed yet
 * by this function; on failure the lexer position does not matter because
 * returning false discards it. */
static bool scan_string_start(PyxcScanner *sc, TSLexer *lx) {
  unsigned flags = 0;
  while (!at_end(lx)) {
    unsigned f = prefix_flag(lx->lookahead);
    if (!f) break;
    flags |= f;
    step(lx);
  }
  if (at_end(lx)) return false;
  int32_t q = lx->lookahead;
  if (q != '"' && q != '\'' && !(q == '`' && flags == 0)) return false;
  if (sc->string_count >= MAX_STRINGS) return false;

  uint8_t d = (uint8_t)(flags & 0xFFu);
  if (q == '"') d |= STR_DOUBLE;
  if (q == '`') {
    step(lx);
    lx->mark_end(lx);
    sc->strings[sc->string_count++] = STR_BACKTICK;
    return emit(lx, TOK_STRING_START);
  }

  step(lx);
  lx->mark_end(lx); /* in case this is an empty literal: "" */
  if (!at_end(lx) && lx->lookahead == q) {
    step(lx);
    if (!at_end(lx) && lx->lookahead == q) {
      step(lx);
      lx->mark_end(lx);
      d |= STR_TRIPLE;
    }
    /* otherwise: "" -- the token is the first quote only; the second one
     * will come back as string_end. */
  }
  sc->strings[sc->string_count++] = d;
  return emit(lx, TOK_STRING_START);
}

/* ------------------------------------------------------------------------ */
/* Entry point                                                               */

static bool pyxc_scan(PyxcScanner *sc, TSLexer *lx, const bool *valid) {
  /* During error recovery the runtime offers every external token. */
  bool recovering = true;
  for (unsigned i = 0; i < TOK__COUNT; i++) {
    if (!valid[i]) {
      recovering = false;
      break;
    }
  }

  if (valid[TOK_STRING_CONTENT] && sc->string_count > 0 && !recovering) {
    return scan_string_body(sc, lx, valid);
  }

  const bool in_brackets = sc->depth > 0 || valid[TOK_CLOSE_BRACKET] ||
                           valid[TOK_CLOSE_PAREN] || valid[TOK_CLOSE_BRACE];

  /* Layout tokens are zero-width: they end where the previous token ended. */
  lx->mark_end(lx);

  bool line_ended = false;   /* crossed at least one line break */
  uint32_t column = 0;       /* indentation of the line we are on */
  int64_t comment_column = -1; /* column of the first comment-only line */

  for (;;) {
    if (at_end(lx)) {
      line_ended = true;
      column = 0;
      break;
    }
    int32_t c = lx->lookahead;
    if (c == '\n') {
      line_ended = true;
      column = 0;
      skip_ws(lx);
    } else if (c == ' ') {
      column = add_column(column, 1);
      skip_ws(lx);
    } else if (c == '\t') {
      column = add_column(column, 8 - column % 8);
      skip_ws(lx);
    } else if (c == '\r' || c == '\f') {
      column = 0;
      skip_ws(lx);
    } else if (c == '#') {
      /* A comment after code on the same line: not our business. */
      if (!line_ended) return false;
      if (comment_column < 0) comment_column = column;
      while (!at_end(lx) && lx->lookahead != '\n' && lx->lookahead != '\r') {
        skip_ws(lx);
      }
      column = 0;
    } else if (c == '\\') {
      /* Explicit line joining. */
      skip_ws(lx);
      if (!at_end(lx) && lx->lookahead == '\r') skip_ws(lx);
      if (at_end(lx)) continue;
      if (lx->lookahead != '\n') return false;
      skip_ws(lx);
    } else {
      break;
    }
  }

  if (line_ended) {
    uint32_t cur = current_indent(sc);

    if (valid[TOK_INDENT] && column > cur) {
      if (sc->indent_count < MAX_INDENTS && column < MAX_COLUMN) {
        sc->indents[sc->indent_count++] = (uint16_t)column;
        return emit(lx, TOK_INDENT);
      }
      /* Too deep (or too wide) to track.  Outside error recovery, produce a token the
       * parser cannot accept here (a dedent right after a block opener) so
       * that the input is reported as a syntax error instead of being
       * silently restructured.  During recovery, produce nothing. */
      if (!recovering) return emit(lx, TOK_DEDENT);
    }

    /* Close a block when the parser wants it, or -- to give error recovery
     * some structure -- when nothing else can end the line here.  Comment
     * lines still indented into the block are consumed first. */
    bool next_is_quote = !at_end(lx) && (lx->lookahead == '"' || lx->lookahead == '\'');
    bool may_dedent =
        valid[TOK_DEDENT] ||
        (!valid[TOK_NEWLINE] && !(valid[TOK_STRING_START] && next_is_quote) && !in_brackets);
    if (may_dedent && column < cur && sc->indent_count > 0 &&
        (comment_column < 0 || (uint32_t)comment_column < cur)) {
      sc->indent_count--;
      return emit(lx, TOK_DEDENT);
    }

    if (valid[TOK_NEWLINE] && !recovering) {
      return emit(lx, TOK_NEWLINE);
    }
  }

  /* A comment line was skipped: let the grammar lex it first. */
  if (comment_column >= 0) return false;

  if (scan_bracket(sc, lx, valid)) return true;

  if (valid[TOK_STRING_START]) {
    return scan_string_start(sc, lx);
  }

  return false;
}

/* ------------------------------------------------------------------------ */
/* tree-sitter interface                                                     */

void *tree_sitter_pyxc_external_scanner_create(void) {
  PyxcScanner *sc = calloc(1, sizeof *sc);
  return sc;
}

void tree_sitter_pyxc_external_scanner_destroy(void *payload) { free(payload); }

unsigned tree_sitter_pyxc_external_scanner_serialize(void *payload, char *buffer) {
  PyxcScanner *sc = payload;
  if (!sc) return 0;
  unsigned n = 0;
  uint32_t ns = sc->string_count < MAX_STRINGS ? sc->string_count : MAX_STRINGS;
  uint32_t ni = sc->indent_count < MAX_INDENTS ? sc->indent_count : MAX_INDENTS;
  buffer[n++] = (char)ns;
  for (uint32_t i = 0; i < ns; i++) buffer[n++] = (char)sc->strings[i];
  for (unsigned i = 0; i < 4; i++) buffer[n++] = (char)((sc->depth >> (8 * i)) & 0xFFu);
  for (uint32_t i = 0; i < ni; i++) {
    buffer[n++] = (char)(sc->indents[i] & 0xFFu);
    buffer[n++] = (char)(sc->indents[i] >> 8);
  }
  return n;
}

void tree_sitter_pyxc_external_scanner_deserialize(void *payload, const char *buffer,
                                                   unsigned length) {
  PyxcScanner *sc = payload;
  if (!sc) return;
  sc->string_count = 0;
  sc->indent_count = 0;
  sc->depth = 0;
  if (!buffer || length == 0) return;

  const unsigned char *b = (const unsigned char *)buffer;
  unsigned pos = 0;
  uint32_t ns = b[pos++];
  if (ns > MAX_STRINGS) ns = MAX_STRINGS;
  if (ns > length - pos) ns = length - pos;
  for (uint32_t i = 0; i < ns; i++) sc->strings[i] = b[pos++];
  sc->string_count = ns;
  if (length - pos >= 4) {
    sc->depth = (uint32_t)b[pos] | ((uint32_t)b[pos + 1] << 8) | ((uint32_t)b[pos + 2] << 16) |
                ((uint32_t)b[pos + 3] << 24);
    pos += 4;
  }

  uint32_t ni = (length - pos) / 2;
  if (ni > MAX_INDENTS) ni = MAX_INDENTS;
  for (uint32_t i = 0; i < ni; i++) {
    sc->indents[i] = (uint16_t)(b[pos] | (b[pos + 1] << 8));
    pos += 2;
  }
  sc->indent_count = ni;
}

bool tree_sitter_pyxc_external_scanner_scan(void *payload, TSLexer *lexer,
                                            const bool *valid_symbols) {
  PyxcScanner *sc = payload;
  if (!sc || !lexer || !valid_symbols) return false;
  return pyxc_scan(sc, lexer, valid_symbols);
}
