"""python -m pyxc [options] FILE...   runs the compiler for this interpreter
python -m pyxc bench FILE --call 'f(x)'   interpreted vs compiled (pyxc.bench)"""
import subprocess
import sys

from . import _env, executable


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "bench":
        from . import bench
        return bench.main(argv[1:])
    try:
        exe = executable()
    except FileNotFoundError as e:
        print(f"pyxc: error: {e}", file=sys.stderr)
        return 2
    env = _env()
    # build for the interpreter running 'python -m pyxc' unless told otherwise
    env.setdefault("PYXC_PYTHON", sys.executable)
    return subprocess.call([exe] + argv, env=env)


if __name__ == "__main__":
    sys.exit(main())
