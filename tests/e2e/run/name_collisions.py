# User names that look like pyxc's own C names must not collide with them.
def f(r):
    x_c1 = 5
    h1_x = 7
    v_x = 9
    pyx_t_1 = 11
    ys = [x for x in r]
    zs = [x * x_c1 for x in r]
    ws = {x: h1_x for x in r}
    return ys, zs, ws, x_c1, h1_x, v_x, pyx_t_1


print(f(range(3)))
x_c1 = [x for x in "ab"]
h1_x = [x + "!" for x in x_c1]
print(x_c1, h1_x)
