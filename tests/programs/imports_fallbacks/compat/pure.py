def loads(s):
    return "pure:" + s
