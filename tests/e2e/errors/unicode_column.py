s = "é" + )

# ERROR 1:11: unmatched ')'
