# Importing a module that is not in the image: ModuleNotFoundError, uncaught. (A bare
# `import nosuch` of the program's own code is a freeze error; inside a `try` that catches
# ImportError it is left for the run, as here.)
print("before import")
try:
    import nosuch
except ImportError:
    raise
print("never")
