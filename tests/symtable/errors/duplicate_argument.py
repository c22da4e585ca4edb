def connect(host, port, *, host=None):
    return host, port
# ERROR 1:28: duplicate argument 'host' in function definition
