def greet(name, punct="!"):
    return "Hello, " + name + punct


def main():
    s = "The quick brown fox"
    print(greet("world"), greet("you", punct="?"))
    print(s.upper(), s.lower(), s.split(), len(s), s[4:9], s[::-1], s[-3:])
    print("-".join(["a", "b", "c"]), s.replace("quick", "slow"), s.find("brown"), "fox" in s)
    print("%d items at %.2f each: %s" % (3, 1.5, "ok"), "{} and {}".format(1, "two"))
    print(repr("quo'te"), str(42) + "x", "ab" * 3, "abc" < "abd", ord("A"), chr(66))
    words = {}
    for w in "a b a c b a".split():
        words[w] = words.get(w, 0) + 1
    print(sorted(words.items()))
