/**
 * @file pyxc: Cython + Python 3 grammar for tree-sitter.
 *
 * Extends the tree-sitter-python package (used as an npm dependency, not
 * copied) with Cython declarations, C types, casts, cimports and friends.
 * Node and field names are documented in README.md.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const python = require('tree-sitter-python/grammar');

const PY_PREC = python.PREC || {};
const PREC = {
  unary: PY_PREC.unary || 20,
  call: PY_PREC.call || 22,
  // C declarators: postfix ([], ()) binds tighter than prefix '*'.
  c_pointer: 1,
  c_postfix: 2,
};

/**
 * @param {RuleOrLiteral} rule
 * @param {RuleOrLiteral} sep
 */
function sepBy1(rule, sep) {
  return seq(rule, repeat(seq(sep, rule)));
}

/** @param {RuleOrLiteral} rule */
function commaList1(rule) {
  return sepBy1(rule, ',');
}

module.exports = grammar(python, {
  name: 'pyxc',

  conflicts: ($, previous) => previous.concat([
    // `cdef int *p` (pointer declarator) vs `cdef int* f()` (pointer return type)
    // and `int *p` vs `int *` (abstract) in parameters.
    [$.c_type],
    // `cdef public double y` vs `cdef public double f():`
    [$.c_variable_declaration, $._c_function_modifiers],
    // `cdef f(x)` (function, no return type) vs `cdef f (*p)` (variable of type f)
    [$._c_function_signature, $._c_type_name],
    // plain parameter `x` vs type-only C parameter `int`
    [$.parameter, $._c_type_name],
    [$.c_type, $._c_keyword_name],
    // sizeof(x) / sizeof(x[0]): expression or type
    [$.primary_expression, $._c_type_name],
    [$.primary_expression, $._c_dotted_name],
  ]),

  rules: {
    // ------------------------------------------------------------------
    // Statements
    // ------------------------------------------------------------------

    _simple_statement: ($, previous) => choice(
      previous,
      $.c_variable_declaration,
      $.c_function_declaration,
      $.cimport_statement,
      $.cimport_from_statement,
      $.include_statement,
      $.compile_time_definition,
    ),

    _compound_statement: ($, previous) => choice(
      previous,
      $.c_function_definition,
      $.c_class_definition,
      $.c_struct_definition,
      $.c_enum_definition,
      $.ctypedef_statement,
      $.extern_block,
      $.c_declaration_block,
      $.gil_statement,
    ),

    decorated_definition: $ => seq(
      repeat1($.decorator),
      field('definition', choice(
        $.class_definition,
        $.function_definition,
        $.c_class_definition,
        $.c_function_definition,
      )),
    ),

    keyword_identifier: ($, previous) => choice(
      previous,
      prec(-3, alias(choice('include', 'DEF', 'sizeof'), $.identifier)),
    ),

    // ------------------------------------------------------------------
    // Imports
    // ------------------------------------------------------------------

    cimport_statement: $ => seq(
      'cimport',
      commaList1(field('name', choice($.dotted_name, $.aliased_import))),
      optional(','),
    ),

    cimport_from_statement: $ => seq(
      'from',
      field('module_name', choice($.relative_import, $.dotted_name)),
      'cimport',
      choice(
        $.wildcard_import,
        $._cimport_names,
        seq('(', $._cimport_names, ')'),
      ),
    ),

    _cimport_names: $ => seq(
      commaList1(field('name', choice($.dotted_name, $.aliased_import))),
      optional(','),
    ),

    include_statement: $ => seq(
      'include',
      field('path', $.string),
    ),

    compile_time_definition: $ => seq(
      'DEF',
      field('name', $.identifier),
      '=',
      field('value', $.expression),
    ),

    // ------------------------------------------------------------------
    // C types
    // ------------------------------------------------------------------

    c_type: $ => seq(
      repeat(field('qualifier', choice('const', 'volatile'))),
      choice(
        seq(
          field('sign', choice('signed', 'unsigned')),
          repeat(field('size', choice('short', 'long'))),
          optional(field('name', $._c_basic_type_name)),
        ),
        seq(
          repeat1(field('size', choice('short', 'long'))),
          optional(field('name', $._c_basic_type_name)),
        ),
        field('name', $._c_type_name),
      ),
      optional(field('suffix', $.c_type_brackets)),
      repeat(field('pointer', choice('*', '**'))),
    ),

    // After signed/unsigned/short/long only these names may follow; any other
    // identifier is the declarator (`unsigned long count`).
    _c_basic_type_name: $ => alias(choice('int', 'char', 'double', 'float'), $.identifier),

    _c_type_name: $ => choice(
      $.identifier,
      alias($._c_dotted_name, $.dotted_name),
    ),

    _c_dotted_name: $ => seq(
      $.identifier,
      repeat1(seq('.', $.identifier)),
    ),

    c_type_brackets: $ => seq(
      '[',
      optional(seq(
        commaList1(choice($.memoryview_dim, $.expression, $.keyword_argument)),
        optional(','),
      )),
      ']',
    ),

    memoryview_dim: $ => seq(
      optional(field('start', $.expression)),
      ':',
      optional(field('stop', $.expression)),
      optional(seq(':', optional(field('step', $.expression)))),
    ),

    // ------------------------------------------------------------------
    // C declarators
    // ------------------------------------------------------------------

    _c_declarator: $ => choice(
      $.identifier,
      $.pointer_declarator,
      $.array_declarator,
      $.function_declarator,
      $.parenthesized_declarator,
    ),

    pointer_declarator: $ => prec.dynamic(1, prec.right(PREC.c_pointer, seq(
      field('pointer', choice('*', '**')),
      field('declarator', $._c_declarator),
    ))),

    array_declarator: $ => prec(PREC.c_postfix, seq(
      field('declarator', $._c_declarator),
      '[',
      optional(field('size', $.expression)),
      ']',
    )),

    // Only `(*name)(...)`-style function declarators; `name(...)` at the top
    // level of a declaration is a c_function_declaration instead.
    function_declarator: $ => prec.right(PREC.c_postfix, seq(
      field('declarator', $.parenthesized_declarator),
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    )),

    parenthesized_declarator: $ => seq(
      '(',
      field('declarator', $.pointer_declarator),
      ')',
    ),

    init_declarator: $ => seq(
      field('declarator', $._c_declarator),
      '=',
      field('value', $.expression),
    ),

    _c_declarator_list: $ => commaList1(
      field('declarator', choice($._c_declarator, $.init_declarator)),
    ),

    // ------------------------------------------------------------------
    // Declarations
    // ------------------------------------------------------------------

    c_declaration: $ => seq(
      optional(field('visibility', choice('public', 'readonly'))),
      field('type', $.c_type),
      $._c_declarator_list,
    ),

    c_variable_declaration: $ => seq(
      'cdef',
      optional(field('visibility', choice('public', 'readonly'))),
      field('type', $.c_type),
      $._c_declarator_list,
    ),

    c_declaration_block: $ => seq(
      'cdef',
      ':',
      $._indent,
      field('body', alias($._c_declaration_block_body, $.block)),
    ),

    _c_declaration_block_body: $ => seq(
      repeat1($._c_block_item),
      $._dedent,
    ),

    _c_block_item: $ => choice(
      seq($.c_declaration, $._newline),
      seq(alias($._c_docstring, $.expression_statement), $._newline),
      seq(alias($._c_bare_function_declaration, $.c_function_declaration), $._newline),
      seq($.pass_statement, $._newline),
    ),

    // ------------------------------------------------------------------
    // Functions
    // ------------------------------------------------------------------

    _c_function_modifiers: $ => seq(
      field('modifier', choice('inline', 'public', 'api', 'static')),
      repeat(field('modifier', choice('inline', 'public', 'api', 'static'))),
    ),

    _c_function_signature: $ => seq(
      optional(field('return_type', $.c_type)),
      field('name', $.identifier),
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    ),

    _c_function_qualifier: $ => choice(
      field('exception', $.exception_clause),
      field('nogil', $.nogil_clause),
      field('gil', $.with_gil_clause),
    ),

    c_function_definition: $ => seq(
      field('kind', choice('cdef', 'cpdef')),
      optional($._c_function_modifiers),
      $._c_function_signature,
      ':',
      field('body', $._suite),
    ),

    c_function_declaration: $ => seq(
      field('kind', choice('cdef', 'cpdef')),
      optional($._c_function_modifiers),
      $._c_function_signature,
    ),

    // Inside extern blocks / `cdef:` blocks: `int strlen(const char *s)`.
    _c_bare_function_declaration: $ => seq(
      field('return_type', $.c_type),
      field('name', $.identifier),
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    ),

    exception_clause: $ => choice(
      'noexcept',
      seq('except', optional('?'), field('value', $.expression)),
      prec(PREC.call + 1, seq('except', optional('?'), '*')),
      prec(PREC.call + 1, seq('except', '+', optional(field('value', $.identifier)))),
    ),

    nogil_clause: _ => 'nogil',

    with_gil_clause: _ => seq('with', 'gil'),

    // ------------------------------------------------------------------
    // Parameters
    // ------------------------------------------------------------------

    parameter: ($, previous) => choice(
      previous,
      $.c_parameter,
      // C varargs in declarations: `int printf(const char *fmt, ...)`.
      $.c_varargs,
      // Python parameters named like C type keywords (`const=None`, `long`).
      alias($._c_keyword_name, $.identifier),
      alias($._pxd_default_parameter, $.default_parameter),
      alias($._c_keyword_default_parameter, $.default_parameter),
      alias($._c_keyword_typed_parameter, $.typed_parameter),
      alias($._c_keyword_typed_default_parameter, $.typed_default_parameter),
    ),

    // `.pxd` declarations: `cpdef f(self, x=*)` (default value given elsewhere).
    _pxd_default_parameter: $ => seq(
      field('name', $.identifier),
      '=',
      field('value', '*'),
    ),

    _c_keyword_name: _ => choice('const', 'volatile', 'signed', 'unsigned', 'short', 'long'),

    _c_keyword_default_parameter: $ => seq(
      field('name', alias($._c_keyword_name, $.identifier)),
      '=',
      field('value', $.expression),
    ),

    _c_keyword_typed_parameter: $ => seq(
      alias($._c_keyword_name, $.identifier),
      ':',
      field('type', $.type),
    ),

    _c_keyword_typed_default_parameter: $ => seq(
      field('name', alias($._c_keyword_name, $.identifier)),
      ':',
      field('type', $.type),
      '=',
      field('value', $.expression),
    ),

    // Lambdas keep Python's parameter forms only.
    lambda_parameters: $ => seq(
      commaList1(choice(
        $.identifier,
        $.typed_parameter,
        $.default_parameter,
        $.typed_default_parameter,
        $.list_splat_pattern,
        $.tuple_pattern,
        $.keyword_separator,
        $.positional_separator,
        $.dictionary_splat_pattern,
      )),
      optional(','),
    ),

    c_parameter: $ => choice(
      seq(
        field('type', $.c_type),
        field('declarator', $._c_declarator),
        optional(choice(
          field('not_none', $.not_none),
          field('or_none', $.or_none),
        )),
        optional(seq('=', field('default', choice($.expression, '*')))),
      ),
      // Type only (declarations): `cdef int f(int *, const char *)`.
      // A bare name (`f(int)`) stays a plain identifier parameter.
      prec.dynamic(-1, field('type', $.c_type)),
    ),

    c_varargs: _ => '...',

    not_none: _ => seq('not', 'None'),
    or_none: _ => seq('or', 'None'),

    // ------------------------------------------------------------------
    // Classes, structs, enums, typedefs, extern blocks
    // ------------------------------------------------------------------

    c_class_definition: $ => seq(
      'cdef',
      optional(field('visibility', choice('public', 'api'))),
      'class',
      field('name', $.identifier),
      optional(field('superclasses', $.argument_list)),
      ':',
      field('body', $._suite),
    ),

    c_struct_definition: $ => seq('cdef', $._c_struct_core),

    _c_struct: $ => $._c_struct_core,

    _c_struct_core: $ => seq(
      optional('packed'),
      field('kind', choice('struct', 'union')),
      field('name', $.identifier),
      choice(
        seq(':', $._indent, field('body', alias($._c_struct_body, $.block))),
        $._newline,
      ),
    ),

    _c_docstring: $ => choice($.string, $.concatenated_string),

    _c_struct_body: $ => seq(
      repeat1(choice(
        seq($.c_declaration, $._newline),
        seq(alias($._c_docstring, $.expression_statement), $._newline),
        seq($.pass_statement, $._newline),
      )),
      $._dedent,
    ),

    c_enum_definition: $ => seq(
      field('kind', choice('cdef', 'cpdef')),
      $._c_enum_core,
    ),

    _c_enum: $ => $._c_enum_core,

    _c_enum_core: $ => seq(
      'enum',
      optional(field('name', $.identifier)),
      choice(
        seq(':', choice(
          seq($._indent, field('body', alias($._c_enum_body, $.block))),
          seq(field('body', alias($._c_enum_line, $.block))),
        )),
        $._newline,
      ),
    ),

    _c_enum_body: $ => seq(
      repeat1($._c_enum_line),
      $._dedent,
    ),

    _c_enum_line: $ => seq(
      choice(
        seq(commaList1($.c_enumerator), optional(',')),
        $.pass_statement,
      ),
      $._newline,
    ),

    c_enumerator: $ => seq(
      field('name', $.identifier),
      optional(seq('=', field('value', $.expression))),
    ),

    ctypedef_statement: $ => seq(
      'ctypedef',
      choice(
        seq(
          field('type', $.c_type),
          field('declarator', $._c_declarator),
          $._newline,
        ),
        field('definition', choice(
          alias($._c_struct, $.c_struct_definition),
          alias($._c_enum, $.c_enum_definition),
          $.fused_type_definition,
        )),
      ),
    ),

    fused_type_definition: $ => seq(
      'fused',
      field('name', $.identifier),
      ':',
      $._indent,
      field('body', alias($._fused_body, $.block)),
    ),

    _fused_body: $ => seq(
      repeat1(seq($.c_type, $._newline)),
      $._dedent,
    ),

    extern_block: $ => seq(
      'cdef',
      'extern',
      'from',
      field('header', choice($.string, '*')),
      optional(seq('namespace', field('namespace', $.string))),
      optional(field('nogil', $.nogil_clause)),
      ':',
      choice(
        seq($._indent, field('body', alias($._extern_body, $.block))),
        seq(field('body', alias($._extern_pass, $.block))),
      ),
    ),

    _extern_pass: $ => seq($.pass_statement, $._newline),

    _extern_body: $ => seq(
      repeat1(choice(
        $._c_block_item,
        seq($.c_variable_declaration, $._newline),
        seq($.c_function_declaration, $._newline),
        $.c_struct_definition,
        alias($._c_struct, $.c_struct_definition),
        $.c_enum_definition,
        alias($._c_enum, $.c_enum_definition),
        $.ctypedef_statement,
      )),
      $._dedent,
    ),

    // ------------------------------------------------------------------
    // with nogil / with gil
    // ------------------------------------------------------------------

    gil_statement: $ => seq(
      'with',
      field('kind', choice('nogil', 'gil')),
      optional(seq('(', field('condition', $.expression), ')')),
      repeat(seq(',', field('item', $.with_item))),
      ':',
      field('body', $._suite),
    ),

    // ------------------------------------------------------------------
    // Expressions
    // ------------------------------------------------------------------

    primary_expression: ($, previous) => choice(
      previous,
      $.cast_expression,
      $.address_of_expression,
      $.sizeof_expression,
    ),

    cast_expression: $ => prec(PREC.unary, seq(
      '<',
      field('type', $.c_type),
      optional(field('check', '?')),
      '>',
      field('value', $.primary_expression),
    )),

    address_of_expression: $ => prec(PREC.unary, seq(
      '&',
      field('argument', $.primary_expression),
    )),

    sizeof_expression: $ => seq(
      'sizeof',
      '(',
      choice(
        prec.dynamic(1, field('value', $.expression)),
        field('type', $.c_type),
      ),
      ')',
    ),
  },
});
