from __future__ import annotations, generators, time_travel
# ERROR 1:1: future feature time_travel is not defined
