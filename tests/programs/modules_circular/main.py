# The common circular import: a imports b, b imports a at top level and uses it only in functions.
import a

print(a.ping(3))
print(a.b.pong(2))
