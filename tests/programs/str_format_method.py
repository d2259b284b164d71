# str.format with positional, numbered, named fields, specs and conversions.
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"))
print("{name} is {age}".format(name="Ada", age=36))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:05d} {:.3f} {:x} {:,}".format(42, 3.14159, 255, 1234567))
print("{!r} {!s}".format("q", "q"))
print("{{literal}} {}".format("x"))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
