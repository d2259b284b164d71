# printf-style formatting with %: conversions, widths, precision, tuples and dict arguments.
print("%d items" % 3, "%s and %s" % ("a", "b"), "%r" % "q", "%5.2f|" % 3.14159, "%-6s|" % "ab")
print("%x %X %o %e %g %%" % (255, 255, 8, 12345.678, 0.0001), "%+d %05d" % (7, -42))
print("%(name)s is %(age)d" % {"name": "Ada", "age": 36}, "%c%c" % (72, "i"), "%.3s" % "abcdef")
print("%s" % [1, "x"], "%s" % (None,), "%i %u" % (1, 2), "%*d|%-*d|" % (5, 1, 4, 2))
for bad in [lambda: "%d" % "x", lambda: "%s %s" % ("one",), lambda: "%s" % ("a", "b"), lambda: "%z" % 1]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
