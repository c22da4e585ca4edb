# embedsignature off by default, on for one decorated function and for the
# functions inside a 'with' block.
cimport cython

def default(a):
    "Default."

@cython.embedsignature(True)
def decorated(a, b=2):
    "Decorated."

with cython.embedsignature(True):
    def in_block(x):
        pass

def after(a):
    pass
