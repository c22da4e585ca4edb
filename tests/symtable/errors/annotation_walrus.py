from __future__ import annotations

value: (kind := int) = 3
# ERROR 3:9: 'named expression' can not be used within an annotation
