# An exception class from another module, uncaught: the last line names it `module.Class`.
import errors

print(errors.check(5))
errors.check(-5)
