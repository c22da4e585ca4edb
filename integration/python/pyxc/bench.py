"""pyxc bench FILE --call 'func(args)' [--repeat N] [--json]

Builds FILE, runs the call interpreted and compiled, each in a fresh
interpreter, and prints both times (median and spread over the runs) and
the speed-up.  For a .pyx the interpreted module is `pyxc --emit-py FILE`:
the same code with its C types stripped; a .py runs as it is.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile

from . import run

# Runs in the child: imports the module, times the call; prints JSON.
_RUNNER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
mod = __import__(sys.argv[2])
call, repeat, min_time = sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
code = compile(call, "<--call>", "eval")
env = dict(vars(mod))
result = eval(code, env)
# calls per run: enough for min_time, so that short calls are measurable
number, t = 1, 0.0
while True:
    t0 = time.perf_counter()
    for _ in range(number):
        eval(code, env)
    t = time.perf_counter() - t0
    if t >= min_time or number >= 1 << 24:
        break
    number *= 2 if t == 0 else max(2, min(10, int(min_time / t) + 1))
times = [t / number]
for _ in range(repeat - 1):
    t0 = time.perf_counter()
    for _ in range(number):
        eval(code, env)
    times.append((time.perf_counter() - t0) / number)
print(json.dumps({"times": times, "number": number, "result": repr(result)[:200],
                  "file": getattr(mod, "__file__", "?")}))
"""


def _fmt(seconds):
    if seconds >= 1:
        return f"{seconds:.3f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.3f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.3f} us"
    return f"{seconds * 1e9:.1f} ns"


def _measure(python, directory, module, call, repeat, min_time):
    p = subprocess.run([python, "-c", _RUNNER, directory, module, call, str(repeat), str(min_time)],
                       capture_output=True, text=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}")
    data = json.loads(p.stdout.strip().splitlines()[-1])
    t = data["times"]
    med = statistics.median(t)
    data["median"] = med
    data["spread"] = (max(t) - min(t)) / med if med > 0 else 0.0
    return data


def main(argv=None):
    ap = argparse.ArgumentParser(prog="pyxc bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", help="the .pyx or .py module")
    ap.add_argument("--call", required=True, help="the call to time, e.g. 'fib(25)'")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each side (default 5)")
    ap.add_argument("--min-time", type=float, default=0.05,
                    help="seconds each run lasts at least (short calls are repeated; default 0.05)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--python", default=sys.executable, help="the interpreter (default: this one)")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    src = args.file
    if not os.path.isfile(src):
        print(f"pyxc: error: {src}: No such file", file=sys.stderr)
        return 1
    name = os.path.splitext(os.path.basename(src))[0]
    suffix = sysconfig.get_config_var("EXT_SUFFIX")
    with tempfile.TemporaryDirectory(prefix="pyxc-bench-") as tmp:
        py_dir, c_dir = os.path.join(tmp, "py"), os.path.join(tmp, "c")
        os.makedirs(py_dir)
        os.makedirs(c_dir)
        p = run(["-o", os.path.join(c_dir, name + suffix), src], python=args.python)
        if p.returncode != 0:
            sys.stderr.write(p.stderr)
            return 1
        if src.endswith(".py"):
            with open(src, "rb") as f, open(os.path.join(py_dir, name + ".py"), "wb") as g:
                g.write(f.read())
            how = "the .py source"
        else:
            p = run(["--emit-py", "-o", os.path.join(py_dir, name + ".py"), src], python=args.python)
            if p.returncode != 0:
                sys.stderr.write(p.stderr)
                return 1
            how = "pyxc --emit-py"
        try:
            interp = _measure(args.python, py_dir, name, args.call, args.repeat, args.min_time)
            comp = _measure(args.python, c_dir, name, args.call, args.repeat, args.min_time)
        except RuntimeError as e:
            print(f"pyxc bench: error: {args.call}: {e}", file=sys.stderr)
            return 1
    speedup = interp["median"] / comp["median"] if comp["median"] > 0 else float("inf")
    same = interp["result"] == comp["result"]
    if args.json:
        print(json.dumps({"file": src, "call": args.call, "repeat": args.repeat,
                          "interpreted": {k: interp[k] for k in ("median", "spread", "times", "number", "result")},
                          "compiled": {k: comp[k] for k in ("median", "spread", "times", "number", "result")},
                          "speedup": speedup, "same_result": same}, indent=1))
    else:
        print(f"{name}.{args.call}   ({args.repeat} runs each, median ± spread of the runs)")
        print(f"  interpreted ({how:15})  {_fmt(interp['median']):>12}  ± {interp['spread'] * 100:4.1f}%")
        print(f"  compiled    (pyxc)             {_fmt(comp['median']):>12}  ± {comp['spread'] * 100:4.1f}%")
        print(f"  speed-up: {speedup:,.1f}x")
        if comp["median"] < 2e-6 and speedup > 1000:
            print("  note: the compiled call takes under 2 us: the C compiler has likely computed its\n"
                  "  result without running the loop (its inputs are constants); time a call whose\n"
                  "  work depends on its arguments to see what typing really gains")
        if not same:
            print(f"  warning: the results differ: interpreted {interp['result']}, "
                  f"compiled {comp['result']}")
    return 0 if same else 3


if __name__ == "__main__":
    sys.exit(main())
