values = [v for v in (data := [1, 2, 3])]
# ERROR 1:23: assignment expression cannot be used in a comprehension iterable expression
