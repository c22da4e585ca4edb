def helper():
    from os.path import *
    return join('a', 'b')
# ERROR 2:25: import * only allowed at module level
