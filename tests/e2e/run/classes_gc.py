# classes: classes and instances are collected (weakrefs die), __del__ runs,
# cycles through methods and the __class__ cell are broken by the collector
import gc
import weakref


def make():
    class Node:
        def __init__(self):
            self.self_ref = self

        def me(self):
            return __class__

        def sup(self):
            return super().__repr__
    return Node


refs = []
for _ in range(3):
    K = make()
    n = K()
    refs.append((weakref.ref(K), weakref.ref(n), weakref.ref(K.me)))
del K, n
gc.collect()
print([[r() is None for r in rs] for rs in refs])


class Tracked:
    alive = 0

    def __init__(self):
        Tracked.alive += 1

    def __del__(self):
        Tracked.alive -= 1


ts = [Tracked() for _ in range(5)]
print(Tracked.alive)
del ts
gc.collect()
print(Tracked.alive)


class Cycle:
    def __init__(self, other=None):
        self.other = other or Cycle(self)


c = Cycle()
w = weakref.ref(c)
del c
gc.collect()
print(w() is None)
