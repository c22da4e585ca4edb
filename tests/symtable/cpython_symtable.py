#!/usr/bin/env python3
"""Prints CPython's own symbol table for Python files in the format of
`pyxc --dump-symtable`, so that tests/run.py can diff the two.

    cpython_symtable.py FILE          the dump of one file
    cpython_symtable.py -m FILE...    several files, each dump after a line
                                      '==> FILE <=='

The dump: one line per scope, '<kind> <name> <line>' (kind as the symtable
module's get_type(): module, class or function), then the scope's symbols
sorted by name, one a line, two spaces deeper:

    <name> <binding> <fact> <fact> ...

binding is the symtable's resolved scope of the name (LOCAL, CELL, FREE,
GLOBAL_EXPLICIT, GLOBAL_IMPLICIT); the facts are the Symbol methods that
answer True, in this order: referenced imported parameter global
declared_global local annotated free assigned namespace nonlocal, then two
raw flags of the symtable that the methods do not show: comp_iter (a
comprehension's iteration variable, DEF_COMP_ITER) and free_class (free in a
method and bound in the class, DEF_FREE_CLASS).  Nested scopes follow their
parent's symbols, in the order the symtable lists them.

When CPython refuses the file, the dump is one line instead:
    parse-error LINE: MESSAGE       its parser refused it (ast.parse)
    error LINE:COL: MESSAGE         the symtable pass refused it
"""
import ast
import sys

import _symtable
import symtable

FACTS = ("referenced", "imported", "parameter", "global", "declared_global", "local",
         "annotated", "free", "assigned", "namespace", "nonlocal")
BINDINGS = {_symtable.LOCAL: "LOCAL", _symtable.CELL: "CELL", _symtable.FREE: "FREE",
            _symtable.GLOBAL_EXPLICIT: "GLOBAL_EXPLICIT",
            _symtable.GLOBAL_IMPLICIT: "GLOBAL_IMPLICIT"}
DEF_COMP_ITER = 2 << 8
DEF_FREE_CLASS = _symtable.DEF_FREE_CLASS


def dump_table(t, depth, out):
    pad = "  " * depth
    out.append(f"{pad}{t.get_type()} {t.get_name()} {t.get_lineno()}")
    raw = t._table.symbols
    for name in sorted(t.get_identifiers()):
        sym = t.lookup(name)
        flags = raw[name]
        scope = (flags >> _symtable.SCOPE_OFF) & _symtable.SCOPE_MASK
        words = [BINDINGS.get(scope, f"SCOPE{scope}")]
        words += [f for f in FACTS if getattr(sym, "is_" + f)()]
        if flags & DEF_COMP_ITER:
            words.append("comp_iter")
        if flags & DEF_FREE_CLASS:
            words.append("free_class")
        out.append(f"{pad}  {name} {' '.join(words)}")
    for child in t.get_children():
        dump_table(child, depth + 1, out)


def dump_file(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        ast.parse(data, path)
    except (SyntaxError, ValueError) as e:
        return [f"parse-error {getattr(e, 'lineno', 0)}: {getattr(e, 'msg', str(e))}"]
    try:
        top = symtable.symtable(data.decode("utf-8-sig"), path, "exec")
    except SyntaxError as e:
        return [f"error {e.lineno}:{e.offset}: {e.msg}"]
    out = []
    dump_table(top, 0, out)
    return out


def main(argv):
    if len(argv) >= 2 and argv[0] == "-m":
        for path in argv[1:]:
            print(f"==> {path} <==")
            print("\n".join(dump_file(path)))
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    print("\n".join(dump_file(argv[0])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
