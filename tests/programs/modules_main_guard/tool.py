# A utility module that can also be run as a script.
def double(x):
    return 2 * x


if __name__ == "__main__":
    print("tool run as a script: this must not print when imported")
