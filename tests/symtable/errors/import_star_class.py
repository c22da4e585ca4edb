class Namespace:
    from math import *
# ERROR 2:22: import * only allowed at module level
