# `import main` from the script main.py runs the file again as a distinct module `main`;
# `import __main__` gives the running module.
import sys

print("top level as", __name__)
COUNTER = [0]
COUNTER[0] += 1


def where():
    return __name__


import __main__

print(__main__.__name__, __main__ is sys.modules["__main__"], __main__.where())

if __name__ == "__main__":
    import main

    print(main.__name__, main is __main__, main.where(), main.COUNTER, COUNTER)
    print(main.where.__module__, where.__module__, main.where is where)
    import helper

    print(helper.seen(), helper.main_mod is main)
    print(sorted(k for k in sys.modules if k in ("main", "__main__", "helper")))
    from __main__ import where as w2

    print(w2 is where)
