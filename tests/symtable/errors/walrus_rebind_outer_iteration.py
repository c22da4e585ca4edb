def grid(rows):
    return [[(r := c) for c in row] for r in rows]
# ERROR 2:15: assignment expression cannot rebind comprehension iteration variable 'r'
