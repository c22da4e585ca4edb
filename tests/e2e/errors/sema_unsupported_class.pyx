class A:
    pass

# ERROR 1:1: not supported yet: classes
