"""A module docstring."""
import math
from collections import OrderedDict

steps = ["start"]
steps.append(math.floor(2.7))
CONST = 2 * 21


def main():
    steps.append("main")
    print(__doc__, steps, CONST)
    print(OrderedDict([("x", 1)]), math.pi, math.sqrt(16))


steps.append("end")
