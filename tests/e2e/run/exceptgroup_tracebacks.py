# except*: the frames in the tracebacks of what goes on (the rest, a new
# group of what clauses raised, a naked exception's replacement), as
# CPython 3.11 prints them (file names and source lines left out).
import traceback


def rest_goes_on():
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        pass


def raise_and_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("new")
    except* TypeError:
        raise


def naked_raise():
    try:
        raise ValueError(1)
    except* ValueError:
        raise KeyError(2)


def show(f):
    try:
        f()
    except BaseException as e:
        text = "".join(traceback.format_exception(e))
        out = []
        for l in text.splitlines():
            t = l.strip().lstrip("|").strip()
            if t.startswith("File"):
                out.append("F:" + t.split(" in ")[-1].split(".")[-1])
            elif t.startswith(("+", "Exception Group", "Traceback")) or ":" in t and not t.startswith(("raise", "f(")):
                out.append(t)
        print(f.__name__, out)


def main():
    for f in (rest_goes_on, raise_and_rest, naked_raise):
        show(f)
