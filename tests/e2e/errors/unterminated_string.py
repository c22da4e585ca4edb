s = "abc

# ERROR 1:5: unterminated string literal
