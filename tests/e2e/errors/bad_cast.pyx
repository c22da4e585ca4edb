x = <int 3

# ERROR 1:5: invalid syntax: expected a C type and '>' in the cast starting here
