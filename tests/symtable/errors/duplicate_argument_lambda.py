key = lambda item, *item: item
# ERROR 1:21: duplicate argument 'item' in function definition
