x = 2
if x > 1
    print(x)

# ERROR 2:9: expected ':' after 'if x > 1'
