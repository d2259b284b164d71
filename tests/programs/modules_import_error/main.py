# A module that fails while being imported: the error propagates out of the import statement.
print("importing broken")
import broken
print("never reached")
