# if/elif/else, while and for with else, break, continue, pass, nested loops.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

print([classify(n) for n in (-5, 0, 3, 42)])
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("not printed: loop broke")
while i < 3:
    pass
else:
    print("while else runs when the condition fails", i)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print("prime", n)
for x in []:
    print("never")
else:
    print("for else on empty")
total = 0
for x in range(10):
    if x % 2:
        continue
    total += x
print(total)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        if a == b:
            continue
        print("pair", a, b)
count = 0
while True:
    count += 1
    if count >= 3:
        break
print("count", count)
if not []:
    pass
print("end")
