# `import helpers`: module attributes, functions, classes, and module-level state.
import helpers

print(helpers.GREETING, helpers.add(2, 3), helpers.counter)
helpers.bump()
helpers.bump()
print(helpers.counter, helpers.Point(1, 2), helpers.__name__, type(helpers).__name__)
print(helpers.add.__module__, helpers.Point.__module__, __name__)
helpers.GREETING = "changed"
print(helpers.shout())
