"""A docstring may come first."""
import os; from __future__ import annotations
# CPython says column 11, the character before the statement (future.c passes
# the 0-based column); pyxc points at the statement.
# ERROR 2:12: from __future__ imports must occur at the beginning of the file
