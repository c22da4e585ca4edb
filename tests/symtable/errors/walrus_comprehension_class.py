class Config:
    values = [1, 2, 3]
    evens = [(last := v) for v in values if v % 2 == 0]
# ERROR 3:15: assignment expression within a comprehension cannot be used in a class body
