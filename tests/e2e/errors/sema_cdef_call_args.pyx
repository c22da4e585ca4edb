# calls of cdef functions are checked against the C signature
cdef int add(int a, int b):
    return a + b

def main():
    add(1)
    add(1, 2, 3)
    add(1, c=2)
    return add("one", 2)

# ERROR 6:5: add() missing required argument 'b'
# ERROR 7:5: call with wrong number of arguments (expected 2, got 3)
# ERROR 8:12: add() got an unexpected keyword argument 'c'
# ERROR 9:16: argument 1 of 'add' has type 'str', expected 'int'
