def reset(state):
    global state
    state = None
# ERROR 2:5: name 'state' is parameter and global
