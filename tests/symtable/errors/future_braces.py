from __future__ import braces
# ERROR 1:1: not a chance
