x = b"a" "b"

# ERROR 1:5: cannot mix bytes and nonbytes literals
