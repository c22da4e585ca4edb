x = [1, 2)]

# ERROR 1:10: closing parenthesis ')' does not match opening parenthesis '['
