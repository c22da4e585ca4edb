from __future__ import annotations


async def coro() -> (await other()):
    pass
# ERROR 4:22: 'await expression' can not be used within an annotation
