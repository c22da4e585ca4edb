# Known failure: '**' on two C longs compiles to the constant 1.0 (the
# operands are evaluated into unused temporaries, so -Werror also fails).

def int_pow(long a, long b):
    return a ** b

def double_pow(double a, double b):
    return a ** b
