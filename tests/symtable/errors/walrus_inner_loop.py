result = [x for x in range(3) if (y := x) for y in range(x)]
# ERROR 1:47: comprehension inner loop cannot rebind assignment expression target 'y'
