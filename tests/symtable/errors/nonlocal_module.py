nonlocal x
x = 1
# ERROR 1:1: nonlocal declaration not allowed at module level
