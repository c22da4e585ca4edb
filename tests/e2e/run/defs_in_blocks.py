# defs inside module-level blocks are bound when their def statement runs,
# as in copyreg.py ('try: complex ... else: def pickle_complex(c): ...').
import sys

try:
    complex
except NameError:
    pass
else:
    def pickle_complex(c):
        return complex, (c.real, c.imag)

if sys.maxsize > 2**32:
    def width():
        return 64
else:
    def width():
        return 32

for i in range(2):
    def last():
        return "loop def"

try:
    print(early())
except NameError as e:
    print("NameError:", e)

if True:
    def early():
        return "bound now"

print(pickle_complex(1 + 2j), width(), last(), early())
