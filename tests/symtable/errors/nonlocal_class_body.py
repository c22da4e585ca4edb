def outer():
    class C:
        nonlocal attr
        attr = 1
    return C
# ERROR 3:9: no binding for nonlocal 'attr' found
