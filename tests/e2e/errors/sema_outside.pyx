# statements that only make sense inside a function or a loop
x = 1
return x
break
continue

# ERROR 3:1: 'return' outside function
# ERROR 4:1: 'break' outside loop
# ERROR 5:1: 'continue' not properly in loop
