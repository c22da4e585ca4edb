pairs = [(i := i + 1) for i in range(3)]
# ERROR 1:11: assignment expression cannot rebind comprehension iteration variable 'i'
