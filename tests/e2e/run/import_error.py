import os.path


def main():
    print(os.path.join("a", "b"))
    from os import definitely_not_here_pyxc
    print(definitely_not_here_pyxc)
