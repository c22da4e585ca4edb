print "hello"

# ERROR 1:1: Python 2 print statement: write print(...)
