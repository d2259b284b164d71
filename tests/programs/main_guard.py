# The `if __name__ == "__main__":` idiom: the main module's __name__ is "__main__".
def main():
    print("main() runs, __name__ =", __name__)
    return 0

print("module level runs first")
if __name__ == "__main__":
    main()
else:
    print("imported, not run")
