def side(n):
    return n * n
