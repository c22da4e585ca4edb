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

/**
 * The indented body of `cdef:` and extern blocks, C++ classes and their
 * compile-time IFs (declarations, not statements), in field `name`.  The
 * field sits on the block itself: on a hidden rule it would also mark the
 * zero-width indent token.
 *
 * @param {GrammarSymbols<string>} $
 * @param {string} name
 */
function cItemSuite($, name) {
  return choice(
    seq($._indent, field(name, alias($._c_item_body, $.block))),
    field(name, alias($._c_item_line, $.block)),
  );
}

module.exports = grammar(python, {
  name: 'pyxc',

  // The opening brackets are external too: the scanner counts them, so no
  // layout token is produced anywhere inside brackets (`a[\n0]`, a
  // replacement field of an f-string running over lines).
  externals: ($, previous) => previous.concat(['(', '[', '{']),

  inline: ($, previous) => previous.concat([
    $._c_function_tail,
    $._c_function_name,
    $._c_visibility,
  ]),

  conflicts: ($, previous) => previous.concat([
    // `cdef int *p` (pointer declarator) vs `cdef int* f()` (pointer return type)
    // and `int *p` vs `int *` (abstract) in parameters.
    [$.c_type],
    // `cdef public double y` vs `cdef public double f():`
    [$.c_variable_declaration, $._c_function_modifiers],
    [$.c_declaration, $._c_function_modifiers],
    // `cdef f(x)` (function, no return type) vs `cdef f (*p)` (variable of type f)
    [$._c_function_signature, $._c_type_name],
    // plain parameter `x` vs type-only C parameter `int`
    [$.parameter, $._c_type_name],
    [$.c_type, $._c_keyword_name],
    // sizeof(x) / sizeof(x[0]): expression or type
    [$.primary_expression, $._c_type_name],
    [$.primary_expression, $._c_dotted_name],
    // `int f[T](...)` (template function) vs `int a[N]` (array)
    [$._c_function_signature, $._c_declarator],
    [$._c_bare_function_signature, $._c_declarator],
    [$._c_bare_function_signature, $.cname_declarator],
    [$._c_function_signature, $.cname_declarator],
    [$.pattern, $._c_type_name],
    [$.primary_expression, $.pattern, $._c_type_name],
    [$._c_bare_function_signature, $._c_type_name],
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
      $.cppclass_definition,
      $.ctypedef_statement,
      $.extern_block,
      $.c_declaration_block,
      $.gil_statement,
      $.property_definition,
      $.compile_time_if_statement,
      alias($._cdef_fused, $.ctypedef_statement),
      $.for_from_statement,
    ),

    decorated_definition: $ => seq(
      repeat1($.decorator),
      choice(
        field('definition', choice(
          $.class_definition,
          $.function_definition,
          $.c_class_definition,
          $.c_function_definition,
        )),
        // `.pxd` declarations: `@cython.locals(n=int)` before `cdef int f(n)`
        seq(field('definition', $.c_function_declaration), $._newline),
      ),
    ),

    keyword_identifier: ($, previous) => choice(
      previous,
      prec(-3, alias(
        choice('include', 'DEF', 'IF', 'sizeof', 'property', 'new'),
        $.identifier,
      )),
    ),

    // C integer suffixes (`1U`, `1LL`, `0xffUL`) next to Python's `1j`.
    integer: _ => {
      const suffix = choice(/[uU]/, /[uU]?[lL][lL]?/, /[lL][lL]?[uU]/);
      return token(choice(
        seq(choice('0x', '0X'), repeat1(/_?[A-Fa-f0-9]+/), optional(suffix)),
        seq(choice('0o', '0O'), repeat1(/_?[0-7]+/), optional(suffix)),
        seq(choice('0b', '0B'), repeat1(/_?[0-1]+/), optional(suffix)),
        seq(repeat1(/[0-9]+_?/), optional(choice(suffix, /[jJ]/))),
      ));
    },

    // ------------------------------------------------------------------
    // Imports, include, compile-time statements
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

    // IF/ELIF/ELSE: chosen at compile time; bodies are statements.
    compile_time_if_statement: $ => seq(
      'IF',
      field('condition', $.expression),
      ':',
      field('consequence', $._suite),
      repeat(field('alternative', $.compile_time_elif_clause)),
      optional(field('alternative', $.compile_time_else_clause)),
    ),

    compile_time_elif_clause: $ => seq(
      'ELIF',
      field('condition', $.expression),
      ':',
      field('consequence', $._suite),
    ),

    compile_time_else_clause: $ => seq(
      'ELSE',
      ':',
      field('body', $._suite),
    ),

    // The same inside extern blocks, `cdef:` blocks and C++ classes, where
    // the bodies hold declarations.
    _c_compile_time_if: $ => seq(
      'IF',
      field('condition', $.expression),
      ':',
      cItemSuite($, 'consequence'),
      repeat(field('alternative', alias($._c_compile_time_elif, $.compile_time_elif_clause))),
      optional(field('alternative', alias($._c_compile_time_else, $.compile_time_else_clause))),
    ),

    _c_compile_time_elif: $ => seq(
      'ELIF',
      field('condition', $.expression),
      ':',
      cItemSuite($, 'consequence'),
    ),

    _c_compile_time_else: $ => seq(
      'ELSE',
      ':',
      cItemSuite($, 'body'),
    ),

    // Cython's legacy loop: `for i from 0 <= i < n by 2:`, also without
    // `i from` (`for 0 <= i < n:`).
    for_from_statement: $ => seq(
      'for',
      optional(seq(field('target', $.identifier), 'from')),
      field('first', $.primary_expression),
      field('relation', choice('<', '<=', '>', '>=')),
      field('name', $.identifier),
      field('relation', choice('<', '<=', '>', '>=')),
      field('last', $.primary_expression),
      optional(seq('by', field('step', $.primary_expression))),
      ':',
      field('body', $._suite),
      field('alternative', optional($.else_clause)),
    ),

    _comprehension_clauses: $ => seq(
      choice($.for_in_clause, $.for_from_clause),
      repeat(choice(
        $.for_in_clause,
        $.for_from_clause,
        $.if_clause,
      )),
    ),

    // `[a[i] for i from 0 <= i < n]`
    for_from_clause: $ => prec.left(seq(
      'for',
      optional(seq(field('target', $.identifier), 'from')),
      field('first', $.primary_expression),
      field('relation', choice('<', '<=', '>', '>=')),
      field('name', $.identifier),
      field('relation', choice('<', '<=', '>', '>=')),
      field('last', $.primary_expression),
      optional(seq('by', field('step', $.primary_expression))),
    )),

    // Legacy `property name:` block in a cdef class: __get__/__set__/__del__.
    property_definition: $ => seq(
      'property',
      field('name', $.identifier),
      ':',
      field('body', $._suite),
    ),

    // ------------------------------------------------------------------
    // C types
    // ------------------------------------------------------------------

    c_type: $ => seq(
      repeat(field('qualifier', choice('const', 'volatile'))),
      choice(
        // in any order, as in C: `unsigned long long`, `long unsigned`
        seq(
          repeat1(choice(
            field('sign', choice('signed', 'unsigned')),
            field('size', choice('short', 'long')),
          )),
          optional(field('name', $._c_basic_type_name)),
        ),
        field('name', $._c_type_name),
        field('name', $.c_tuple_type),
      ),
      optional(field('complex', 'complex')),
      optional(seq(
        repeat1(field('suffix', $.c_type_brackets)),
        // a type nested in a template: `vector[int].iterator`
        optional(seq('.', field('member', $.identifier))),
      )),
      repeat(choice(
        field('pointer', choice('*', '**')),
        field('reference', choice('&', '&&')),
        field('pointer_qualifier', 'const'),
      )),
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

    // C tuple: `(int, double)`
    // also a parenthesized type, `(int *)`, when there is no comma
    c_tuple_type: $ => seq(
      '(',
      $.c_type,
      repeat(seq(',', $.c_type)),
      optional(','),
      ')',
    ),

    c_type_brackets: $ => seq(
      '[',
      optional(seq(
        commaList1(choice(
          $.memoryview_dim,
          $.expression,
          $.keyword_argument,
          // template arguments that are not expressions: `vector[int*]`,
          // `Wrap[double (*)(double)]`
          prec.dynamic(-1, seq($.c_type, optional($._c_abstract_declarator))),
        )),
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

    calling_convention: _ => choice('__stdcall', '__cdecl', '__fastcall'),

    // ------------------------------------------------------------------
    // C declarators
    // ------------------------------------------------------------------

    _c_declarator: $ => choice(
      $.identifier,
      $.cname_declarator,
      $.pointer_declarator,
      $.reference_declarator,
      $.array_declarator,
      $.function_declarator,
      $.parenthesized_declarator,
    ),

    // `x "c_x"`: the name used in the C code
    cname_declarator: $ => seq(
      field('declarator', $.identifier),
      field('cname', $.string),
    ),

    pointer_declarator: $ => prec.dynamic(1, prec.right(PREC.c_pointer, seq(
      field('pointer', choice('*', '**')),
      repeat(field('qualifier', choice('const', 'restrict'))),
      field('declarator', $._c_declarator),
    ))),

    reference_declarator: $ => prec.dynamic(1, prec.right(PREC.c_pointer, seq(
      field('reference', choice('&', '&&')),
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

    _c_plain_function_declarator: $ => seq(
      field('declarator', $.identifier),
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    ),

    parenthesized_declarator: $ => seq(
      '(',
      optional(field('calling_convention', $.calling_convention)),
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

    // Declarators after a type that has no name: `char *[]`, `void (*)(int)`.
    _c_abstract_declarator: $ => choice(
      alias($.abstract_array_declarator, $.array_declarator),
      $.abstract_function_declarator,
    ),

    abstract_array_declarator: $ => prec.left(seq(
      optional(field('declarator', $.abstract_array_declarator)),
      '[',
      optional(field('size', $.expression)),
      ']',
    )),

    abstract_function_declarator: $ => seq(
      '(',
      optional(field('calling_convention', $.calling_convention)),
      field('pointer', choice('*', '**')),
      ')',
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    ),

    // ------------------------------------------------------------------
    // Declarations
    // ------------------------------------------------------------------

    _c_visibility: $ => field('visibility', choice('public', 'readonly', 'extern')),

    c_declaration: $ => seq(
      optional($._c_visibility),
      field('type', $.c_type),
      $._c_declarator_list,
    ),

    c_variable_declaration: $ => seq(
      'cdef',
      optional($._c_visibility),
      optional(field('api', 'api')),
      choice(
        seq(field('type', $.c_type), $._c_declarator_list),
        // `cdef x`, `cdef public y = 1`: Python objects
        commaList1(field('declarator', $._c_untyped_declarator)),
      ),
    ),

    _c_untyped_declarator: $ => choice(
      $.identifier,
      alias($._c_untyped_init, $.init_declarator),
    ),

    _c_untyped_init: $ => seq(
      field('declarator', $.identifier),
      '=',
      field('value', $.expression),
    ),

    c_declaration_block: $ => seq(
      'cdef',
      optional(field('visibility', choice('public', 'readonly', 'extern'))),
      optional(field('api', 'api')),
      optional(field('nogil', $.nogil_clause)),
      ':',
      cItemSuite($, 'body'),
    ),


    _c_item_line: $ => seq($.pass_statement, $._newline),

    _c_item_body: $ => seq(
      repeat1($._c_block_item),
      $._dedent,
    ),

    // Cython lets a declaration end with ';' (C habit): `int x;`
    _c_end: $ => seq(optional(';'), $._newline),

    _c_block_item: $ => choice(
      seq($.c_declaration, $._c_end),
      seq(alias($._c_docstring, $.expression_statement), $._newline),
      seq(alias($._c_bare_function_declaration, $.c_function_declaration), $._c_end),
      alias($._c_bare_function_definition, $.c_function_definition),
      seq($.pass_statement, $._newline),
      seq($.c_variable_declaration, $._c_end),
      seq($.c_function_declaration, $._c_end),
      $.c_function_definition,
      $.c_struct_definition,
      alias($._c_struct, $.c_struct_definition),
      $.c_enum_definition,
      alias($._c_enum, $.c_enum_definition),
      $.cppclass_definition,
      $.ctypedef_statement,
      $.c_class_definition,
      // `class mod.Name [object O]:` in an extern block
      alias($._c_class_tail, $.c_class_definition),
      $.c_declaration_block,
      alias($._c_decorated_declaration, $.decorated_definition),
      alias($._c_compile_time_if, $.compile_time_if_statement),
      seq($.compile_time_definition, $._newline),
      seq($.include_statement, $._newline),
    ),

    _c_decorated_declaration: $ => seq(
      repeat1($.decorator),
      choice(
        seq(field('definition', alias($._c_bare_function_declaration, $.c_function_declaration)), $._newline),
        field('definition', alias($._c_bare_function_definition, $.c_function_definition)),
        seq(field('definition', $.c_function_declaration), $._newline),
        field('definition', $.c_function_definition),
      ),
    ),

    // ------------------------------------------------------------------
    // Functions
    // ------------------------------------------------------------------

    _c_function_modifiers: $ => seq(
      field('modifier', choice('inline', 'public', 'api', 'static', 'extern')),
      repeat(field('modifier', choice('inline', 'public', 'api', 'static', 'extern'))),
    ),

    _c_function_name: $ => choice($.identifier, $.operator_name),

    // `operator==`, `operator[]`, `operator bool` in C++ class declarations
    operator_name: _ => seq(
      'operator',
      choice(
        '+', '-', '*', '/', '%', '++', '--', '~', '|', '&', '^', '<<', '>>', ',',
        '==', '!=', '>=', '>', '<=', '<', '!', '=', '+=', '-=', '*=', '/=',
        seq('[', ']'), seq('(', ')'), 'bool', 'new', 'delete',
      ),
    ),

    // `[T, A=*]` after a C++ class or function name
    template_parameters: $ => seq(
      '[',
      commaList1($.template_parameter),
      optional(','),
      ']',
    ),

    template_parameter: $ => seq(
      field('name', $.identifier),
      optional(seq('=', field('default', '*'))),
    ),

    _c_function_signature: $ => seq(
      optional(field('return_type', $.c_type)),
      $._c_function_tail,
    ),

    _c_function_tail: $ => seq(
      optional(field('calling_convention', $.calling_convention)),
      field('name', $._c_function_name),
      optional(field('cname', $.string)),
      optional(field('template_parameters', $.template_parameters)),
      field('parameters', $.parameters),
      repeat($._c_function_qualifier),
    ),

    _c_function_qualifier: $ => choice(
      field('exception', $.exception_clause),
      field('nogil', $.nogil_clause),
      field('gil', $.with_gil_clause),
      field('const', 'const'),
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

    // Inside extern blocks / `cdef:` blocks / C++ classes:
    // `int strlen(const char *s)`; constructors have no return type.
    _c_bare_function_declaration: $ => seq(
      optional($._c_function_modifiers),
      $._c_bare_function_signature,
    ),

    _c_bare_function_signature: $ => seq(
      optional(field('return_type', $.c_type)),
      $._c_function_tail,
    ),

    _c_bare_function_definition: $ => seq(
      optional($._c_function_modifiers),
      $._c_bare_function_signature,
      ':',
      field('body', $._suite),
    ),

    exception_clause: $ => choice(
      'noexcept',
      seq('except', optional('?'), field('value', $.expression)),
      prec(PREC.call + 1, seq('except', optional('?'), '*')),
      prec(PREC.call + 1, seq('except', '+', optional(choice(field('value', $.identifier), '*')))),
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
      field('value', choice('*', '?')),
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
        optional(seq(':', field('annotation', $.type))),
        optional(seq('=', field('default', choice($.expression, '*', '?')))),
      ),
      // `def f(o not None)`: a Python object that may (not) be None
      seq(
        field('declarator', $.identifier),
        choice(field('not_none', $.not_none), field('or_none', $.or_none)),
        optional(seq('=', field('default', $.expression))),
      ),
      // Type only (declarations): `cdef int f(int *, const char *)`,
      // `void (*)(void *)`, `char *[]`.  A bare name (`f(int)`) stays a
      // plain identifier parameter.
      prec.dynamic(-1, seq(
        field('type', $.c_type),
        optional(field('declarator', $._c_abstract_declarator)),
      )),
    ),

    c_varargs: _ => '...',

    not_none: _ => seq('not', 'None'),
    or_none: _ => seq('or', 'None'),

    // ------------------------------------------------------------------
    // Classes, structs, enums, typedefs, extern blocks
    // ------------------------------------------------------------------

    c_class_definition: $ => seq(
      'cdef',
      $._c_class_core,
    ),

    // `class Name(Base) [object O, type T]:`; `mod.Name` for extern classes
    _c_class_core: $ => seq(
      optional(field('visibility', choice('public', 'extern', 'readonly'))),
      optional(field('api', 'api')),
      $._c_class_tail,
    ),

    _c_class_tail: $ => seq(
      'class',
      choice(
        seq(
          field('name', $.identifier),
          optional(field('superclasses', $.argument_list)),
          optional(field('options', $.c_class_options)),
          // without a body: a forward declaration
          choice(seq(':', field('body', $._suite)), $._newline),
        ),
        seq(
          // `mod.Name`: the last part names the class
          field('name', alias($._c_dotted_name, $.dotted_name)),
          optional(seq('as', field('alias', $.identifier))),
          optional(field('superclasses', $.argument_list)),
          optional(field('options', $.c_class_options)),
          choice(seq(':', field('body', $._suite)), $._newline),
        ),
      ),
    ),

    c_class_options: $ => seq(
      '[',
      commaList1($.c_class_option),
      optional(','),
      ']',
    ),

    c_class_option: $ => seq(
      field('key', choice('object', 'type', 'check_size')),
      field('value', $.identifier),
    ),

    // C++ classes: `cdef cppclass vector[T, A=*](Base) nogil:`
    cppclass_definition: $ => seq(
      optional(seq(field('kind', 'cdef'), optional($._c_visibility))),
      'cppclass',
      field('name', $.identifier),
      optional(field('cname', $.string)),
      optional(field('template_parameters', $.template_parameters)),
      optional(seq('(', commaList1(field('base', $.c_type)), ')')),
      optional(field('nogil', $.nogil_clause)),
      choice(
        seq(':', cItemSuite($, 'body')),
        $._newline,
      ),
    ),

    c_struct_definition: $ => seq('cdef', optional($._c_visibility), optional(field('api', 'api')), $._c_struct_core),

    _c_struct: $ => $._c_struct_core,

    _c_struct_core: $ => seq(
      optional('packed'),
      field('kind', choice('struct', 'union')),
      field('name', $.identifier),
      optional(field('cname', $.string)),
      choice(
        seq(':', choice(
          seq($._indent, field('body', alias($._c_struct_body, $.block))),
          field('body', alias($._c_item_line, $.block)),
        )),
        $._newline,
      ),
    ),

    _c_docstring: $ => choice($.string, $.concatenated_string),

    _c_struct_body: $ => seq(
      repeat1(choice(
        seq($.c_declaration, $._c_end),
        // a member of function type: `void handler(int)`
        seq(alias($._c_bare_function_declaration, $.c_function_declaration), $._c_end),
        seq(alias($._c_docstring, $.expression_statement), $._newline),
        seq($.pass_statement, $._newline),
        alias($._c_compile_time_if, $.compile_time_if_statement),
      )),
      $._dedent,
    ),

    c_enum_definition: $ => seq(
      field('kind', choice('cdef', 'cpdef')),
      optional($._c_visibility),
      optional(field('api', 'api')),
      $._c_enum_core,
    ),

    _c_enum: $ => $._c_enum_core,

    _c_enum_core: $ => seq(
      'enum',
      optional(field('scoped', choice('class', 'struct'))),
      optional(field('name', $.identifier)),
      optional(field('cname', $.string)),
      optional(seq('(', field('underlying_type', $.c_type), ')')),
      choice(
        seq(':', choice(
          seq($._indent, field('body', alias($._c_enum_body, $.block))),
          seq(field('body', alias($._c_enum_line, $.block))),
        )),
        $._newline,
      ),
    ),

    _c_enum_body: $ => seq(
      optional(seq(alias($._c_docstring, $.expression_statement), $._newline)),
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
      optional(field('cname', $.string)),
      optional(seq('=', field('value', $.expression))),
    ),

    ctypedef_statement: $ => seq(
      'ctypedef',
      optional($._c_visibility),
      optional(field('api', 'api')),
      choice(
        seq(
          field('type', $.c_type),
          field('declarator', choice(
            $._c_declarator,
            // a function type: `ctypedef object getter(object self)`
            alias($._c_plain_function_declarator, $.function_declarator),
          )),
          $._c_end,
        ),
        field('definition', choice(
          alias($._c_struct, $.c_struct_definition),
          alias($._c_enum, $.c_enum_definition),
          alias($._c_class_tail, $.c_class_definition),
          $.fused_type_definition,
        )),
      ),
    ),

    // `cdef fused T:` is `ctypedef fused T:`
    _cdef_fused: $ => seq('cdef', field('definition', $.fused_type_definition)),

    fused_type_definition: $ => seq(
      'fused',
      field('name', $.identifier),
      ':',
      $._indent,
      field('body', alias($._fused_body, $.block)),
    ),

    _fused_body: $ => seq(
      repeat1(choice(seq($.c_type, $._newline), seq($.pass_statement, $._newline))),
      $._dedent,
    ),

    extern_block: $ => seq(
      'cdef',
      choice('extern', 'import'),
      'from',
      field('header', choice($.string, '*')),
      optional(seq('namespace', field('namespace', choice($.string, $.identifier)))),
      optional(field('nogil', $.nogil_clause)),
      ':',
      cItemSuite($, 'body'),
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
      $.new_expression,
    ),

    // C++ `new T(args)`
    // (the type starts with a name, so `new(x)` stays a call of `new`)
    new_expression: $ => seq(
      'new',
      field('type', alias($._c_new_type, $.c_type)),
      field('arguments', $.argument_list),
    ),

    _c_new_type: $ => seq(
      field('name', $._c_type_name),
      optional(seq(
        repeat1(field('suffix', $.c_type_brackets)),
        optional(seq('.', field('member', $.identifier))),
      )),
    ),

    cast_expression: $ => prec(PREC.unary, seq(
      '<',
      field('type', $.c_type),
      optional(field('declarator', $._c_abstract_declarator)),
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
        seq(
          field('type', $.c_type),
          optional(field('declarator', $._c_abstract_declarator)),
        ),
      ),
      ')',
    ),
  },
});
