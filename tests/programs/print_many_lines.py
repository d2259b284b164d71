# A long output: thousands of lines, long lines, and non-ASCII text, in order.
for i in range(3000):
    print(i, i * i, "x" * (i % 7), sep=",")
print("-" * 5000)
print("".join(chr(0x3b1 + i % 24) for i in range(200)))
print("end")
