for i in range(3):
pass

# ERROR 2:1: expected an indented block after 'for' statement on line 1
