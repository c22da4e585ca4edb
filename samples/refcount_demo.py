# refcount_demo.py - the seed guide's garbage-collection example: an object
# lives while something refers to it.
import sys

# Creating a list
my_list = [1, 2, 3, 4, 5]

# Creating another reference to the same list
another_reference = my_list
print(sys.getrefcount(my_list) - 1, "references")

# Deleting the original reference
del my_list

# The list still exists because there is another reference
print(another_reference)

# Deleting the second reference
del another_reference

# At this point, the list is no longer referenced and will be garbage collected
