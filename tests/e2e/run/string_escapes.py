# String literals: every escape form, named escapes, adjacent literals,
# non-ASCII text and bytes.
S = ("tab\there\nnew line \\ back \' quote \" dq \x41\101\u00e9\U0001F600 "
     "\N{BULLET} \N{LATIN SMALL LETTER E WITH ACUTE}" r" raw \n \N{X}" 'é…')
B = b"\x00\xff\n\\" rb"\d" b"\N{X}"


def main():
    print(repr(S))
    print(len(S), len(B))
    print(repr(B))
    codes = []
    for c in S[-12:]:
        codes.append(ord(c))
    print(codes)
    print("\N{SNOWMAN}" == "\u2603", "\N{SNOWMAN}")
