# try/except/else/finally: matching order, tuples of types, `as`, bare except, re-raise.
def attempt(kind):
    try:
        print("try", kind)
        if kind == "zero":
            1 // 0
        elif kind == "index":
            [][1]
        elif kind == "key":
            {}["k"]
        elif kind == "value":
            int("bad")
    except ZeroDivisionError as e:
        print("  zero:", e)
    except (IndexError, KeyError) as e:
        print("  lookup:", type(e).__name__, e)
    except Exception:
        print("  generic")
    else:
        print("  else")
    finally:
        print("  finally")

for kind in ["ok", "zero", "index", "key", "value"]:
    attempt(kind)

def bare():
    try:
        raise TypeError("t")
    except:
        return "bare caught"
print(bare())

def reraiser():
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            print("handling, then re-raising")
            raise
    except ZeroDivisionError as e:
        print("outer got:", e)
reraiser()

def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("caught", repr(e))
nested()
try:
    pass
except Exception:
    print("no")
else:
    print("else without exception")
e = "before"
try:
    raise ValueError("v")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
