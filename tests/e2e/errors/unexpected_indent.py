x = 1
  y = 2

# ERROR 2:3: unexpected indent
