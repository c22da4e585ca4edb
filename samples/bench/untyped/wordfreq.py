"""Word frequency: split generated text, count in a dict, rank (plain Python)."""

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "da", "xu", "be"]


def make_text(n):
    seed = 12345
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + seed % 3
        w = ""
        s = seed
        for _ in range(k):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        if seed % 7 == 0:
            w = w.capitalize()
        words.append(w)
    return " ".join(words)


def run(n):
    text = make_text(n)
    counts = {}
    for word in text.split():
        word = word.lower()
        counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    top = ranked[:10]
    return len(counts) * 1000000 + top[0][1] * 1000 + len(top[-1][0])


BENCH_N = 200000
CHECK_N = 1000
CHECK_RESULT = 310084004
