from __future__ import annotations


def gen(x: (yield)):
    pass
# ERROR 4:13: 'yield expression' can not be used within an annotation
