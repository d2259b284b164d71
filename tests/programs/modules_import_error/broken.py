# A module whose top level fails half way.
READY = True
print("broken: top level starts")
TABLE = {"a": 1}
VALUE = TABLE["b"]
