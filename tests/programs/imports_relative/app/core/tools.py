def double(s):
    return s * 2
