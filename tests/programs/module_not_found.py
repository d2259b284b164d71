# Importing a module that is not in the image: ModuleNotFoundError, uncaught.
print("before import")
import nosuch
print("never")
