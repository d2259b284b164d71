# A module with a main guard imported by the main module: only the main module's guard fires.
import tool

print("main module name:", __name__, "| tool module name:", tool.__name__)
if __name__ == "__main__":
    print("main guard in main.py fires", tool.double(21))
